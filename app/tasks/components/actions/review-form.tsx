import { tasksAbi } from '#contracts-abi/Tasks'
import { contractWrite, useTxFlow } from '~/chain-writes/use-tx-flow'
import { useWriteForm, writeFormProps } from '~/chain-writes/use-write-form'
import { WriteFormFooter } from '~/chain-writes/write-form-footer'
import { FieldErrors, TextAreaField } from '~/components/form-fields'
import { TaskFormTarget } from '~/tasks/components/task-form-target'
import { reviewSchema } from '~/tasks/forms'
import type { TaskWriteContext } from '~/tasks/task-write-context'

const JUDGEMENT = { accepted: 1, rejected: 2 } as const

/** The manager accepts (pays the executor, closes the task) or rejects a submission, with feedback. */
export function ReviewForm({ ctx, submissionId }: { ctx: TaskWriteContext; submissionId: number }) {
  const flow = useTxFlow({ chainId: ctx.chainId, pageBlock: ctx.pageBlock })
  const [form, fields] = useWriteForm({
    id: `review-${submissionId}`,
    schema: reviewSchema,
    flow,
    stores: true,
    steps: (value, uri) => [
      {
        label: value.judgement === 'accepted' ? 'Accept the submission and pay' : 'Reject the submission',
        write: contractWrite(tasksAbi, ctx.contracts.tasks, 'reviewSubmission', [
          BigInt(ctx.taskId),
          submissionId,
          JUDGEMENT[value.judgement],
          uri ?? '',
        ]),
      },
    ],
  })
  return (
    <form method="post" {...writeFormProps(form)} className="task-form" aria-label={`Review submission #${submissionId}`}>
      <TaskFormTarget intent="review" ctx={ctx} />
      <input type="hidden" name="submissionId" value={submissionId} />
      <fieldset aria-describedby={fields.judgement.errorId}>
        <legend>Judgement</legend>
        <label>
          <input type="radio" name={fields.judgement.name} value="accepted" /> Accept: pay the reward and close the task
        </label>
        <label>
          <input type="radio" name={fields.judgement.name} value="rejected" /> Reject: the contributor can submit again
        </label>
        <FieldErrors meta={fields.judgement} />
      </fieldset>
      <TextAreaField meta={fields.feedback} label="Feedback" hint="Required when rejecting." rows={3} />
      <WriteFormFooter form={form} flow={flow} label="Send review" />
    </form>
  )
}
