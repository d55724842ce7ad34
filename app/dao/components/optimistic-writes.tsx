import { useState } from 'react'
import type { TxFlow } from '~/chain-writes/use-tx-flow'
import { FlowButton } from './flow-button'
import { rejectionFormSchema } from '../forms'
import type { DaoBodyTarget, DaoContracts, Hex20 } from '../writes/dao-contracts'
import { executeOptimisticStep, rejectOptimisticStep } from '../writes/governance-calls'
import { storeDaoDocument } from './store-dao-document'

// The writes of an optimistic action's page: a member rejects it during its objection period,
// with a reason stored as an `ipfs://` {reason} document (as the ovc-frontend writes it), through
// their DAO's creation TrustlessManagement; anyone executes it once the period is over.

export function RejectActionForm({ contracts, body, actionId, flow }: { contracts: DaoContracts; body: DaoBodyTarget; actionId: number; flow: TxFlow }) {
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  return (
    <form
      aria-label="Reject the action"
      onSubmit={(event) => {
        event.preventDefault()
        const parsed = rejectionFormSchema.safeParse({ reason })
        if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'Say why you reject it')
        setError(null)
        void flow.run(async () => {
          const uri = await storeDaoDocument('dao-rejection', { reason: parsed.data.reason })
          return { steps: [rejectOptimisticStep(contracts, body, actionId, uri)] }
        })
      }}
    >
      <label className="field">
        <span>Why do you reject it?</span>
        <textarea name="reason" rows={3} value={reason} onChange={(event) => setReason(event.target.value)} aria-invalid={error ? true : undefined} />
      </label>
      {error ? <p className="field-error" role="alert">{error}</p> : null}
      <p className="small muted">
        One rejection stops the action for good. {body.tag ? 'Any member of the department' : 'Any OVC holder'} may reject it.
      </p>
      <div className="actions">
        <button type="submit" className="secondary" disabled={flow.busy}>
          Reject the action
        </button>
      </div>
    </form>
  )
}

export function ExecuteActionButton({ contracts, dao, actionId, flow }: { contracts: DaoContracts; dao: Hex20; actionId: number; flow: TxFlow }) {
  return (
    <FlowButton flow={flow} steps={() => [executeOptimisticStep(contracts, dao, actionId)]}>
      Execute the action
    </FlowButton>
  )
}
