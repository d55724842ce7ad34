import { Link } from '@remix-run/react'
import { TxLink } from '~/components/tx-link'
import { Timestamp } from '~/components/when'
import type { TaskDispute } from '~/models/task-disputes.server'
import { formatTokenAmount, NATIVE_TOKEN } from '~/utils/tokens'

// A task's disputes: what each asks to pay the executor, and whether the dispute manager (the
// Dispute department) has approved it by a vote. Each links to its pessimistic action.

export function DisputesSection({ disputes, now }: { disputes: (TaskDispute & { path: string; daoName: string })[]; now: number }) {
  if (disputes.length === 0) return null
  return (
    <section aria-labelledby="disputes-heading">
      <h2 id="disputes-heading">Disputes</h2>
      <ul className="task-list">
        {disputes.map((dispute) => (
          <li key={dispute.path} className="card" data-state={dispute.state}>
            <h3>
              <Link to={dispute.path}>{dispute.title ?? `Dispute (action #${dispute.actionId})`}</Link>
            </h3>
            {dispute.summary ? <p className="dao-reason">{dispute.summary}</p> : null}
            <p className="small">
              Asks to pay the executor {dispute.partialNativeReward.map((amount) => formatTokenAmount(amount, NATIVE_TOKEN)).join(' + ') || 'nothing'} and
              refund the rest. Opened <Timestamp at={dispute.createdAt} now={now} /> · <TxLink hash={dispute.transactionHash} />
            </p>
            <p className="small" data-testid="dispute-state">
              {dispute.state === 'resolved' ? (
                <>
                  Resolved by the {dispute.daoName}
                  {dispute.resolvedAt !== null ? (
                    <>
                      {' '}
                      <Timestamp at={dispute.resolvedAt} now={now} />
                    </>
                  ) : null}
                  {dispute.resolutionTransactionHash ? (
                    <>
                      {' '}
                      · <TxLink hash={dispute.resolutionTransactionHash} />
                    </>
                  ) : null}
                </>
              ) : (
                <>Open: waiting for the {dispute.daoName} to vote on it.</>
              )}
            </p>
          </li>
        ))}
      </ul>
    </section>
  )
}
