import { describe, expect, it } from 'vitest'
import { rfpProjects, rfps, taskDisputes, taskDrafts } from '#db/schema'
import type { DecodedAction } from '#db/schema'
import { useTempDatabase } from '../../test/setup'
import { getProjectOfTask, getRfp, listRfps } from './rfps.server'
import { listTaskDisputes } from './task-disputes.server'
import { getDraftOfTask, listTaskDrafts } from './task-drafts.server'
import { hash, putAction, putDocument, putProposal } from './testing/dao-row-fixtures'

// The RFP, dispute and draft reads over projection rows as the indexer writes them.

const { db } = useTempDatabase()
const CHAIN = 31337
const PESSIMISTIC = '0x0b306bf915c4d645ff596e518faf3f9669b97016'
const DISPUTE_ACCOUNT = '0xe6e340d132b5f46d1e472debcd681b2abc16e57e'
const OTHER_ACCOUNT = '0xf5059a5d33d5853360d16c683c16e67980206f36'
const DISPUTE_VOTING = '0x67d269191c92caf3cd7723f116c85e6e9bf55933'
const ADA = '0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266'

/** A department proposal action: the smart account `account` executes pessimistic action `id` of `dao`. */
function resolveCall(account: string, dao: string, id: number): DecodedAction {
  return {
    to: account,
    value: '0',
    data: '0x',
    contract: 'smartAccount',
    functionName: 'performCall',
    args: [],
    inner: { to: PESSIMISTIC, value: '0', data: '0x', contract: 'pessimisticActions', functionName: 'executeAction', args: [{ name: '_dao', type: 'address', value: dao }, { name: '_id', type: 'uint32', value: id }] },
  }
}

function putDispute(actionId: number, taskId: number, state: 'pending' | 'executed') {
  putAction(db, { chainId: CHAIN, actionId, contract: PESSIMISTIC, dao: DISPUTE_ACCOUNT, kind: 'pessimistic', state, executedAt: state === 'executed' ? 2_000 : null, executionTransactionHash: state === 'executed' ? hash(9_000 + actionId) : null })
  db.insert(taskDisputes)
    .values({ chainId: CHAIN, trustlessActions: PESSIMISTIC, dao: DISPUTE_ACCOUNT, actionId, source: '0x1', taskId, metadataUri: `ipfs://dispute-${actionId}`, partialNativeReward: ['420000000000000000'], partialReward: [], createdBlock: 40 + actionId, createdAt: 1_500, transactionHash: hash(5_000 + actionId) })
    .run()
}

describe('task disputes', () => {
  putDocument(db, { chainId: CHAIN, uri: 'ipfs://dispute-0', kind: 'action', status: 'ok', content: { title: 'Pay the forms', summary: 'Eleven of fourteen', body: '<p>The <strong>details</strong></p>' } })
  putDispute(0, 12, 'executed')
  putDispute(1, 13, 'pending')
  // Proposal 0 resolved dispute 0; proposal 1 resolves dispute 1; proposal 2 executes action 1 of
  // ANOTHER account (same id, not this dispute); proposal 3 makes another account execute it.
  putProposal(db, { chainId: CHAIN, plugin: DISPUTE_VOTING, proposalNumber: 0, title: 'Resolve 0', actions: [resolveCall(DISPUTE_ACCOUNT, DISPUTE_ACCOUNT, 0)], state: 'executed' })
  putProposal(db, { chainId: CHAIN, plugin: DISPUTE_VOTING, proposalNumber: 1, title: 'Resolve 1', actions: [resolveCall(DISPUTE_ACCOUNT, DISPUTE_ACCOUNT, 1)] })
  putProposal(db, { chainId: CHAIN, plugin: DISPUTE_VOTING, proposalNumber: 2, title: 'Elsewhere', actions: [resolveCall(OTHER_ACCOUNT, OTHER_ACCOUNT, 1)] })
  putProposal(db, { chainId: CHAIN, plugin: DISPUTE_VOTING, proposalNumber: 3, title: 'Wrong caller', actions: [resolveCall(OTHER_ACCOUNT, DISPUTE_ACCOUNT, 1)] })

  it('reads a resolved dispute with its document, its resolving proposal and the execution', () => {
    const [dispute] = listTaskDisputes(db, { chainId: CHAIN, taskId: 12 })
    expect(dispute).toMatchObject({
      actionId: 0,
      title: 'Pay the forms',
      summary: 'Eleven of fourteen',
      body: '<p>The <strong>details</strong></p>',
      partialNativeReward: ['420000000000000000'],
      state: 'resolved',
      resolvedAt: 2_000,
      resolutionTransactionHash: hash(9_000),
    })
    expect(dispute!.proposals.map((p) => [p.title, p.executed])).toEqual([['Resolve 0', true]])
  })

  it('links an open dispute only to the proposals that make its own account execute it', () => {
    const disputes = listTaskDisputes(db, { chainId: CHAIN, taskId: 13 })
    expect(disputes).toHaveLength(1)
    expect(disputes[0]).toMatchObject({ state: 'open', resolvedAt: null, title: null, metadataState: 'invalid' })
    expect(disputes[0]!.proposals.map((p) => p.title)).toEqual(['Resolve 1'])
  })

  it('has none for another task or chain', () => {
    expect(listTaskDisputes(db, { chainId: CHAIN, taskId: 14 })).toEqual([])
    expect(listTaskDisputes(db, { chainId: 1, taskId: 12 })).toEqual([])
  })
})

describe('RFPs', () => {
  db.insert(rfps)
    .values([
      { chainId: CHAIN, rfpId: 0, metadataUri: 'ipfs://rfp-0', deadline: 9_000, nativeBudget: '4000000000000000000', budget: [], creator: ADA, tasksManager: ADA, disputeManager: DISPUTE_ACCOUNT, manager: ADA, escrow: '0xe5c0', emptied: false, createdBlock: 10, createdAt: 1_000, transactionHash: hash(1) },
      { chainId: CHAIN, rfpId: 1, metadataUri: 'ipfs://rfp-1', deadline: 9_000, nativeBudget: '0', budget: [], creator: ADA, tasksManager: ADA, disputeManager: DISPUTE_ACCOUNT, manager: ADA, escrow: '0xe5c1', emptied: true, emptiedAt: 1_200, createdBlock: 11, createdAt: 1_100, transactionHash: hash(2) },
    ])
    .run()
  db.insert(rfpProjects)
    .values([
      { chainId: CHAIN, rfpId: 0, projectId: 0, metadataUri: 'ipfs://p-0', representative: ADA, deadline: 8_000, nativeReward: [{ to: ADA, amount: '1500000000000000000' }], reward: [], accepted: true, acceptedNativeReward: ['1500000000000000000'], acceptedReward: [], taskId: 27, acceptedAt: 1_300, acceptedTransactionHash: hash(3), createdBlock: 12, createdAt: 1_150, transactionHash: hash(4) },
      { chainId: CHAIN, rfpId: 0, projectId: 1, metadataUri: 'ipfs://p-1', representative: ADA, deadline: 8_000, nativeReward: [], reward: [], accepted: false, createdBlock: 13, createdAt: 1_160, transactionHash: hash(5) },
    ])
    .run()
  putDocument(db, { chainId: CHAIN, uri: 'ipfs://rfp-0', kind: 'proposal', status: 'ok', content: { title: 'Indexers for more chains' } })

  it('lists RFPs newest first with their project counts and emptied state', () => {
    expect(listRfps(db, CHAIN).map((r) => [r.rfpId, r.emptied, r.projectCount, r.acceptedCount])).toEqual([
      [1, true, 0, 0],
      [0, false, 2, 1],
    ])
  })

  it('reads an RFP with each accepted project linked to the task it became', () => {
    const rfp = getRfp(db, { chainId: CHAIN, rfpId: 0 })!
    expect(rfp.title).toBe('Indexers for more chains')
    expect(rfp.projects.map((p) => [p.projectId, p.accepted, p.task?.taskId ?? null])).toEqual([
      [0, true, 27],
      [1, false, null],
    ])
    expect(getRfp(db, { chainId: CHAIN, rfpId: 5 })).toBeNull()
  })

  it('names the RFP project a task came from', () => {
    expect(getProjectOfTask(db, { chainId: CHAIN, taskId: 27 })).toEqual({ rfpId: 0, projectId: 0, rfpTitle: 'Indexers for more chains' })
    expect(getProjectOfTask(db, { chainId: CHAIN, taskId: 28 })).toBeNull()
  })
})

describe('task drafts', () => {
  const DEPT = OTHER_ACCOUNT
  for (const [actionId, state, createdTaskId] of [[0, 'executed', 30], [1, 'pending', null]] as const) {
    putAction(db, { chainId: CHAIN, actionId: 100 + actionId, contract: PESSIMISTIC, dao: DEPT, kind: 'pessimistic', state })
    db.insert(taskDrafts)
      .values({ chainId: CHAIN, trustlessActions: PESSIMISTIC, dao: DEPT, actionId: 100 + actionId, source: '0x2', metadataUri: `ipfs://draft-${actionId}`, taskMetadataUri: '', taskDeadline: 9_000, taskManager: DEPT, taskDisputeManager: DISPUTE_ACCOUNT, nativeBudget: '1', budget: [], preapproved: [], createdTaskId, createdBlock: 50 + actionId, createdAt: 1_000, transactionHash: hash(70 + actionId) })
      .run()
  }

  it('lists a department’s drafts newest first, approved once their action ran', () => {
    expect(listTaskDrafts(db, { chainId: CHAIN, dao: DEPT.toUpperCase().replace('0X', '0x') }).map((d) => [d.actionId, d.state, d.createdTaskId])).toEqual([
      [101, 'pending', null],
      [100, 'approved', 30],
    ])
    expect(listTaskDrafts(db, { chainId: CHAIN, dao: DISPUTE_ACCOUNT })).toEqual([])
  })

  it('finds the draft a task was created from', () => {
    expect(getDraftOfTask(db, { chainId: CHAIN, taskId: 30 })).toMatchObject({ dao: DEPT, actionId: 100, state: 'approved' })
    expect(getDraftOfTask(db, { chainId: CHAIN, taskId: 27 })).toBeNull()
  })
})
