import { Link } from '@remix-run/react'
import { Timestamp, When } from '~/components/when'
import type { ActionState } from '~/dao/action-state'
import type { Segment } from '~/dao/decode-action.server'
import type { DocumentState } from '~/models/documents.server'
import { Person } from './person'
import { Segments } from './segments'
import { ActionStateBadge, ProposalStateBadge } from './state-badges'
import { TallyBars } from './tally-bars'

// The cards of the DAO lists (the overview, a department's page): one per proposal, one per
// trustless action, each naming the DAO it belongs to when the list mixes several.

const metadataNote = (title: string | null, state: DocumentState) =>
  title === null ? ` · ${state === 'pending' ? 'metadata is being fetched' : 'metadata unavailable'}` : ''

export type ProposalCardData = {
  path: string
  body: string
  proposalId: string
  title: string | null
  metadataState: DocumentState
  creator: string
  startDate: number
  endDate: number
  executedAt: number | null
  yes: string
  no: string
  abstain: string
  outcome: { state: 'pending' | 'active' | 'passed' | 'failed' | 'executed'; executableEarly: boolean }
  /** "What needs me?" markers of the list (proposal-markers.server.ts). */
  markers?: ('ends-soon' | 'not-voted')[]
}

const markerLabels = { 'ends-soon': 'Ends soon', 'not-voted': 'You haven’t voted' } as const

export function ProposalCard({ proposal, now, names, showBody = true }: { proposal: ProposalCardData; now: number; names: Record<string, string>; showBody?: boolean }) {
  const { state } = proposal.outcome
  return (
    <li className="dao-card" data-proposal-id={proposal.proposalId} data-state={state}>
      <div className="dao-card-head">
        <h3>
          <Link to={proposal.path}>{proposal.title ?? `Proposal #${proposal.proposalId}`}</Link>
        </h3>
        <span className="dao-markers">
          {(proposal.markers ?? []).map((marker) => (
            <span key={marker} className="dao-marker-badge" data-marker={marker}>
              {markerLabels[marker]}
            </span>
          ))}
          <ProposalStateBadge state={state} />
        </span>
      </div>
      <p className="small muted">
        {showBody ? `${proposal.body} · proposal` : 'Proposal'} #{proposal.proposalId}
        {metadataNote(proposal.title, proposal.metadataState)} · by <Person address={proposal.creator} names={names} /> ·{' '}
        {state === 'executed' && proposal.executedAt !== null ? (
          <When at={proposal.executedAt} now={now} prefix="executed" />
        ) : state === 'pending' ? (
          <When at={proposal.startDate} now={now} prefix="starts" />
        ) : (
          <When at={proposal.endDate} now={now} prefix={proposal.endDate > now ? 'ends' : 'ended'} />
        )}
        {proposal.outcome.executableEarly ? ' · can already be executed' : ''}
      </p>
      <TallyBars yes={proposal.yes} no={proposal.no} abstain={proposal.abstain} compact />
    </li>
  )
}

export type ActionCardData = {
  path: string
  body: string
  kind: 'optimistic' | 'pessimistic'
  actionId: number
  title: string | null
  metadataState: DocumentState
  creator: string | null
  state: ActionState
  executableFrom: number | null
  executedAt: number | null
  calls: Segment[][]
}

export function ActionCard({ action, now, names, chainId, showBody = true }: { action: ActionCardData; now: number; names: Record<string, string>; chainId: number; showBody?: boolean }) {
  const label = action.kind === 'optimistic' ? 'Optimistic action' : 'Pessimistic action'
  return (
    <li className="dao-card" data-action-id={action.actionId} data-kind={action.kind} data-state={action.state}>
      <div className="dao-card-head">
        <h3>
          <Link to={action.path}>{action.title ?? `${label} #${action.actionId}`}</Link>
        </h3>
        <ActionStateBadge state={action.state} />
      </div>
      <p className="small muted">
        {showBody ? `${action.body} · ` : ''}
        {action.kind === 'optimistic' ? 'action' : 'pessimistic action'} #{action.actionId}
        {metadataNote(action.title, action.metadataState)}
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
  )
}

function ActionTiming({ action, now }: { action: ActionCardData; now: number }) {
  if (action.state === 'executed' && action.executedAt !== null) return <When at={action.executedAt} now={now} prefix="executed" />
  if (action.kind === 'pessimistic') return <>awaiting the DAO’s approval</>
  if (action.state === 'rejected') return <>rejected by a member</>
  if (action.executableFrom === null) return <>delay not indexed yet</>
  return (
    <>
      executable from <Timestamp at={action.executableFrom} now={now} />
    </>
  )
}
