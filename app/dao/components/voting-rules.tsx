import { formatDuration, formatVotes } from '~/dao/format'
import { formatPpm, VotingMode } from '~/dao/proposal-state'
import type { VotingSettings } from '~/models/proposals.server'

const modeText: Record<number, string> = {
  [VotingMode.Standard]: 'Votes are final, and a proposal can only be executed after its vote has ended.',
  [VotingMode.EarlyExecution]:
    'Votes are final. A proposal can be executed before its end as soon as the remaining votes could no longer change the outcome.',
  [VotingMode.VoteReplacement]: 'Members may change their vote until the end, so proposals are executed only after they end.',
}

/** The TokenVoting settings, in words. */
export function VotingRules({ settings }: { settings: VotingSettings | null }) {
  if (!settings) return <p className="muted">The voting settings have not been indexed yet.</p>
  return (
    <ul className="dao-rules">
      <li>
        <strong>Support threshold {formatPpm(settings.supportThreshold)}:</strong> a proposal passes when more than{' '}
        {formatPpm(settings.supportThreshold)} of its Yes and No votes are Yes (abstentions do not count either way).
      </li>
      <li>
        <strong>Minimum participation {formatPpm(settings.minParticipation)}:</strong> at least{' '}
        {formatPpm(settings.minParticipation)} of all voting power at the proposal’s snapshot must vote (Yes, No or Abstain).
      </li>
      <li>
        <strong>Minimum duration {formatDuration(settings.minDuration)}:</strong> every vote stays open at least that long.
      </li>
      <li>
        <strong>Proposing:</strong> needs at least {formatVotes(settings.minProposerVotingPower)} of voting power (one OVC is one
        vote, counted once the holder has activated it by delegating).
      </li>
      <li>{modeText[settings.votingMode] ?? `Voting mode ${settings.votingMode}.`}</li>
    </ul>
  )
}
