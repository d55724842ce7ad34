import { formatVotes } from '~/dao/format'
import { formatPpm, percentOf } from '~/dao/proposal-state'
import type { ProposalDetail } from '~/models/proposals.server'
import { TallyBars } from './tally-bars'
import { ThresholdBars } from './threshold-bars'

/** Tallies with the two checks the contract makes: participation and support. */
export function ProposalResult({ proposal }: { proposal: ProposalDetail }) {
  const { outcome } = proposal
  const yes = BigInt(proposal.yes)
  const no = BigInt(proposal.no)
  const cast = BigInt(outcome.cast)
  const total = outcome.totalVotingPower === null ? null : BigInt(outcome.totalVotingPower)
  const minimum = outcome.minVotingPower
  const minParticipation = proposal.settings?.minParticipation ?? null
  return (
    <>
      <TallyBars yes={proposal.yes} no={proposal.no} abstain={proposal.abstain} />
      <ThresholdBars
        cast={cast}
        total={total}
        minParticipationPpm={minParticipation}
        yes={yes}
        no={no}
        supportThresholdPpm={outcome.supportThreshold}
      />
      <dl className="dao-facts dao-checks">
        <dt>Participation</dt>
        <dd data-check="participation" data-reached={String(outcome.participationReached)}>
          {formatVotes(cast.toString())} cast by {proposal.voterCount} {proposal.voterCount === 1 ? 'voter' : 'voters'}
          {total !== null ? ` of ${formatVotes(total.toString())} (${percentOf(cast, total)}%)` : ''}
          {' — '}
          {minimum === null ? (
            'minimum unknown'
          ) : (
            <>
              minimum {formatVotes(minimum)}
              {minParticipation !== null ? ` (${formatPpm(minParticipation)})` : ''}:{' '}
              <Check ok={outcome.participationReached === true} yes="reached" no="not reached" />
            </>
          )}
        </dd>
        <dt>Support</dt>
        <dd data-check="support" data-reached={String(outcome.supportReached)}>
          {yes + no === 0n ? 'no Yes or No votes' : `${percentOf(yes, yes + no)}% Yes of Yes + No`}
          {' — '}
          {outcome.supportThreshold === null ? (
            'threshold unknown'
          ) : (
            <>
              needs more than {formatPpm(outcome.supportThreshold)}: <Check ok={outcome.supportReached} yes="reached" no="not reached" />
            </>
          )}
        </dd>
      </dl>
      {proposal.parametersUnread ? (
        <p className="muted" role="note" data-note="parameters-unread">
          The voting parameters fixed when this proposal was created could not be read from the chain node (it keeps no
          old state).
          {outcome.supportThreshold !== null ? ' The support threshold shown is the DAO’s current one.' : ''}
          {minimum === null ? ' Participation cannot be checked, so support alone decides the result shown.' : ''}
        </p>
      ) : null}
    </>
  )
}

function Check({ ok, yes, no }: { ok: boolean; yes: string; no: string }) {
  return <strong className={ok ? 'dao-ok' : 'dao-bad'}>{ok ? `✓ ${yes}` : `✗ ${no}`}</strong>
}
