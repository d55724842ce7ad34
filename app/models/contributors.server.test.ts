import { describe, expect, it } from 'vitest'
import { useTempDatabase } from '../../test/setup'
import { getContributorPage } from './contributors.server'
import { putActivity, putMember } from './testing/dao-row-fixtures'
import { putTask } from './testing/task-row-fixtures'

const { db, sqlite } = useTempDatabase()
const chainId = 31337
const ADA = '0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266'
const BRUNO = '0x70997970c51812dc3a010c7d01b50e0d17dc79c8'
const CHEN = '0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc'

describe('getContributorPage', () => {
  // Ada manages two tasks and votes twice (once replaced: one proposal); Bruno applies twice, takes
  // and completes one task; Chen was a member whose OVC was revoked.
  putTask(sqlite, { chainId, taskId: 1, metadataUri: '', title: null, deadline: 0, manager: ADA, state: 'closed', nativeBudget: '0', createdAt: 1 })
  putTask(sqlite, { chainId, taskId: 2, metadataUri: '', title: null, deadline: 0, manager: ADA, state: 'open', nativeBudget: '0', createdAt: 1 })
  putActivity(db, { chainId, address: ADA, kind: 'task.created', subject: '1', timestamp: 100 })
  putActivity(db, { chainId, address: ADA, kind: 'task.created', subject: '2', timestamp: 110 })
  putActivity(db, { chainId, address: ADA, kind: 'dao.voted', subject: '0', timestamp: 120 })
  putActivity(db, { chainId, address: ADA, kind: 'dao.voted', subject: '0', timestamp: 130 })
  putActivity(db, { chainId, address: ADA, kind: 'dao.voted', subject: '1', timestamp: 140 })
  putActivity(db, { chainId, address: BRUNO, kind: 'task.applied', subject: '1', timestamp: 101 })
  putActivity(db, { chainId, address: BRUNO, kind: 'task.applied', subject: '2', timestamp: 111 })
  putActivity(db, { chainId, address: BRUNO, kind: 'task.taken', subject: '1', timestamp: 150 })
  putActivity(db, { chainId, address: BRUNO, kind: 'task.completed', subject: '1', timestamp: 160 })
  putActivity(db, { chainId, address: CHEN, kind: 'dao.joined', subject: '3', timestamp: 50 })
  putActivity(db, { chainId, address: CHEN, kind: 'dao.revoked', subject: '3', timestamp: 60 })
  putMember(db, { chainId, address: CHEN, tokenId: '3', joinedAt: 50, active: false, revokedAt: 60 })
  putActivity(db, { chainId: 1, address: '0x0000000000000000000000000000000000000001', kind: 'task.applied', subject: '9' })

  it('lists every address of the chain with its counts, most recently active first', () => {
    const page = getContributorPage(db, { chainId, page: 1 })
    expect(page).toMatchObject({ total: 3, page: 1, pageCount: 1 })
    expect(page.items.map((row) => [row.address, row.tasksManaged, row.applications, row.tasksTaken, row.tasksDone, row.votes, row.member])).toEqual([
      [BRUNO, 0, 2, 1, 1, 0, null],
      [ADA, 2, 0, 0, 0, 2, null],
      [CHEN, 0, 0, 0, 0, 0, 'revoked'],
    ])
  })

  it('leaves out addresses that are not people', () => {
    const page = getContributorPage(db, { chainId, page: 1, exclude: [CHEN.toUpperCase().replace('0X', '0x'), '0x000000000000000000000000000000000000dead'] })
    expect(page.total).toBe(2)
    expect(page.items.map((row) => row.address)).toEqual([BRUNO, ADA])
  })

  it('pages through the directory', () => {
    const second = getContributorPage(db, { chainId, page: 2, pageSize: 2 })
    expect(second).toMatchObject({ total: 3, page: 2, pageCount: 2 })
    expect(second.items.map((row) => row.address)).toEqual([CHEN])
  })
})

describe('getContributorPage counts proposals per plugin', () => {
  // The DAO's TokenVoting and each department's TagVoting number their proposals from 0 alike.
  const chain = 31338
  putActivity(db, { chainId: chain, address: ADA, kind: 'dao.voted', subject: '0', timestamp: 100, detail: { option: 'yes', plugin: '0x00000000000000000000000000000000000000a1' } })
  putActivity(db, { chainId: chain, address: ADA, kind: 'dao.voted', subject: '0', timestamp: 110, detail: { option: 'no', plugin: '0x00000000000000000000000000000000000000b2' } })
  putActivity(db, { chainId: chain, address: ADA, kind: 'dao.proposed', subject: '0', timestamp: 90, detail: { plugin: '0x00000000000000000000000000000000000000a1' } })
  putActivity(db, { chainId: chain, address: ADA, kind: 'dao.proposed', subject: '0', timestamp: 95, detail: { plugin: '0x00000000000000000000000000000000000000b2' } })

  it('counts a vote on proposal 0 of two bodies as two votes', () => {
    const [row] = getContributorPage(db, { chainId: chain, page: 1 }).items
    expect(row).toMatchObject({ address: ADA, votes: 2, proposals: 2 })
  })
})

describe('getContributorPage leaves out RFP escrows', () => {
  const chain = 31339
  const ESCROW = '0x00000000000000000000000000000000000e5c40'
  putActivity(db, { chainId: chain, address: ESCROW, kind: 'task.created', subject: '5', timestamp: 100 })
  putActivity(db, { chainId: chain, address: BRUNO, kind: 'task.applied', subject: '5', timestamp: 101 })
  sqlite
    .prepare(`INSERT INTO rfps (chain_id, rfp_id, metadata_uri, deadline, native_budget, budget, creator, tasks_manager, dispute_manager, manager, escrow, emptied, created_block, created_at, transaction_hash)
      VALUES (?, 0, '', 0, '0', '[]', ?, ?, ?, ?, ?, 0, 1, 1, '0x01')`)
    .run(chain, BRUNO, BRUNO, BRUNO, BRUNO, ESCROW)

  it('lists the people, not the escrow that created the accepted project’s task', () => {
    expect(getContributorPage(db, { chainId: chain, page: 1 }).items.map((row) => row.address)).toEqual([BRUNO])
  })
})
