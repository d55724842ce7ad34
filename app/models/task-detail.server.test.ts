import { describe, expect, it } from 'vitest'
import { putJsonDocument } from '#db/content-store'
import { taskEvents, type JsonValue } from '#db/schema'
import { useTempDatabase } from '../../test/setup'
import { getTaskDetail } from './task-detail.server'
import { putApplication, putBudget, putMetadata, putTask } from './testing/task-row-fixtures'

const { db, sqlite } = useTempDatabase()
const CHAIN = 31337
const MANAGER = '0x' + 'a'.repeat(40)
const APPLICANT = '0x' + 'b'.repeat(40)

let logIndex = 0
/** A Tasks event as the indexer projects it into task_events (arguments decoded, as JSON). */
function putEvent(taskId: number, name: string, args: Record<string, JsonValue>, block: number) {
  db.insert(taskEvents)
    .values({ chainId: CHAIN, taskId, blockNumber: block, logIndex: logIndex++, name, args, timestamp: 1_700_000_000 + block, transactionHash: `0x${String(block).padStart(64, '0')}` })
    .run()
}

describe('getTaskDetail', () => {
  it('reads a task with its budgets, applications, metadata from cache or local store, and its timeline', async () => {
    const taskDoc = await putJsonDocument(db, { title: 'Local only', description: 'From the **store**', tags: [{ tag: 'x' }], links: [], requiredCourse: 'intro-course' })
    const planDoc = await putJsonDocument(db, { teamSize: 2, plan: 'Plan A', background: '' })
    putTask(sqlite, { chainId: CHAIN, taskId: 4, metadataUri: `ipfs://${taskDoc}`, title: null, deadline: 1_800_000_000, manager: MANAGER, state: 'open', nativeBudget: '5', createdAt: 1 })
    putBudget(sqlite, { chainId: CHAIN, taskId: 4, position: 0, token: '0x' + 'c'.repeat(40), amount: '70' })
    putApplication(sqlite, { chainId: CHAIN, taskId: 4, applicationId: 0, applicant: APPLICANT, accepted: true, metadataUri: '' })
    putApplication(sqlite, { chainId: CHAIN, taskId: 4, applicationId: 1, applicant: APPLICANT, metadataUri: `ipfs://${planDoc}` })
    putApplication(sqlite, { chainId: CHAIN, taskId: 4, applicationId: 2, applicant: APPLICANT, metadataUri: 'ipfs://bafkreimissing' })
    putMetadata(sqlite, { chainId: CHAIN, uri: 'ipfs://bafkreimissing', status: 'unavailable', kind: 'application' })

    // Stored out of chain order: the timeline is in chain order.
    putEvent(4, 'ApplicationCreated', { taskId: '4', applicationId: 1, metadata: `ipfs://${planDoc}`, applicant: APPLICANT, nativeReward: [{ to: APPLICANT, amount: '3' }], reward: [] }, 11)
    putEvent(4, 'TaskCreated', { taskId: '4', metadata: `ipfs://${taskDoc}`, deadline: '1800000000', manager: MANAGER, disputeManager: MANAGER, creator: MANAGER, nativeBudget: '5', budget: [], escrow: MANAGER }, 10)
    putEvent(5, 'DeadlineChanged', { taskId: '5', newDeadline: '1' }, 12) // another task

    const detail = getTaskDetail(db, { chainId: CHAIN, taskId: 4 })!
    expect(detail.metadata).toEqual({
      state: 'ok',
      error: null,
      value: expect.objectContaining({ title: 'Local only', description: 'From the **store**', tags: ['x'], requiredCourse: 'intro-course' }),
    })
    expect(detail.budgets).toEqual([
      { token: null, amount: '5' },
      { token: '0x' + 'c'.repeat(40), amount: '70' },
    ])
    expect(detail.budgetOutdated).toBe(false)
    expect(detail.applications.map((a) => [a.applicationId, a.preapproved, a.metadata.state])).toEqual([
      [0, true, 'none'],
      [1, false, 'ok'],
      [2, false, 'unavailable'],
    ])
    expect(detail.applications[1]!.metadata.value).toEqual({ teamSize: 2, plan: 'Plan A', background: '' })
    expect(detail.timeline.map((e) => [e.name, e.blockNumber])).toEqual([
      ['TaskCreated', 10],
      ['ApplicationCreated', 11],
    ])
    expect(detail.timeline[1]).toMatchObject({ timestamp: 1_700_000_011, args: { applicationId: 1, nativeReward: [{ to: APPLICANT, amount: '3' }] } })
    expect(getTaskDetail(db, { chainId: CHAIN, taskId: 99 })).toBeNull()
    expect(getTaskDetail(db, { chainId: 1, taskId: 4 })).toBeNull()
  })

  it('says why metadata is missing: unparseable URI, invalid document, not fetched yet', () => {
    const base = { chainId: CHAIN, deadline: 1, manager: MANAGER, state: 'open' as const, nativeBudget: '0', createdAt: 1, title: null }
    putTask(sqlite, { ...base, taskId: 10, metadataUri: 'hello world' })
    putTask(sqlite, { ...base, taskId: 11, metadataUri: 'ipfs://bafkreiinvalid' })
    putMetadata(sqlite, { chainId: CHAIN, uri: 'ipfs://bafkreiinvalid', status: 'invalid' })
    putTask(sqlite, { ...base, taskId: 12, metadataUri: 'ipfs://bafkreihaxfczi6d7p64zmvq5ipqelyaavesgkrgkzwvnteph5t3roq726y' })
    const state = (taskId: number) => getTaskDetail(db, { chainId: CHAIN, taskId })!.metadata.state
    expect([state(10), state(11), state(12)]).toEqual(['invalid', 'invalid', 'pending'])
  })
})
