// A proposal's state as the TokenVoting contract would judge it at `now` (chain time): the
// indexer stores only "active" or "executed", the rest follows from the dates and the tallies
// with the same integer arithmetic as the contract (Aragon majority voting, ratios in ppm).

const RATIO_BASE = 1_000_000n

export const proposalStates = ['pending', 'active', 'passed', 'failed', 'executed'] as const
export type ProposalState = (typeof proposalStates)[number]

/** Aragon voting modes. */
export const VotingMode = { Standard: 0, EarlyExecution: 1, VoteReplacement: 2 } as const

export type ProposalFacts = {
  executed: boolean
  startDate: number
  endDate: number
  yes: string
  no: string
  abstain: string
  /** The proposal's own parameters (null when the indexer could not read them). */
  supportThreshold: number | null
  minVotingPower: string | null
  totalVotingPower: string | null
}

export type SettingsFacts = { votingMode: number; supportThreshold: number; minParticipation: number }

export type ProposalOutcome = {
  state: ProposalState
  /** yes / (yes + no) > threshold, strictly, as the contract checks it. */
  supportReached: boolean
  /** Enough support even if every vote not yet cast were No. */
  supportReachedEarly: boolean | null
  /** yes + no + abstain ≥ minVotingPower; null when the minimum is unknown. */
  participationReached: boolean | null
  /** True while open when early execution is allowed and already decided. */
  executableEarly: boolean
  supportThreshold: number | null
  minVotingPower: bigint | null
  totalVotingPower: bigint | null
  cast: bigint
}

const big = (value: string | null | undefined): bigint | null => {
  if (value === null || value === undefined || !/^[0-9]{1,78}$/.test(value)) return null
  return BigInt(value)
}

/** Aragon's `_applyRatioCeiled`: value × ratio / 1e6, rounded up. */
export function applyRatioCeiled(value: bigint, ratio: number): bigint {
  const product = value * BigInt(ratio)
  return product / RATIO_BASE + (product % RATIO_BASE === 0n ? 0n : 1n)
}

function isSupportReached(yes: bigint, no: bigint, threshold: number): boolean {
  return (RATIO_BASE - BigInt(threshold)) * yes > BigInt(threshold) * no
}

export function proposalOutcome(proposal: ProposalFacts, settings: SettingsFacts | null, now: number): ProposalOutcome {
  const yes = big(proposal.yes) ?? 0n
  const no = big(proposal.no) ?? 0n
  const abstain = big(proposal.abstain) ?? 0n
  const cast = yes + no + abstain
  const threshold = proposal.supportThreshold ?? settings?.supportThreshold ?? null
  const total = big(proposal.totalVotingPower)
  const minVotingPower =
    big(proposal.minVotingPower) ?? (total !== null && settings ? applyRatioCeiled(total, settings.minParticipation) : null)

  const supportReached = threshold !== null && isSupportReached(yes, no, threshold)
  const supportReachedEarly =
    threshold !== null && total !== null ? isSupportReached(yes, total > yes + abstain ? total - yes - abstain : 0n, threshold) : null
  const participationReached = minVotingPower === null ? null : cast >= minVotingPower

  const open = !proposal.executed && proposal.startDate <= now && now < proposal.endDate
  const executableEarly =
    open && settings?.votingMode === VotingMode.EarlyExecution && supportReachedEarly === true && participationReached !== false

  let state: ProposalState
  if (proposal.executed) state = 'executed'
  else if (now < proposal.startDate) state = 'pending'
  else if (open) state = 'active'
  // Unknown participation (parameters unread) does not block: support alone decides.
  else state = supportReached && participationReached !== false ? 'passed' : 'failed'

  return {
    state,
    supportReached,
    supportReachedEarly,
    participationReached,
    executableEarly,
    supportThreshold: threshold,
    minVotingPower,
    totalVotingPower: total,
    cast,
  }
}

/** Share of a part in a whole as a percentage with one decimal, from bigints (no float overflow). */
export function percentOf(part: bigint, whole: bigint): number {
  if (whole <= 0n) return 0
  return Number((part * 1000n) / whole) / 10
}

/** Parts per million → "50%" / "12.5%". */
export function formatPpm(ppm: number): string {
  return `${Number((ppm / 10_000).toFixed(4))}%`
}

export const proposalStateLabels: Record<ProposalState, string> = {
  pending: 'Not started',
  active: 'Active',
  passed: 'Passed',
  failed: 'Failed',
  executed: 'Executed',
}

export function isProposalState(value: unknown): value is ProposalState {
  return typeof value === 'string' && (proposalStates as readonly string[]).includes(value)
}
