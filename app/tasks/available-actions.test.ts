import { describe, expect, it } from 'vitest'
import { availableActions, noActions, type TaskFacts } from './available-actions'

const MANAGER = '0x00000000000000000000000000000000000000AA'
const ALICE = '0x00000000000000000000000000000000000000a1'
const BOB = '0x00000000000000000000000000000000000000b2'
const DAO = '0x00000000000000000000000000000000000000da'
const NOW = 1_800_000_000

const open: TaskFacts = {
  state: 'open',
  deadline: NOW + 86_400,
  manager: MANAGER.toLowerCase(),
  disputeManager: DAO,
  executorApplicationId: null,
  applications: [
    { applicationId: 0, applicant: ALICE, accepted: true },
    { applicationId: 1, applicant: BOB, accepted: false },
  ],
  submissions: [],
  cancelRequests: [],
}
const taken: TaskFacts = {
  ...open,
  state: 'taken',
  executorApplicationId: 0,
  submissions: [
    { submissionId: 0, judgement: 'rejected' },
    { submissionId: 1, judgement: 'none' },
  ],
  cancelRequests: [
    { requestId: 0, accepted: true, executed: false },
    { requestId: 1, accepted: false, executed: false },
  ],
}
const at = { now: NOW, disputes: true }

describe('availableActions', () => {
  it('offers nothing to visitors and nothing on closed tasks', () => {
    expect(availableActions(open, null, at)).toEqual(noActions)
    expect(availableActions({ ...taken, state: 'closed' }, MANAGER, at)).toEqual(noActions)
  })

  it('open task: the manager accepts pending applications, edits and cancels at once; others apply or take', () => {
    const manager = availableActions(open, MANAGER, at)
    expect(manager).toMatchObject({ apply: false, acceptApplications: [1], editMetadata: true, cancel: 'now', dispute: false })
    expect(availableActions(open, ALICE.toUpperCase().replace('0X', '0x'), at)).toMatchObject({ apply: true, take: [0] })
    expect(availableActions(open, BOB, at)).toMatchObject({ apply: true, take: [] })
  })

  it('taken task: review, cancel by request before the deadline and at once after it', () => {
    const manager = availableActions(taken, MANAGER, at)
    expect(manager).toMatchObject({ review: [1], cancel: 'request', partialPayment: true, dispute: false, editMetadata: false, executeCancel: [0] })
    expect(availableActions({ ...taken, deadline: NOW }, MANAGER, at).cancel).toBe('now')
    // Only the executor opens a dispute (TaskDisputes), and only where TaskDisputes is deployed.
    expect(availableActions(taken, ALICE, { ...at, disputes: false }).dispute).toBe(false)
  })

  it('taken task: the executor submits and accepts cancel requests; anyone executes accepted ones', () => {
    expect(availableActions(taken, ALICE, at)).toMatchObject({ submit: true, acceptCancel: [1], dispute: true, apply: false, take: [] })
    expect(availableActions(taken, BOB, at)).toMatchObject({ submit: false, acceptCancel: [], executeCancel: [0], dispute: false })
  })
})
