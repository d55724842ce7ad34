import { tasksAbi } from '#contracts-abi/Tasks'
import { editMetadataSchema } from '~/tasks/forms'
import { contractWrite, useTxFlow } from '~/chain-writes/use-tx-flow'
import { useWriteForm, writeFormProps } from '~/chain-writes/use-write-form'
import type { TaskWriteContext } from '~/tasks/task-write-context'

import { TaskDocumentFields, type TaskDocumentFieldSet } from '~/tasks/components/task-document-fields'
import { WriteFormFooter } from '~/chain-writes/write-form-footer'
import { TaskFormTarget } from '~/tasks/components/task-form-target'

/** The manager replaces the task's metadata document (while the task is open). */
export function EditMetadataForm({ ctx, defaults }: { ctx: TaskWriteContext; defaults: Record<string, unknown> | null }) {
  const flow = useTxFlow({ chainId: ctx.chainId, pageBlock: ctx.pageBlock })
  const [form, fields] = useWriteForm({
    id: 'edit-metadata',
    schema: editMetadataSchema,
    flow,
    stores: true,
    defaultValue: defaults ?? { links: [{ name: '', url: '' }] },
    steps: (_value, uri) => [
      { label: 'Save the new description', write: contractWrite(tasksAbi, ctx.contracts.tasks, 'editMetadata', [BigInt(ctx.taskId), uri ?? '']) },
    ],
  })
  return (
    <form method="post" {...writeFormProps(form)} className="task-form" aria-label="Edit the task">
      <TaskFormTarget intent="edit-metadata" ctx={ctx} />
      <TaskDocumentFields form={form as never} fields={fields as unknown as TaskDocumentFieldSet} />
      <WriteFormFooter form={form} flow={flow} label="Save changes" />
    </form>
  )
}
