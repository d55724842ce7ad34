import { tasksAbi } from '#contracts-abi/Tasks'
import { contractWrite, useTxFlow } from '~/chain-writes/use-tx-flow'
import { useWriteForm, writeFormProps } from '~/chain-writes/use-write-form'
import { WriteFormFooter } from '~/chain-writes/write-form-footer'
import { TextAreaField } from '~/components/form-fields'
import { TaskFormTarget } from '~/tasks/components/task-form-target'
import { cancelSchema } from '~/tasks/forms'
import type { TaskWriteContext } from '~/tasks/task-write-context'

/**
 * The manager cancels: at once while the task is open or past its deadline (the budget goes back
 * to the creator), otherwise as a request the executor must accept.
 */
export function CancelForm({ ctx, mode }: { ctx: TaskWriteContext; mode: 'now' | 'request' }) {
  const flow = useTxFlow({ chainId: ctx.chainId, pageBlock: ctx.pageBlock })
  const [form, fields] = useWriteForm({
    id: 'cancel',
    schema: cancelSchema,
    flow,
    stores: true,
    steps: (_value, uri) => [
      {
        label: mode === 'now' ? 'Cancel the task' : 'Ask the contributor to cancel',
        write: contractWrite(tasksAbi, ctx.contracts.tasks, 'cancelTask', [BigInt(ctx.taskId), uri ?? '']),
      },
    ],
  })
  return (
    <form method="post" {...writeFormProps(form)} className="task-form" aria-label="Cancel the task">
      <TaskFormTarget intent="cancel" ctx={ctx} />
      <p className="hint">
        {mode === 'now'
          ? 'The task closes now and its whole budget goes back to the creator.'
          : 'The task is taken and its deadline has not passed: the contributor must accept the cancellation.'}
      </p>
      <TextAreaField meta={fields.reason} label="Reason" rows={2} />
      <WriteFormFooter form={form} flow={flow} label={mode === 'now' ? 'Cancel now' : 'Request cancellation'} secondary />
    </form>
  )
}
