import { tasksAbi } from '#contracts-abi/Tasks'
import { contractWrite, useTxFlow } from '~/chain-writes/use-tx-flow'
import { useWriteForm, writeFormProps } from '~/chain-writes/use-write-form'
import { WriteFormFooter } from '~/chain-writes/write-form-footer'
import { TextAreaField } from '~/components/form-fields'
import { TaskFormTarget } from '~/tasks/components/task-form-target'
import { submitSchema } from '~/tasks/forms'
import type { TaskWriteContext } from '~/tasks/task-write-context'

/** The executor hands in work: an explanation (Markdown), stored as `{explanation}`. */
export function SubmitForm({ ctx }: { ctx: TaskWriteContext }) {
  const flow = useTxFlow({ chainId: ctx.chainId, pageBlock: ctx.pageBlock })
  const [form, fields] = useWriteForm({
    id: 'submit',
    schema: submitSchema,
    flow,
    stores: true,
    steps: (_value, uri) => [
      { label: 'Submit the work', write: contractWrite(tasksAbi, ctx.contracts.tasks, 'createSubmission', [BigInt(ctx.taskId), uri ?? '']) },
    ],
  })
  return (
    <form method="post" {...writeFormProps(form)} className="task-form" aria-label="Submit your work">
      <TaskFormTarget intent="submit" ctx={ctx} />
      <TextAreaField meta={fields.explanation} label="What you delivered" hint="Links to the work and how to check it, in Markdown." />
      <WriteFormFooter form={form} flow={flow} label="Submit work" />
    </form>
  )
}
