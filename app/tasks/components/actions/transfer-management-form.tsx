import { tasksAbi } from '#contracts-abi/Tasks'
import { contractWrite, useTxFlow } from '~/chain-writes/use-tx-flow'
import { useWriteForm, writeFormProps } from '~/chain-writes/use-write-form'
import { WriteFormFooter } from '~/chain-writes/write-form-footer'
import { TextField } from '~/components/form-fields'
import { TaskFormTarget } from '~/tasks/components/task-form-target'
import { transferManagementSchema } from '~/tasks/forms'
import type { TaskWriteContext } from '~/tasks/task-write-context'

/** The manager hands the task to another manager (transferManagement): from then on only they manage it. */
export function TransferManagementForm({ ctx }: { ctx: TaskWriteContext }) {
  const flow = useTxFlow({ chainId: ctx.chainId, pageBlock: ctx.pageBlock })
  const [form, fields] = useWriteForm({
    id: 'transfer-management',
    schema: transferManagementSchema,
    flow,
    stores: false,
    steps: (value) => [
      { label: 'Transfer the management', write: contractWrite(tasksAbi, ctx.contracts.tasks, 'transferManagement', [BigInt(ctx.taskId), value.newManager]) },
    ],
  })
  return (
    <form method="post" {...writeFormProps(form)} className="task-form" aria-label="Transfer the management">
      <TaskFormTarget intent="transfer-management" ctx={ctx} />
      <TextField meta={fields.newManager} label="New manager" placeholder="0x…" hint="You will no longer manage this task." />
      <WriteFormFooter form={form} flow={flow} label="Transfer the management" secondary withMetadata={false} />
    </form>
  )
}
