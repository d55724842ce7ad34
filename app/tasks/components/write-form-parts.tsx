import type { ReactNode } from 'react'
import type { TxFlow } from '~/tasks/use-tx-flow'
import type { TaskWriteContext } from '~/tasks/write-context'
import { FormErrors } from './fields'
import { TxProgress } from './tx-progress'

// The frame every task write form shares: which write on which task it posts, and its end.

/** The hidden fields naming the write (`intent`) and its task, which the task page's action reads. */
export function TaskFormTarget({ intent, ctx }: { intent: string; ctx: Pick<TaskWriteContext, 'chainId' | 'taskId'> }) {
  return (
    <>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="chainId" value={ctx.chainId} />
      <input type="hidden" name="taskId" value={ctx.taskId} />
    </>
  )
}

/** The end of every task write form: its errors, the submit button, then the write's progress. */
export function WriteFormFooter({
  form,
  flow,
  label,
  secondary = false,
  disabled = false,
  withMetadata = true,
}: {
  form: { errorId: string; errors?: string[] }
  flow: TxFlow
  label: ReactNode
  /** The lighter button style of the manager's tools. */
  secondary?: boolean
  /** Disabled for another reason than a write in progress. */
  disabled?: boolean
  /** Whether the write stores a metadata document first (the "storing" step). */
  withMetadata?: boolean
}) {
  return (
    <>
      <FormErrors id={form.errorId} errors={form.errors} />
      <div className="actions">
        <button type="submit" className={secondary ? 'secondary' : undefined} disabled={flow.busy || disabled}>
          {label}
        </button>
      </div>
      <TxProgress flow={flow} withMetadata={withMetadata} />
    </>
  )
}
