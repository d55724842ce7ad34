import { tasksAbi } from '#contracts-abi/Tasks'
import { contractWrite, useTxFlow } from '~/chain-writes/use-tx-flow'
import { useWriteForm, writeFormProps } from '~/chain-writes/use-write-form'
import { WriteFormFooter } from '~/chain-writes/write-form-footer'
import { TextField } from '~/components/form-fields'
import { TaskFormTarget } from '~/tasks/components/task-form-target'
import { extendDeadlineSchema } from '~/tasks/forms'
import type { TaskWriteContext } from '~/tasks/task-write-context'

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
