import { Link } from '@remix-run/react'
import { useState } from 'react'
import { TxProgress } from '~/chain-writes/tx-progress'
import { useTxFlow, type TxFlow } from '~/chain-writes/use-tx-flow'
import { FlowButton } from './flow-button'
import type { WriteTarget } from '~/chain-writes/write-context'
import { formatVotes } from '../format'
import type { DaoContracts, Hex20 } from '../writes/dao-contracts'
import { delegateStep } from '../writes/governance-calls'
import type { VoterStanding } from '../voting-power.server'
import { Person } from './person'

// "Why is my voting power zero?" answered for the signed-in member, with the fix one click away:
// an OVC votes only once delegated (ERC721Votes), so a new member activates it by delegating to
// themselves; they may also lend it to another member and take it back. A proposal counts the
// power at its snapshot (its creation block), so a change counts from the next proposal on.

const NEXT_PROPOSAL = 'It counts from the next proposal: each proposal fixes everyone’s voting power when it is created.'

export function VotingPowerPanel({
  standing,
  contracts,
  target,
  names,
}: {
  standing: VoterStanding
  contracts: DaoContracts
  target: WriteTarget
  names: Record<string, string>
}) {
  const me = standing.address as Hex20
  // One flow for the panel: its progress stays while the panel switches to the new standing.
  const flow = useTxFlow(target)
  return (
    <section aria-labelledby="my-power-heading" className="dao-section dao-card" data-testid="voting-power">
      <h2 id="my-power-heading">Your voting power</h2>
      {!standing.member ? (
        <p>
          You hold no Verified Contributor token (OVC), so you have no vote in the DAO yet. Members are added by an
          optimistic action of any member: <Link to="/dao/requests">ask to become one</Link>.
        </p>
      ) : standing.delegate === null ? (
        <>
          <p data-power="inactive">
            <strong>0 votes.</strong> Your OVC #{standing.tokenId} makes you a member, but an OVC votes only once it is delegated
            — and you have not delegated yours yet, not even to yourself.
          </p>
          <FlowButton flow={flow} steps={() => [delegateStep(contracts, me, 'Activate your votes (delegate to yourself)')]}>
            Activate my votes
          </FlowButton>
          <p className="small muted">{NEXT_PROPOSAL}</p>
        </>
      ) : standing.delegate === standing.address ? (
        <>
          <p data-power="active">
            <strong>{formatVotes(standing.votingPower)}</strong>: your votes are active
            {standing.delegators.length > 0 ? (
              <>
                {' '}— yours and those delegated to you by{' '}
                {standing.delegators.map((d, i) => (
                  <span key={d}>
                    {i > 0 ? ', ' : null}
                    <Person address={d} names={names} />
                  </span>
                ))}
              </>
            ) : null}
            .
          </p>
          <DelegateToOther standing={standing} contracts={contracts} flow={flow} names={names} />
        </>
      ) : (
        <>
          <p data-power="delegated">
            You delegated your vote to <Person address={standing.delegate} names={names} />: they vote with it
            {standing.votingPower !== '0' ? `, and you still vote with ${formatVotes(standing.votingPower)} delegated to you` : ', you have 0 votes'}.
          </p>
          <FlowButton flow={flow} steps={() => [delegateStep(contracts, me, 'Take your vote back (delegate to yourself)')]}>
            Take my vote back
          </FlowButton>
          <p className="small muted">{NEXT_PROPOSAL}</p>
        </>
      )}
      {standing.departments.length > 0 ? (
        <p className="small">
          Departments:{' '}
          {standing.departments.map((d, i) => (
            <span key={d.slug}>
              {i > 0 ? ', ' : null}
              <Link to={`/dao/departments/${d.slug}`}>{d.name}</Link>
            </span>
          ))}
          . In a department every member has exactly one vote (its tag), whatever their OVC voting power; no delegation needed.
        </p>
      ) : standing.member ? (
        <p className="small muted">You are in no department: a department adds members by its own vote (a tag on their OVC).</p>
      ) : null}
      <TxProgress flow={flow} withMetadata={false} />
    </section>
  )
}

function DelegateToOther({
  standing,
  contracts,
  flow,
  names,
}: {
  standing: VoterStanding
  contracts: DaoContracts
  flow: TxFlow
  names: Record<string, string>
}) {
  const [to, setTo] = useState(standing.otherMembers[0] ?? '')
  if (standing.otherMembers.length === 0) return null
  return (
    <details>
      <summary>Delegate your vote to another member</summary>
      <p className="small">
        They will vote with your OVC instead of you until you take it back. {NEXT_PROPOSAL}
      </p>
      <label>
        Delegate to{' '}
        <select value={to} onChange={(event) => setTo(event.target.value)}>
          {standing.otherMembers.map((address) => (
            <option key={address} value={address}>
              {names[address] ?? address}
            </option>
          ))}
        </select>
      </label>
      <FlowButton flow={flow} steps={() => [delegateStep(contracts, to as Hex20, `Delegate your vote to ${names[to] ?? to}`)]}>
        Delegate
      </FlowButton>
    </details>
  )
}
