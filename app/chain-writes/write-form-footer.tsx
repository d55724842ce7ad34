import type { ReactNode } from 'react'
import { FormErrors } from '~/components/form-fields'
import { TxProgress } from './tx-progress'
import type { TxFlow } from './use-tx-flow'

/** The end of every write form: its errors, the submit button, then the write's progress. */
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
