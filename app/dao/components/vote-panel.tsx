import { useState } from 'react'
import { useConnection, useSignTypedData } from 'wagmi'
import { storeFormMetadata } from '~/chain-writes/store-form-metadata'
import type { TxFlow } from '~/chain-writes/use-tx-flow'
import { voteReasonLimit } from '../forms'
import type { DaoBodyTarget } from '../writes/dao-contracts'
import { voteStep, type CastOption } from '../writes/governance-calls'
import { voteStatementTypedData } from '../vote-statement'

// Voting from the proposal page: Yes / No / Abstain with an optional reason. The plugins keep no
// reason on chain, so a reason is a statement the voter signs first (EIP-712, no transaction),
// stored as a document through POST /ipfs; then the vote itself is sent. The page shows the vote,
// the new tally and the reason as soon as the indexer has the vote (read-your-writes).

const options: { option: CastOption; label: string }[] = [
  { option: 'yes', label: 'Yes' },
  { option: 'no', label: 'No' },
  { option: 'abstain', label: 'Abstain' },
]

/** The vote buttons; `flow` is the page's (its progress stays shown once the vote hides this panel). */
export function VotePanel({ body, proposalId, chainId, flow }: { body: DaoBodyTarget; proposalId: string; chainId: number; flow: TxFlow }) {
  const connection = useConnection()
  const { mutateAsync: signTypedData } = useSignTypedData()
  const [reason, setReason] = useState('')

  function vote(option: CastOption) {
    const text = reason.trim()
    void flow.run(
      async () => {
        if (text) {
          const voter = connection.address
          if (!voter || !body.plugin) throw new Error('Connect your wallet first (the button at the top right).')
          const statement = { chainId, plugin: body.plugin, proposalId, option, reason: text }
          const signature = await signTypedData({ ...voteStatementTypedData(statement), account: voter })
          const form = new FormData()
          form.set('intent', 'vote-reason')
          for (const [key, value] of Object.entries({ ...statement, voter, signature })) form.set(key, String(value))
          const stored = await storeFormMetadata(form)
          if (!stored.ok) throw new Error('The reason was not stored.')
        }
        return { steps: [voteStep(body, proposalId, option)] }
      },
      { storing: text !== '' },
    )
  }

  return (
    <div className="dao-vote-panel" role="group" aria-label="Cast your vote">
      <label className="field">
        <span>Reason (optional)</span>
        <textarea
          name="reason"
          rows={3}
          maxLength={voteReasonLimit}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          disabled={flow.busy}
        />
      </label>
      <p className="small muted">
        With a reason, your wallet first asks you to sign it (a statement, no transaction), then to send your vote. The reason is
        shown next to your vote once the vote is on chain; anyone can check your signature.
      </p>
      <div className="actions">
        {options.map(({ option, label }) => (
          <button key={option} type="button" disabled={flow.busy} onClick={() => vote(option)} className={option === 'yes' ? undefined : 'secondary'}>
            Vote {label}
          </button>
        ))}
      </div>
    </div>
  )
}
