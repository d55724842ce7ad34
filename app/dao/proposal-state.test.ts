import { describe, expect, it } from 'vitest'
import { actionState } from './action-state'
import { applyRatioCeiled, formatPpm, percentOf, proposalOutcome, VotingMode, type ProposalFacts, type SettingsFacts } from './proposal-state'

// The devnet's DAO: 50% support, 20% participation, early execution; five members.
const settings: SettingsFacts = { votingMode: VotingMode.EarlyExecution, supportThreshold: 500_000, minParticipation: 200_000 }
const base: ProposalFacts = {
  executed: false,
  startDate: 1_000,
  endDate: 2_000,
  yes: '0',
  no: '0',
  abstain: '0',
  supportThreshold: 500_000,
  minVotingPower: '1',
  totalVotingPower: '5',
}
const at = (facts: Partial<ProposalFacts>, now: number, s: SettingsFacts | null = settings) => proposalOutcome({ ...base, ...facts }, s, now)

describe('proposalOutcome', () => {
  it('is active from the start date until just before the end date', () => {
    expect(at({}, 999).state).toBe('pending')
    expect(at({}, 1_000).state).toBe('active')
    expect(at({}, 1_999).state).toBe('active')
    expect(at({}, 2_000).state).not.toBe('active')
  })

  it('passes after the end with more Yes than the threshold and enough participation', () => {
    const outcome = at({ yes: '2', no: '1' }, 2_000)
    expect(outcome).toMatchObject({ state: 'passed', supportReached: true, participationReached: true })
  })

  it('fails at exactly the threshold: support must be strictly greater', () => {
    const outcome = at({ yes: '1', no: '1' }, 2_000)
    expect(outcome).toMatchObject({ state: 'failed', supportReached: false, participationReached: true })
  })

  it('fails without participation, even with only Yes votes', () => {
    const outcome = at({ yes: '1', minVotingPower: '2' }, 2_000)
    expect(outcome).toMatchObject({ state: 'failed', supportReached: true, participationReached: false })
    expect(at({}, 2_000).state).toBe('failed')
  })

  it('counts abstentions for participation but not for support', () => {
    const outcome = at({ yes: '1', no: '1', abstain: '3', minVotingPower: '5' }, 2_000)
    expect(outcome).toMatchObject({ state: 'failed', supportReached: false, participationReached: true, cast: 5n })
    expect(at({ yes: '2', no: '1', abstain: '2', minVotingPower: '5' }, 2_000).state).toBe('passed')
  })

  it('is executed once the indexer saw ProposalExecuted, whatever the tallies and dates', () => {
    expect(at({ executed: true }, 1_500).state).toBe('executed')
    expect(at({ executed: true, yes: '0', no: '5' }, 5_000).state).toBe('executed')
  })

  it('flags early execution only when the remaining votes cannot change the outcome', () => {
    // 3 Yes of 5: even if the last 2 vote No, 3 > 2.
    expect(at({ yes: '3' }, 1_500)).toMatchObject({ state: 'active', executableEarly: true, supportReachedEarly: true })
    // 2 Yes of 5: 3 outstanding votes could still defeat it.
    expect(at({ yes: '2' }, 1_500)).toMatchObject({ state: 'active', executableEarly: false, supportReachedEarly: false })
    // Standard mode never executes early.
    expect(at({ yes: '5' }, 1_500, { ...settings, votingMode: VotingMode.Standard }).executableEarly).toBe(false)
  })

  it("uses the proposal's own threshold over the current settings", () => {
    // 2 of 3 is 66.7%: above a 50% threshold, below a 70% one.
    expect(at({ yes: '2', no: '1', supportThreshold: 700_000 }, 2_000).state).toBe('failed')
    expect(at({ yes: '2', no: '1', supportThreshold: null }, 2_000, { ...settings, supportThreshold: 700_000 }).state).toBe('failed')
    expect(at({ yes: '2', no: '1', supportThreshold: null }, 2_000).state).toBe('passed')
  })

  it('derives the minimum participation from the total power when the proposal parameters were not read', () => {
    // 20% of 10 votes = 2 votes.
    const outcome = at({ yes: '1', minVotingPower: null, totalVotingPower: '10' }, 2_000)
    expect(outcome).toMatchObject({ minVotingPower: 2n, participationReached: false, state: 'failed' })
    expect(at({ yes: '2', minVotingPower: null, totalVotingPower: '10' }, 2_000).state).toBe('passed')
  })

  it('leaves participation unknown (not failing) when neither the minimum nor the total is known', () => {
    const outcome = at({ yes: '1', minVotingPower: null, totalVotingPower: null }, 2_000, null)
    expect(outcome).toMatchObject({ participationReached: null, supportReached: true, state: 'passed', supportReachedEarly: null })
  })

  it('treats garbage tallies as zero instead of throwing', () => {
    expect(at({ yes: 'NaN', no: '-1', abstain: '1e3' }, 2_000)).toMatchObject({ cast: 0n, state: 'failed' })
  })
})

describe('ratios', () => {
  it('rounds the participation minimum up like Aragon', () => {
    expect(applyRatioCeiled(5n, 200_000)).toBe(1n)
    expect(applyRatioCeiled(6n, 200_000)).toBe(2n)
    expect(applyRatioCeiled(0n, 200_000)).toBe(0n)
  })

  it('formats ppm and shares', () => {
    expect(formatPpm(500_000)).toBe('50%')
    expect(formatPpm(125_000)).toBe('12.5%')
    expect(percentOf(2n, 3n)).toBe(66.6)
    expect(percentOf(1n, 0n)).toBe(0)
  })
})

describe('actionState', () => {
  const pending = { state: 'pending' as const, rejectionCount: 0, executableFrom: 1_000 }
  it('is pending before executableFrom and ready from it on', () => {
    expect(actionState(pending, 999)).toBe('pending')
    expect(actionState(pending, 1_000)).toBe('ready')
  })
  it('is rejected for good after one rejection, even past the delay', () => {
    expect(actionState({ ...pending, state: 'rejected', rejectionCount: 1 }, 5_000)).toBe('rejected')
    expect(actionState({ ...pending, rejectionCount: 1 }, 5_000)).toBe('rejected')
  })
  it('is executed once executed', () => {
    expect(actionState({ ...pending, state: 'executed' }, 0)).toBe('executed')
  })
  it('stays pending while its delay is not indexed', () => {
    expect(actionState({ ...pending, executableFrom: null }, 10_000)).toBe('pending')
  })
})
