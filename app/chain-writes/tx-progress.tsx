import { TxLink } from '~/components/tx-link'
import type { TxFlow, TxPhase } from './use-tx-flow'

// Where a write is: signing → submitted → mined → indexed → visible (after storing its metadata
// when the form has one). Announced politely to screen readers; a failure is an alert.

const phases: { phase: TxPhase; label: string }[] = [
  { phase: 'storing', label: 'Metadata stored' },
  { phase: 'signing', label: 'Signing' },
  { phase: 'submitted', label: 'Submitted' },
  { phase: 'mined', label: 'Mined' },
  { phase: 'indexed', label: 'Indexed' },
  { phase: 'visible', label: 'Visible' },
]

const sentences: Record<TxPhase, string> = {
  idle: '',
  storing: 'Storing the metadata…',
  signing: 'Confirm the transaction in your wallet…',
  submitted: 'Submitted: waiting for the transaction to be mined…',
  mined: 'Mined: waiting for the portal to index it…',
  indexed: 'Indexed: updating the page…',
  visible: 'Done: the page shows the new state.',
  failed: '',
}

export function TxProgress({ flow, withMetadata = true }: { flow: TxFlow; withMetadata?: boolean }) {
  if (flow.phase === 'idle') return null
  const shown = withMetadata ? phases : phases.filter((p) => p.phase !== 'storing')
  const reached = shown.findIndex((p) => p.phase === flow.phase)
  return (
    <div className="tx-progress" data-phase={flow.phase}>
      <ol aria-label="Transaction progress">
        {shown.map((p, index) => {
          const status = flow.phase === 'visible' || index < reached ? 'done' : index === reached ? 'current' : 'todo'
          return (
            <li key={p.phase} data-status={status} aria-current={status === 'current' ? 'step' : undefined}>
              {p.label}
            </li>
          )
        })}
      </ol>
      {flow.steps > 1 && flow.phase !== 'failed' ? (
        <p className="small">
          Transaction {flow.step} of {flow.steps}: {flow.label}
        </p>
      ) : null}
      <p role="status" aria-live="polite" className="small">
        {sentences[flow.phase]}
        {flow.hash ? (
          <>
            {' '}
            Transaction <TxLink hash={flow.hash} />
            {flow.block !== null ? ` in block ${flow.block}` : null}.
          </>
        ) : null}
      </p>
      {flow.phase === 'failed' ? (
        <p role="alert" className="tx-error">
          {flow.error}{' '}
          <button type="button" className="secondary" onClick={flow.reset}>
            Dismiss
          </button>
        </p>
      ) : null}
    </div>
  )
}
