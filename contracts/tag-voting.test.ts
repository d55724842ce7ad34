import { parseEther, toHex } from 'viem'
import { beforeAll, describe, expect, it } from 'vitest'
import { daoAbi, smartAccountAbi, tagVotingAbi } from '../contracts-abi'
import { DEVNET_VOTING_MIN_DURATION } from '../devnet/deploy'
import { eventNames, events, expectRevert, useDeployedPortal, type Action, type Wallet } from './test-utils'
import { useTopologyHelpers, Vote, withAllErrors } from './topology-helpers'

// A department's TagVoting against a real anvil: the holders of the department's tag vote, one
// vote per address however many OVCs it holds; the total voting power is the live number of tag
// holders; a holder may propose; a passed proposal makes the department DAO act (here through its
// smart account).

const chain = await useDeployedPortal()
const { wallets, write, read, topology, publicClient, increaseTime, impersonate } = chain
const helpers = useTopologyHelpers(chain)
const expert = topology.departments.expert
const voting = expert.tagVoting.address
const account = expert.smartAccount.address
const votingAbi = withAllErrors(tagVotingAbi)

const [, e1, e2, e3, ovcOnly, late, payee] = wallets as [Wallet, Wallet, Wallet, Wallet, Wallet, Wallet, Wallet]
const metadata = toHex('ipfs://bafkreiproposal')

const view = <T>(functionName: string, args: readonly unknown[] = []) =>
  read<T>({ address: voting, abi: tagVotingAbi, functionName, args })
async function propose(proposer: Wallet, actions: Action[] = [], option: number = Vote.None) {
  const { result, receipt } = await write(proposer, {
    address: voting,
    abi: votingAbi,
    functionName: 'createProposal',
    args: [metadata, actions, 0n, 0n, 0n, option, false],
  })
  return { proposalId: result as bigint, receipt }
}
const vote = (voter: Wallet, proposalId: bigint, option: number, tryEarlyExecution = false) =>
  write(voter, { address: voting, abi: votingAbi, functionName: 'vote', args: [proposalId, option, tryEarlyExecution] })
const tally = async (proposalId: bigint) =>
  (await view<[boolean, boolean, unknown, { abstain: bigint; yes: bigint; no: bigint }]>('getProposal', [proposalId]))[3]

beforeAll(async () => {
  for (const member of [e1, e2, e3]) await helpers.makeDepartmentMember(member, expert)
  // e1 holds a second OVC, tagged too: still one vote.
  await helpers.tag(expert, await helpers.makeMember(e1))
  await helpers.makeMember(ovcOnly)
  await e1.sendTransaction({ to: account, value: parseEther('5') })
})
chain.isolateEachTest()

describe('TagVoting', () => {
  it('votes on its department’s tag, with the Openmesh settings in devnet minutes', async () => {
    expect(await view('tag')).toBe(expert.tag)
    expect(await view('tagManager')).toBe(topology.tagManager.address)
    expect(await view('dao')).toBe(expert.dao.address)
    expect(await view('supportThreshold')).toBe(500_000)
    expect(await view('minParticipation')).toBe(200_000)
    expect(await view('minDuration')).toBe(BigInt(DEVNET_VOTING_MIN_DURATION))
    expect(await view('protocolVersion')).toEqual([1, 4, 0])
    expect(await view('isMember', [e2.account.address])).toBe(true)
    expect(await view('isMember', [ovcOnly.account.address])).toBe(false)
  })

  it('only tag holders propose and vote; an OVC alone is not enough', async () => {
    await expectRevert(propose(ovcOnly), 'ProposalCreationForbidden')
    const { proposalId, receipt } = await propose(e2)
    expect(events(tagVotingAbi, receipt)).toMatchObject([
      { eventName: 'ProposalCreated', args: { proposalId, creator: e2.account.address, metadata } },
    ])
    expect(await view('canVote', [proposalId, ovcOnly.account.address, Vote.Yes])).toBe(false)
    await expectRevert(vote(ovcOnly, proposalId, Vote.Yes), 'VoteCastForbidden')
  })

  it('one vote per tag holder, however many tokens it holds', async () => {
    const { proposalId } = await propose(e1)
    const { receipt } = await vote(e1, proposalId, Vote.Yes)
    expect(events(tagVotingAbi, receipt)).toMatchObject([
      { eventName: 'VoteCast', args: { proposalId, voter: e1.account.address, voteOption: Vote.Yes, votingPower: 1n } },
    ])
    await vote(e2, proposalId, Vote.No)
    await vote(e3, proposalId, Vote.Abstain)
    expect(await tally(proposalId)).toEqual({ abstain: 1n, yes: 1n, no: 1n })
    await expectRevert(vote(e1, proposalId, Vote.No), 'VoteCastForbidden')
  })

  it('the total voting power is the live number of tag holders, and a new holder may vote at once', async () => {
    // e1's second token is tagged too: totalTagHavers counts tagged tokens.
    const { proposalId, receipt } = await propose(e1)
    expect(await view('totalVotingPower', [receipt.blockNumber - 1n])).toBe(4n)
    const [, , parameters] = await view<[boolean, boolean, { minVotingPower: bigint }]>('getProposal', [proposalId])
    expect(parameters.minVotingPower).toBe(1n) // ceil(4 × 20%)
    await helpers.makeDepartmentMember(late, expert)
    expect(await view('totalVotingPower', [receipt.blockNumber - 1n])).toBe(5n)
    await vote(late, proposalId, Vote.Yes)
    expect((await tally(proposalId)).yes).toBe(1n)
  })

  it('executes early once more than half of the holders said yes, making the DAO act through its smart account', async () => {
    const pay: Action = helpers.throughAccount(expert, { to: payee.account.address, value: parseEther('2'), data: '0x' })
    const { proposalId } = await propose(e1, [pay], Vote.Yes)
    await vote(e2, proposalId, Vote.Yes, true)
    // 2 of 4 counted holders: not yet beyond doubt.
    expect(await view('canExecute', [proposalId])).toBe(false)
    const before = await publicClient.getBalance({ address: payee.account.address })
    const { receipt } = await vote(e3, proposalId, Vote.Yes, true)
    expect(eventNames(tagVotingAbi, receipt)).toEqual(['VoteCast', 'ProposalExecuted'])
    expect(events(daoAbi, receipt)).toMatchObject([{ eventName: 'Executed', args: { actor: voting } }])
    expect((await publicClient.getBalance({ address: payee.account.address })) - before).toBe(parseEther('2'))
  })

  it('a passed proposal also executes after its end, by anyone', async () => {
    const { proposalId } = await propose(e1, [], Vote.Yes)
    await expectRevert(write(ovcOnly, { address: voting, abi: votingAbi, functionName: 'execute', args: [proposalId] }), 'ProposalExecutionForbidden')
    await increaseTime(DEVNET_VOTING_MIN_DURATION)
    await write(ovcOnly, { address: voting, abi: votingAbi, functionName: 'execute', args: [proposalId] })
    expect((await view<[boolean, boolean]>('getProposal', [proposalId]))[1]).toBe(true)
  })

  it('settings change only with the DAO’s permission', async () => {
    const settings = { votingMode: 0, supportThreshold: 600_000, minParticipation: 300_000, minDuration: 600n, minProposerVotingPower: 1n }
    await expectRevert(write(e1, { address: voting, abi: votingAbi, functionName: 'updateVotingSettings', args: [settings] }), 'DaoUnauthorized')
    const asDao = await impersonate(expert.dao.address)
    const { receipt } = await write(asDao, { address: voting, abi: votingAbi, functionName: 'updateVotingSettings', args: [settings] })
    expect(events(tagVotingAbi, receipt)).toMatchObject([{ eventName: 'VotingSettingsUpdated', args: { votingMode: 0, supportThreshold: 600_000 } }])
  })

  it('the department DAO owns the smart account', async () => {
    expect(await read({ address: account, abi: smartAccountAbi, functionName: 'owner' })).toBe(expert.dao.address)
  })
})
