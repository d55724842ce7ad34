import { tasksAbi } from '#contracts-abi/Tasks'
import { extendDeadlineSchema } from '~/tasks/forms'
import { contractWrite, useTxFlow } from '~/tasks/use-tx-flow'
import { useWriteForm, writeFormProps } from '~/tasks/use-write-form'
import type { TaskWriteContext } from '~/tasks/write-context'
import { TextField } from '~/tasks/components/fields'
import { TaskFormTarget, WriteFormFooter } from '~/tasks/components/write-form-parts'

const DAY = 86_400n

export function ExtendDeadlineForm({ ctx }: { ctx: TaskWriteContext }) {
  const flow = useTxFlow({ chainId: ctx.chainId, pageBlock: ctx.pageBlock })
  const [form, fields] = useWriteForm({
    id: 'extend-deadline',
    schema: extendDeadlineSchema,
    flow,
    stores: false,
    steps: (value) => [
      {
        label: `Extend the deadline by ${value.days} days`,
        write: contractWrite(tasksAbi, ctx.contracts.tasks, 'extendDeadline', [BigInt(ctx.taskId), BigInt(value.days) * DAY]),
      },
    ],
  })
  return (
    <form method="post" {...writeFormProps(form)} className="task-form" aria-label="Extend the deadline">
      <TaskFormTarget intent="extend-deadline" ctx={ctx} />
      <TextField meta={fields.days} label="Extend by (days)" type="number" inputMode="numeric" />
      <WriteFormFooter form={form} flow={flow} label="Extend deadline" secondary withMetadata={false} />
    </form>
  )
}
