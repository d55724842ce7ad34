import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { encodeFunctionData } from 'viem'
import { describe, expect, it } from 'vitest'
import { verifiedContributorAbi } from '#contracts-abi/index'
import { ProposalResult } from '~/dao/components/proposal-result'
import type { KnownContracts } from '~/dao/decode-action.server'
import { ovcDefaultTokens as ovcDefaultTokensTable } from '#db/schema'
import { useTempDatabase } from '../../test/setup'
import { listMembers } from './dao-members.server'
import { listTagHolders } from './department-members.server'
import { getProposal, listProposals, type ProposalDetail } from './proposals.server'
import { getTrustlessAction, listTrustlessActions } from './trustless-actions.server'
import {
  hash,
  putAction,
  putCheckpoint,
  putDocument,
  OPENMESH_DAO,
  PLUGIN,
  putMember,
  putProposal,
  putRejection,
  putSettings,
  putToken,
  putVote,
} from './testing/dao-row-fixtures'

const { db } = useTempDatabase()

const OVC = '0xcf7ed3acca5a467e9e704c703e8d87f634fb0fc9'
const known: KnownContracts = new Map([[OVC, 'verifiedContributor']])
const ADA = '0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266'
const BRUNO = '0x70997970c51812dc3a010c7d01b50e0d17dc79c8'
const CHEN = '0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc'

describe('proposals', () => {
  const chainId = 201
  putSettings(db, chainId)
  // Chain time 2 100: #0 executed, #1 passed, #2 failed (tie), #3 failed (no votes), #4 active.
  putCheckpoint(db, chainId, { number: 90, timestamp: 2_100 })
  const mint = encodeFunctionData({ abi: verifiedContributorAbi, functionName: 'mint', args: [CHEN, 7n] })
  putDocument(db, { chainId, uri: 'ipfs://p0', kind: 'proposal', status: 'ok', content: { title: 'Fund the docs sprint', summary: '**Two** ETH <script>alert(1)</script>', resources: [{ name: 'Plan', url: 'https://example.org' }] } })
  putDocument(db, { chainId, uri: 'ipfs://p2', kind: 'proposal', status: 'unavailable' })
  putProposal(db, {
    chainId,
    proposalNumber: 0,
    metadataUri: 'ipfs://p0',
    yes: '3',
    voterCount: 3,
    state: 'executed',
    executedBlock: 45,
    executedAt: 1_200,
    executionTransactionHash: hash(45),
    actions: [
      {
        to: OVC,
        value: '0',
        data: mint,
        contract: 'verifiedContributor',
        functionName: 'mint',
        args: [
          { name: 'to', type: 'address', value: CHEN },
          { name: 'tokenId', type: 'uint256', value: '7' },
        ],
      },
    ],
  })
  putProposal(db, { chainId, proposalNumber: 1, yes: '2', no: '1', voterCount: 3 })
  putProposal(db, { chainId, proposalNumber: 2, metadataUri: 'ipfs://p2', yes: '1', no: '1', voterCount: 2 })
  putProposal(db, { chainId, proposalNumber: 3, metadataUri: 'ipfs://bafkreihaxfczi6d7p64zmvq5ipqelyaavesgkrgkzwvnteph5t3roq726y' }) // not fetched yet
  putProposal(db, { chainId, proposalNumber: 4, startDate: 2_000, endDate: 3_000, yes: '1', voterCount: 1 })
  putVote(db, { chainId, proposalId: '0', voter: ADA, optionName: 'yes' })
  putVote(db, { chainId, proposalId: '0', voter: BRUNO, optionName: 'yes', votedBlock: 21 })
  // A department's TagVoting numbers its proposals from 0 too.
  const TAG_VOTING = '0x0000000000000000000000000000000000007a90'
  putSettings(db, chainId, TAG_VOTING)
  putProposal(db, { chainId, plugin: TAG_VOTING, proposalNumber: 0, createdBlock: 99, yes: '1', voterCount: 1, totalVotingPower: '3' })
  putVote(db, { chainId, plugin: TAG_VOTING, proposalId: '0', voter: CHEN, optionName: 'yes' })

  it('lists every plugin’s proposals newest first, or one plugin’s, and reads each by (plugin, id)', () => {
    expect(listProposals(db, { chainId, now: 2_100 }).map((p) => [p.plugin, p.proposalId])).toEqual([
      [TAG_VOTING, '0'],
      ...['4', '3', '2', '1', '0'].map((id) => [PLUGIN, id]),
    ])
    expect(listProposals(db, { chainId, now: 2_100, plugin: TAG_VOTING }).map((p) => p.proposalId)).toEqual(['0'])
    const department = getProposal(db, { chainId, plugin: TAG_VOTING, proposalId: '0', now: 2_100, known })!
    expect(department.votes.map((v) => v.voter)).toEqual([CHEN])
    expect(getProposal(db, { chainId, plugin: PLUGIN, proposalId: '0', now: 2_100, known })!.votes.map((v) => v.voter)).toEqual([ADA, BRUNO])
  })

  it('lists every proposal newest first, with the state at chain time', () => {
    const states = listProposals(db, { chainId, now: 2_100, plugin: PLUGIN }).map((p) => [p.proposalId, p.outcome.state])
    expect(states).toEqual([
      ['4', 'active'],
      ['3', 'failed'],
      ['2', 'failed'],
      ['1', 'passed'],
      ['0', 'executed'],
    ])
  })

  it('would still call the open proposals active by the (older) wall clock, which is why chain time is used', () => {
    expect(listProposals(db, { chainId, now: 1_500 }).find((p) => p.proposalId === '1')?.outcome.state).toBe('active')
  })

  it('takes titles from the metadata and says when it is missing', () => {
    const byId = new Map(listProposals(db, { chainId, now: 2_100 }).map((p) => [p.proposalId, p]))
    expect(byId.get('0')).toMatchObject({ title: 'Fund the docs sprint', metadataState: 'ok' })
    expect(byId.get('2')).toMatchObject({ title: null, metadataState: 'unavailable' })
    expect(byId.get('3')).toMatchObject({ title: null, metadataState: 'pending' })
    expect(byId.get('1')).toMatchObject({ title: null, metadataState: 'none' })
  })

  it('reads one proposal with its votes, decoded actions and execution transaction', () => {
    const proposal = getProposal(db, { chainId, plugin: PLUGIN, proposalId: '0', now: 2_100, known })!
    expect(proposal.summary).toBe('**Two** ETH <script>alert(1)</script>')
    expect(proposal.resources).toEqual([{ name: 'Plan', url: 'https://example.org' }])
    expect(proposal.votes.map((v) => [v.voter, v.option])).toEqual([
      [ADA, 'yes'],
      [BRUNO, 'yes'],
    ])
    expect(proposal.actions[0]?.summary).toEqual([{ text: 'mint OVC #7 to ' }, { address: CHEN }])
    expect(proposal.executionTransactionHash).toBe(hash(45))
    expect(proposal.outcome).toMatchObject({ state: 'executed', cast: '3', minVotingPower: '1' })
  })

  it('returns null for an unknown proposal and for another chain', () => {
    expect(getProposal(db, { chainId, plugin: PLUGIN, proposalId: '999999', now: 0, known })).toBeNull()
    expect(getProposal(db, { chainId: chainId + 1, plugin: PLUGIN, proposalId: '0', now: 0, known })).toBeNull()
    expect(getProposal(db, { chainId, plugin: '0x0000000000000000000000000000000000000bad', proposalId: '0', now: 0, known })).toBeNull()
  })
})

describe('a proposal whose parameters the indexer could not read', () => {
  const chainId = 203
  putSettings(db, chainId)
  putCheckpoint(db, chainId, { number: 90, timestamp: 2_100 })
  putProposal(db, { chainId, proposalNumber: 0, snapshotBlock: null, supportThreshold: null, minVotingPower: null, totalVotingPower: null, yes: '2', no: '1', voterCount: 3 })
  const page = (proposal: ProposalDetail) => renderToStaticMarkup(createElement(ProposalResult, { proposal }))

  it('is judged on the current threshold alone, and the page says so', () => {
    const proposal = getProposal(db, { chainId, plugin: PLUGIN, proposalId: '0', now: 2_100, known })!
    expect(proposal.parametersUnread).toBe(true)
    expect(proposal.outcome).toMatchObject({ state: 'passed', supportThreshold: 500_000, minVotingPower: null })
    const html = page(proposal)
    expect(html).toContain('minimum unknown')
    expect(html).toContain('could not be read from the chain node')
    expect(html).toContain('The support threshold shown is the DAO’s current one.')
    expect(html).toContain('support alone decides')
  })

  it('is not said of a proposal whose parameters were read', () => {
    const proposal = getProposal(db, { chainId: 201, plugin: PLUGIN, proposalId: '1', now: 2_100, known })!
    expect(proposal.parametersUnread).toBe(false)
    expect(page(proposal)).not.toContain('could not be read')
  })
})

describe('trustless actions', () => {
  const chainId = 301
  const ACCOUNT = '0x0000000000000000000000000000000000ac0001'
  const PESSIMISTIC = '0x0000000000000000000000000000000000be0001'
  putDocument(db, { chainId, uri: 'ipfs://a1', kind: 'action', status: 'ok', content: { title: 'Add Ivan', summary: 'Ivan works on CI.' } })
  putDocument(db, { chainId, uri: 'ipfs://r1', kind: 'rejection', status: 'ok', content: { reason: 'Not yet: first a completed task.' } })
  putAction(db, { chainId, actionId: 0, state: 'executed', executor: CHEN, executedBlock: 167, executedAt: 1_700, executionTransactionHash: hash(167) })
  putAction(db, { chainId, actionId: 1, metadataUri: 'ipfs://a1', state: 'rejected', rejectionCount: 1, creator: ADA })
  putAction(db, { chainId, actionId: 2, executableFrom: 1_600 })
  putAction(db, { chainId, actionId: 3, executableFrom: 2_300 })
  putRejection(db, { chainId, actionId: 1, blockNumber: 64, metadataUri: 'ipfs://r1', rejectedAt: 1_050, rejector: BRUNO })
  // A department smart account numbers its own optimistic and pessimistic actions from 0.
  putAction(db, { chainId, actionId: 0, dao: ACCOUNT, executableFrom: 1_900, createdBlock: 200 })
  putAction(db, { chainId, actionId: 0, dao: ACCOUNT, contract: PESSIMISTIC, kind: 'pessimistic', executableFrom: null, createdBlock: 201 })

  it('derives pending / ready / rejected / executed at chain time', () => {
    const states = listTrustlessActions(db, { chainId, now: 2_000, known, dao: OPENMESH_DAO }).map((a) => [a.actionId, a.state])
    expect(states).toEqual([
      [3, 'pending'],
      [2, 'ready'],
      [1, 'rejected'],
      [0, 'executed'],
    ])
  })

  it('keys actions by DAO and kind: the same id of another DAO or kind is another action', () => {
    expect(listTrustlessActions(db, { chainId, now: 2_000, known, dao: ACCOUNT }).map((a) => [a.kind, a.actionId, a.state])).toEqual([
      ['pessimistic', 0, 'pending'],
      ['optimistic', 0, 'ready'],
    ])
    expect(listTrustlessActions(db, { chainId, now: 2_000, known, kind: 'optimistic' })).toHaveLength(5)
    expect(getTrustlessAction(db, { chainId, kind: 'pessimistic', dao: ACCOUNT, actionId: 0, now: 2_000, known })).toMatchObject({ contract: PESSIMISTIC, state: 'pending' })
    expect(getTrustlessAction(db, { chainId, kind: 'pessimistic', dao: OPENMESH_DAO, actionId: 0, now: 2_000, known })).toBeNull()
  })

  it('reads one action with its creator, rejections (reason, rejector) and execution transaction', () => {
    const rejected = getTrustlessAction(db, { chainId, kind: 'optimistic', dao: OPENMESH_DAO, actionId: 1, now: 2_000, known })!
    expect(rejected).toMatchObject({ title: 'Add Ivan', summary: 'Ivan works on CI.', state: 'rejected', creator: ADA })
    expect(rejected.rejections).toEqual([{ reason: 'Not yet: first a completed task.', metadataState: 'ok', rejector: BRUNO, rejectedAt: 1_050, transactionHash: hash(4_001) }])
    const executed = getTrustlessAction(db, { chainId, kind: 'optimistic', dao: OPENMESH_DAO, actionId: 0, now: 2_000, known })!
    expect(executed).toMatchObject({ executor: CHEN, executionTransactionHash: hash(167), title: null, metadataState: 'none', creator: null })
    expect(getTrustlessAction(db, { chainId, kind: 'optimistic', dao: OPENMESH_DAO, actionId: 42, now: 2_000, known })).toBeNull()
  })
})

describe('department members', () => {
  const chainId = 501
  const DISPUTE = '0x' + 'd1'.repeat(32)
  const EXPERT = '0x' + 'e1'.repeat(32)
  putToken(db, { chainId, tokenId: '1', owner: ADA, tags: [DISPUTE, EXPERT], isDefault: true })
  // Bruno's tag is on a token that is not his default one: hasTag is false.
  putToken(db, { chainId, tokenId: '2', owner: BRUNO, isDefault: true })
  putToken(db, { chainId, tokenId: '3', owner: BRUNO, tags: [DISPUTE] })
  // Chen's tagged token was burned.
  putToken(db, { chainId, tokenId: '4', owner: null, tags: [DISPUTE] })
  db.insert(ovcDefaultTokensTable).values({ chainId, account: CHEN, tokenId: '4', setBlock: 2 }).run()

  it('are the holders of the tag through their default token, as hasTag counts them', () => {
    expect(listTagHolders(db, chainId, DISPUTE).map((h) => [h.address, h.tokenId])).toEqual([[ADA, '1']])
    expect(listTagHolders(db, chainId).map((h) => [h.address, h.tag])).toEqual([
      [ADA, DISPUTE],
      [ADA, EXPERT],
    ])
  })
})

describe('members', () => {
  const chainId = 401
  putMember(db, { chainId, address: ADA, tokenId: '1', joinedAt: 10, delegate: ADA, votes: '1' })
  putMember(db, { chainId, address: BRUNO, tokenId: '2', joinedAt: 5, active: false, revokedAt: 50, delegate: ADA })
  putMember(db, { chainId, address: CHEN, tokenId: '3', joinedAt: 20 })

  it('lists active members first by join order, with delegate and voting power', () => {
    expect(listMembers(db, chainId).map((m) => [m.address, m.active, m.delegate, m.votingPower, m.revokedAt])).toEqual([
      [ADA, true, ADA, '1', null],
      [CHEN, true, null, '0', null],
      [BRUNO, false, ADA, '0', 50],
    ])
  })
})
