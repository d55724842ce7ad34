import { describe, expect, it, vi } from 'vitest'
import { certificates } from '#db/schema'
import { devnetAccounts } from '#devnet/accounts'
import { useTempDatabase } from '../../test/setup'
import { deriveInboxItems, listInbox, markInboxRead } from './inbox.server'
import { hash, OPENMESH_DAO, PLUGIN, putAction, putActivity, putMember, putProposal, putVote } from './testing/dao-row-fixtures'
import { putTask } from './testing/task-row-fixtures'

// Every kind of inbox item (issue 24, point 3), derived from rows written as the indexer and the
// app write them, and read marks that outlive a re-index (which rebuilds every projection row).
// The governing bodies come from the deployment; here, the Openmesh DAO alone.
vi.mock('~/dao/bodies.server', () => ({
  getGoverningBodies: () => [{ slug: 'openmesh', name: 'Openmesh DAO', department: null, tag: null, dao: OPENMESH_DAO, plugin: PLUGIN, account: OPENMESH_DAO }],
}))

const { db, sqlite } = useTempDatabase()
const chainId = 31337
const ADA = '0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266' // manages task 1, member of the DAO
const IVAN = devnetAccounts.find((account) => account.name === 'Ivan Petrov')!.address.toLowerCase() // applies to task 1
const NOW = 100_000

function putTaskEvent(row: { taskId: number; block: number; logIndex?: number; name: string; args: Record<string, unknown>; tx: string; at: number }) {
  sqlite
    .prepare('INSERT INTO task_events (chain_id, task_id, block_number, log_index, name, args, timestamp, transaction_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(chainId, row.taskId, row.block, row.logIndex ?? 0, row.name, JSON.stringify(row.args), row.at, row.tx)
}

function world() {
  putTask(sqlite, { chainId, taskId: 1, metadataUri: '', title: 'Write <b>docs</b>', deadline: NOW + 10_000, manager: ADA, state: 'taken', nativeBudget: '0', createdAt: 90_000 })
  putTaskEvent({ taskId: 1, block: 10, name: 'TaskCreated', args: {}, tx: hash(1), at: 90_000 })
  // Ada's own preapproved application, made in the creating transaction: not news to her.
  putTaskEvent({ taskId: 1, block: 10, logIndex: 1, name: 'ApplicationCreated', args: { applicant: ADA }, tx: hash(1), at: 90_000 })
  putTaskEvent({ taskId: 1, block: 11, name: 'ApplicationCreated', args: { applicant: IVAN }, tx: hash(2), at: 91_000 })
  putTaskEvent({ taskId: 1, block: 12, name: 'SubmissionCreated', args: {}, tx: hash(3), at: 92_000 })
  putActivity(db, { chainId, address: IVAN, kind: 'task.accepted', subject: '1', timestamp: 91_500, transactionHash: hash(4) })
  putActivity(db, { chainId, address: IVAN, kind: 'task.reviewed', subject: '1', timestamp: 93_000, detail: { judgement: 'accepted' }, transactionHash: hash(5) })
  sqlite
    .prepare(`INSERT INTO task_disputes (chain_id, trustless_actions, dao, action_id, source, task_id, metadata_uri, partial_native_reward, partial_reward, created_block, created_at, transaction_hash)
      VALUES (?, '0x00000000000000000000000000000000000000d1', '0x00000000000000000000000000000000000000d2', 7, 'dispute', 1, '', '0', '[]', 13, 94000, ?)`)
    .run(chainId, hash(6))
  putMember(db, { chainId, address: ADA, tokenId: '1', joinedAt: 1_000 })
  putActivity(db, { chainId, address: ADA, kind: 'dao.joined', subject: '1', timestamp: 1_000, transactionHash: hash(7) })
  // Ends in 2 hours, Ada has not voted: news. Ends in 3 days: not yet.
  putProposal(db, { chainId, proposalNumber: 0, title: 'Fund the docs', startDate: NOW - 1_000, endDate: NOW + 7_200, createdAt: NOW - 1_000 })
  putProposal(db, { chainId, proposalNumber: 1, title: 'Later', startDate: NOW - 1_000, endDate: NOW + 3 * 86_400, createdAt: NOW - 1_000 })
  // Executable in an hour unless rejected: Ada's last chance.
  putAction(db, { chainId, actionId: 3, executableFrom: NOW + 3_600, createdAt: NOW - 600 })
  db.insert(certificates).values({ id: `0x${'ce'.repeat(32)}`, address: ADA, courseSlug: 'wallets', courseTitle: 'Wallets', courseVersion: '1', issuedAt: 95_000, issuer: ADA, signature: '0x00' }).run()
  sqlite.prepare(`INSERT INTO membership_requests (address, note, record, status, created_at) VALUES (?, '', '{}', 'proposed', ?)`).run(IVAN, 96_000_000)
}
world()

describe('the inbox', () => {
  it('tells a manager of applications, submissions and disputes on her task, proposals and actions about to close, and her certificate', () => {
    const items = deriveInboxItems(db, { chainId, address: ADA, now: NOW })
    expect(items.map((item) => [item.kind, item.title])).toEqual(
      expect.arrayContaining([
        ['task-application', 'Ivan Petrov applied to “Write <b>docs</b>”'],
        ['task-submission', 'New submission to “Write <b>docs</b>”: it waits for your review'],
        ['task-dispute', 'A dispute was opened on “Write <b>docs</b>”'],
        ['proposal-ending', '“Fund the docs” (Openmesh DAO) ends in 2 hours and you have not voted'],
        ['action-executable', 'Optimistic action #3 (Openmesh DAO) becomes executable in 60 minutes: your last chance to reject it'],
        ['certificate-issued', 'Certificate issued: Wallets'],
        ['membership', 'You are now a verified contributor: your OVC was minted'],
      ]),
    )
    // Her own preapproved application and the proposal ending in three days are not news.
    expect(items.filter((item) => item.kind === 'task-application')).toHaveLength(1)
    expect(items.filter((item) => item.kind === 'proposal-ending')).toHaveLength(1)
    expect(items.map((item) => item.at)).toEqual([...items.map((item) => item.at)].sort((a, b) => b - a))
  })

  it('tells an applicant of acceptance, review and his membership request', () => {
    const kinds = deriveInboxItems(db, { chainId, address: IVAN, now: NOW }).map((item) => [item.kind, item.title])
    expect(kinds).toEqual(
      expect.arrayContaining([
        ['application-accepted', 'Your application to “Write <b>docs</b>” was accepted'],
        ['submission-reviewed', 'Your submission to “Write <b>docs</b>” was accepted'],
        ['membership', 'Your membership request was turned into a DAO proposal'],
      ]),
    )
  })

  it('counts unread items, and a proposal voted on leaves the inbox', () => {
    expect(listInbox(db, { chainId, address: ADA, now: NOW }).unread).toBe(7)
    putVote(db, { chainId, proposalId: '0', voter: ADA, optionName: 'yes', votedAt: NOW })
    expect(deriveInboxItems(db, { chainId, address: ADA, now: NOW }).some((item) => item.kind === 'proposal-ending')).toBe(false)
  })

  it('keeps read marks across a re-index, which rebuilds every projection row', () => {
    const before = listInbox(db, { chainId, address: ADA, now: NOW })
    const application = before.items.find((item) => item.kind === 'task-application')!
    expect(markInboxRead(db, { chainId, address: ADA, now: NOW, keys: [application.key, 'not-an-item'] })).toBe(1)
    // A re-index: the projections are dropped and written again from the same events (the vote stays).
    for (const table of ['task_events', 'tasks', 'chain_activity', 'task_disputes', 'dao_members', 'dao_proposals', 'trustless_actions']) sqlite.prepare(`DELETE FROM ${table}`).run()
    sqlite.prepare('DELETE FROM certificates').run()
    sqlite.prepare('DELETE FROM membership_requests').run()
    world()
    const after = listInbox(db, { chainId, address: ADA, now: NOW })
    expect(after.items.find((item) => item.key === application.key)).toMatchObject({ read: true })
    expect(after.unread).toBe(before.unread - 1)
    expect(markInboxRead(db, { chainId, address: ADA, now: NOW, keys: 'all' })).toBe(after.items.length)
    expect(listInbox(db, { chainId, address: ADA, now: NOW }).unread).toBe(0)
  })
})
