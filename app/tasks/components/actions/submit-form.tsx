import { tasksAbi } from '#contracts-abi/Tasks'
import { submitSchema } from '~/tasks/forms'
import { contractWrite, useTxFlow } from '~/tasks/use-tx-flow'
import { useWriteForm, writeFormProps } from '~/tasks/use-write-form'
import type { TaskWriteContext } from '~/tasks/write-context'
import { TextAreaField } from '~/tasks/components/fields'
import { TaskFormTarget, WriteFormFooter } from '~/tasks/components/write-form-parts'

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
