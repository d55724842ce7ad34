import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { ErrorPage } from '~/components/error-page'
import { Timestamp, When } from '~/components/when'
import { actionStates } from '~/dao/action-state'
import { getChainNow } from '~/models/chain-time.server'
import { Person } from '~/dao/components/person'
import { Segments } from '~/dao/components/segments'
import { ActionStateBadge, ProposalStateBadge } from '~/dao/components/state-badges'
import { TallyBars } from '~/dao/components/tally-bars'
import { VotingRules } from '~/dao/components/voting-rules'
import { getKnownContracts } from '~/dao/contracts.server'
import { formatDuration } from '~/dao/format'
import { getAddressNames } from '~/dao/names.server'
import { parseProposalFilter } from '~/dao/proposal-filter'
import { proposalStateLabels, proposalStates, type ProposalState } from '~/dao/proposal-state'
import { getTransactionSenders } from '~/dao/tx-senders.server'
import { getDb } from '~/db.server'
import { getChainId } from '~/env.server'
import { listOptimisticActions } from '~/models/optimistic-actions.server'
import { getVotingSettings, listProposals } from '~/models/proposals.server'

export const meta: MetaFunction = () => [
  { title: 'DAO · Openmesh Portal' },
  { name: 'description', content: 'Proposals, votes and optimistic actions of the Openmesh DAO of verified contributors.' },
]

export async function loader({ request }: LoaderFunctionArgs) {
  const parsed = parseProposalFilter(new URL(request.url).searchParams)
  if ('error' in parsed) throw data(parsed.error, { status: 400 })
  const db = getDb()
  const chainId = getChainId()
  const now = getChainNow(db, chainId)
  const known = getKnownContracts(chainId)
  const proposals = listProposals(db, { chainId, now })
  const counts = Object.fromEntries(proposalStates.map((state) => [state, 0])) as Record<ProposalState, number>
  for (const proposal of proposals) counts[proposal.outcome.state]++
  const actions = listOptimisticActions(db, { chainId, now, known })
  const senders = await getTransactionSenders(actions.map((action) => action.transactionHash))
  const latest = actions.find((action) => action.executableFrom !== null)
  return {
    chainId,
    now,
    filter: parsed.filter,
    settings: getVotingSettings(db, chainId),
    counts,
    total: proposals.length,
    proposals: parsed.filter.state ? proposals.filter((p) => p.outcome.state === parsed.filter.state) : proposals,
    actions: actions.map((action) => ({ ...action, creator: senders[action.transactionHash.toLowerCase()] ?? null })),
    // The plugin's delay is not projected; the latest action shows the one in force.
    optimisticDelay: latest && latest.executableFrom !== null ? latest.executableFrom - latest.createdAt : null,
    names: getAddressNames(chainId, known),
  }
}

const tabOrder: ProposalState[] = ['active', 'passed', 'failed', 'executed', 'pending']

export default function DaoOverview() {
  const { chainId, now, filter, settings, counts, total, proposals, actions, optimisticDelay, names } = useLoaderData<typeof loader>()
  return (
    <div className="dao-page">
      <h1>DAO</h1>
      <p className="dao-lead">
        The Openmesh DAO is every verified contributor: holders of the soulbound OVC vote on proposals and can object to
        optimistic actions. Everything here is read from the chain.
      </p>
      <nav aria-label="DAO sections" className="dao-subnav">
        <Link to="/dao/members">Members</Link>
        <Link to="/dao/requests">Membership requests</Link>
      </nav>

      <section aria-labelledby="rules-heading" className="card dao-section">
        <h2 id="rules-heading">Voting rules</h2>
        <VotingRules settings={settings} />
        <p className="small muted">
          Optimistic actions: any member may propose one (adding a verified contributor goes this way); it can be executed
          {optimisticDelay !== null ? ` ${formatDuration(optimisticDelay)} after it was created` : ' once its delay has passed'}, unless
          a member rejects it first. One rejection blocks it for good.
        </p>
      </section>

      <section aria-labelledby="proposals-heading" className="dao-section">
        <h2 id="proposals-heading">Proposals</h2>
        <nav aria-label="Proposal states" className="dao-tabs">
          <Link to="/dao" aria-current={filter.state === null ? 'page' : undefined} preventScrollReset>
            All <span className="dao-count">{total}</span>
          </Link>
          {tabOrder
            .filter((state) => state !== 'pending' || counts.pending > 0 || filter.state === 'pending')
            .map((state) => (
              <Link key={state} to={`/dao?state=${state}`} aria-current={filter.state === state ? 'page' : undefined} preventScrollReset>
                {proposalStateLabels[state]} <span className="dao-count">{counts[state]}</span>
              </Link>
            ))}
        </nav>
        {proposals.length === 0 ? (
          <p className="muted">{total === 0 ? 'No proposals indexed yet.' : 'No proposal is in this state.'}</p>
        ) : (
          <ul className="dao-list">
            {proposals.map((proposal) => (
              <li key={proposal.proposalId} className="dao-card" data-proposal-id={proposal.proposalId} data-state={proposal.outcome.state}>
                <div className="dao-card-head">
                  <h3>
                    <Link to={`/dao/proposals/${proposal.proposalId}`}>{proposal.title ?? `Proposal #${proposal.proposalId}`}</Link>
                  </h3>
                  <ProposalStateBadge state={proposal.outcome.state} />
                </div>
                <p className="small muted">
                  Proposal #{proposal.proposalId}
                  {proposal.title === null ? ` · ${proposal.metadataState === 'pending' ? 'metadata is being fetched' : 'metadata unavailable'}` : ''} · by{' '}
                  <Person address={proposal.creator} names={names} /> ·{' '}
                  {proposal.outcome.state === 'executed' && proposal.executedAt !== null ? (
                    <When at={proposal.executedAt} now={now} prefix="executed" />
                  ) : proposal.outcome.state === 'pending' ? (
                    <When at={proposal.startDate} now={now} prefix="starts" />
                  ) : (
                    <When at={proposal.endDate} now={now} prefix={proposal.endDate > now ? 'ends' : 'ended'} />
                  )}
                  {proposal.outcome.executableEarly ? ' · can already be executed' : ''}
                </p>
                <TallyBars yes={proposal.yes} no={proposal.no} abstain={proposal.abstain} compact />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="actions-heading" className="dao-section">
        <h2 id="actions-heading">Optimistic actions</h2>
        {actions.length === 0 ? (
          <p className="muted">No optimistic actions indexed yet.</p>
        ) : (
          <>
            <p className="small muted">
              {actionStates.map((state) => `${actions.filter((a) => a.state === state).length} ${state}`).join(' · ')}
            </p>
            <ul className="dao-list">
              {actions.map((action) => (
                <li key={action.actionId} className="dao-card" data-action-id={action.actionId} data-state={action.state}>
                  <div className="dao-card-head">
                    <h3>
                      <Link to={`/dao/actions/${action.actionId}`}>{action.title ?? `Optimistic action #${action.actionId}`}</Link>
                    </h3>
                    <ActionStateBadge state={action.state} />
                  </div>
                  <p className="small muted">
                    Action #{action.actionId}
                    {action.title === null ? ` · ${action.metadataState === 'pending' ? 'metadata is being fetched' : 'metadata unavailable'}` : ''}
                    {action.creator ? (
                      <>
                        {' '}
                        · by <Person address={action.creator} names={names} />
                      </>
                    ) : null}{' '}
                    · <ActionTiming action={action} now={now} />
                  </p>
                  {action.calls.length > 0 ? (
                    <ul className="dao-calls small">
                      {action.calls.map((segments, index) => (
                        <li key={index}>
                          <Segments segments={segments} names={names} chainId={chainId} />
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </div>
  )
}

function ActionTiming({
  action,
  now,
}: {
  action: { state: string; executableFrom: number | null; executedAt: number | null; rejectionCount: number }
  now: number
}) {
  if (action.state === 'executed' && action.executedAt !== null) return <When at={action.executedAt} now={now} prefix="executed" />
  if (action.state === 'rejected') return <>rejected by {action.rejectionCount === 1 ? 'a member' : `${action.rejectionCount} members`}</>
  if (action.executableFrom === null) return <>delay not indexed yet</>
  return (
    <>
      executable from <Timestamp at={action.executableFrom} now={now} />
    </>
  )
}

export function ErrorBoundary() {
  return <ErrorPage />
}
