import { encodeAbiParameters, encodeEventTopics, getAbiItem, pad, toHex, type Hex } from 'viem'
import { describe, expect, it } from 'vitest'
import { tasksAbi } from '../../contracts-abi/Tasks'
import { putJsonDocument } from '../../db/content-store'
import { useTempDatabase } from '../../test/setup'
import { getTaskDetail } from './task-detail.server'
import { RAW_LOGS_TOPIC1, sqliteOf } from './task-search.server'
import { putApplication, putBudget, putMetadata, putTask } from './testing/task-row-fixtures'

const { db, sqlite } = useTempDatabase()
const CHAIN = 31337
const TASKS = '0x00000000000000000000000000000000000007a5'
const OTHER_CONTRACT = '0x0000000000000000000000000000000000000bad'
const MANAGER = '0x' + 'a'.repeat(40)
const APPLICANT = '0x' + 'b'.repeat(40)

let logIndex = 0
/** A Tasks event as the indexer stores it in raw_logs (topics as a JSON array, data as hex). */
function putLog(name: 'TaskCreated' | 'ApplicationCreated' | 'DeadlineChanged', args: Record<string, unknown>, block: number, address = TASKS) {
  const event = getAbiItem({ abi: tasksAbi, name }) as { inputs: readonly { name: string; type: string; indexed?: boolean }[] }
  const topics = encodeEventTopics({ abi: tasksAbi, eventName: name, args: args as never }) as Hex[]
  const dataInputs = event.inputs.filter((input) => !input.indexed)
  const data = encodeAbiParameters(dataInputs as never, dataInputs.map((input) => args[input.name]) as never)
  sqlite
    .prepare(
      `INSERT INTO raw_logs (chain_id, block_hash, log_index, block_number, block_timestamp, transaction_hash, transaction_index, address, topics, data)
       VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?)`,
    )
    .run(CHAIN, pad(toHex(block), { size: 32 }), logIndex++, block, 1_700_000_000 + block, pad(toHex(1000 + logIndex), { size: 32 }), address, JSON.stringify(topics), data)
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

    putLog('TaskCreated', { taskId: 4n, metadata: `ipfs://${taskDoc}`, deadline: 1_800_000_000n, manager: MANAGER, disputeManager: MANAGER, creator: MANAGER, nativeBudget: 5n, budget: [], escrow: MANAGER }, 10)
    putLog('ApplicationCreated', { taskId: 4n, applicationId: 1, metadata: `ipfs://${planDoc}`, applicant: APPLICANT, nativeReward: [{ to: APPLICANT, amount: 3n }], reward: [] }, 11)
    putLog('DeadlineChanged', { taskId: 5n, newDeadline: 1n }, 12) // another task
    putLog('DeadlineChanged', { taskId: 4n, newDeadline: 1n }, 13, OTHER_CONTRACT) // another contract

    const detail = getTaskDetail(db, { chainId: CHAIN, taskId: 4, tasksAddress: TASKS })!
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
    expect(detail.timeline[1]!.args).toMatchObject({ applicationId: 1, nativeReward: [{ to: expect.stringMatching(/^0x/i), amount: '3' }] })
    expect(getTaskDetail(db, { chainId: CHAIN, taskId: 99, tasksAddress: TASKS })).toBeNull()
    expect(getTaskDetail(db, { chainId: 1, taskId: 4, tasksAddress: TASKS })).toBeNull()
  })

  it('says why metadata is missing: unparseable URI, invalid document, not fetched yet', () => {
    const base = { chainId: CHAIN, deadline: 1, manager: MANAGER, state: 'open' as const, nativeBudget: '0', createdAt: 1, title: null }
    putTask(sqlite, { ...base, taskId: 10, metadataUri: 'hello world' })
    putTask(sqlite, { ...base, taskId: 11, metadataUri: 'ipfs://bafkreiinvalid' })
    putMetadata(sqlite, { chainId: CHAIN, uri: 'ipfs://bafkreiinvalid', status: 'invalid' })
    putTask(sqlite, { ...base, taskId: 12, metadataUri: 'ipfs://bafkreinotyet' })
    const state = (taskId: number) => getTaskDetail(db, { chainId: CHAIN, taskId, tasksAddress: null })!.metadata.state
    expect([state(10), state(11), state(12)]).toEqual(['invalid', 'invalid', 'pending'])
  })

  it('finds a task’s events through the raw_logs index, not a scan', () => {
    const plan = sqliteOf(db)
      .prepare(`EXPLAIN QUERY PLAN SELECT * FROM raw_logs WHERE chain_id = ? AND ${RAW_LOGS_TOPIC1} = ?`)
      .all(CHAIN, '0x') as { detail: string }[]
    expect(plan.map((row) => row.detail).join(' ')).toContain('task_search_raw_logs_topic1')
  })
})
