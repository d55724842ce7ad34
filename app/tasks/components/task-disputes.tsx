import { Link } from '@remix-run/react'
import { Markdown } from '~/components/markdown'
import { TxLink } from '~/components/tx-link'
import { Timestamp } from '~/components/when'
import type { ResolvingProposal, TaskDispute } from '~/models/task-disputes.server'

// A task's disputes: what each asks to pay the executor, the PessimisticActions action that is the
// dispute, the Dispute department's proposals to resolve it with their votes, and the outcome.
// Amounts arrive formatted and the body sanitized from the loader.

export type PresentedDispute = Omit<TaskDispute, 'body' | 'proposals' | 'partialReward'> & {
  path: string
  daoName: string
  bodyHtml: string | null
  partialLabels: string[]
  proposals: (ResolvingProposal & { path: string })[]
}

function ProposalLine({ proposal, now }: { proposal: PresentedDispute['proposals'][number]; now: number }) {
  const status = proposal.executed ? 'executed' : proposal.endDate > now ? 'voting' : 'voting ended'
  return (
    <li data-state={status}>
      <Link to={proposal.path}>{proposal.title ?? `Proposal #${proposal.proposalId}`}</Link> ·{' '}
      {proposal.executed ? (
        'executed'
      ) : proposal.endDate > now ? (
        <>
          voting until <Timestamp at={proposal.endDate} now={now} />
        </>
      ) : (
        <>voting ended, not executed</>
      )}{' '}
      · {proposal.yes} yes, {proposal.no} no
    </li>
  )
}

export function DisputesSection({ disputes, now }: { disputes: PresentedDispute[]; now: number }) {
  if (disputes.length === 0) return null
  return (
    <section aria-labelledby="disputes-heading">
      <h2 id="disputes-heading">Disputes</h2>
      <ul className="task-list">
        {disputes.map((dispute) => {
          const paid = dispute.partialLabels.join(' + ') || 'nothing'
          return (
            <li key={dispute.path} className="card" data-testid="dispute" data-state={dispute.state}>
              <h3>{dispute.title ?? `Dispute #${dispute.actionId}`}</h3>
              {dispute.summary ? <p className="dao-reason">{dispute.summary}</p> : null}
              {dispute.bodyHtml !== null ? <Markdown html={dispute.bodyHtml} /> : null}
              <p className="small">
                Asks to pay the executor {paid} and refund the rest to the creator. Opened <Timestamp at={dispute.createdAt} now={now} /> ·{' '}
                <TxLink hash={dispute.transactionHash} />
              </p>
              <p className="small">
                It is <Link to={dispute.path}>pessimistic action #{dispute.actionId}</Link> of the {dispute.daoName}: it runs only when the
                department approves it by a vote.
              </p>
              {dispute.proposals.length > 0 ? (
                <div className="small">
                  <p>The {dispute.daoName}’s {dispute.proposals.length === 1 ? 'proposal' : 'proposals'} to resolve it:</p>
                  <ul>
                    {dispute.proposals.map((proposal) => (
                      <ProposalLine key={`${proposal.plugin}-${proposal.proposalId}`} proposal={proposal} now={now} />
                    ))}
                  </ul>
                </div>
              ) : dispute.state === 'open' ? (
                <p className="small muted">No proposal to resolve it yet: a member of the {dispute.daoName} opens one.</p>
              ) : null}
              <p className="small" data-testid="dispute-state">
                {dispute.state === 'resolved' ? (
                  <>
                    <strong>Resolved</strong> by the {dispute.daoName}
                    {dispute.resolvedAt !== null ? (
                      <>
                        {' '}
                        <Timestamp at={dispute.resolvedAt} now={now} />
                      </>
                    ) : null}
                    : the executor was paid {paid}, the rest went back to the creator
                    {dispute.resolutionTransactionHash ? (
                      <>
                        {' '}
                        · <TxLink hash={dispute.resolutionTransactionHash} />
                      </>
                    ) : null}
                  </>
                ) : (
                  <>
                    <strong>Open</strong>: waiting for the {dispute.daoName} to vote on it.
                  </>
                )}
              </p>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
