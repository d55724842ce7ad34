import { encodeFunctionData, getAddress, parseEther, type Address } from 'viem'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  daoAbi,
  openTokenAbi,
  osxProxyAbi,
  osxProxyBytecode,
  tokenVotingAbi,
  tokenVotingBytecode,
  verifiedContributorAbi,
  verifiedContributorBytecode,
} from '../contracts-abi'
import { DEVNET_VOTING_MIN_DURATION } from '../devnet/deploy'
import { action, eventNames, events, expectRevert, useDeployedPortal, type Action, type Wallet } from './test-utils'
import { useTopologyHelpers, Vote, withAllErrors } from './topology-helpers'

// The Openmesh DAO's TokenVoting (Aragon OSx majority voting over the OVC) against a real anvil:
// voting power from the snapshot at creation, the vote options, support threshold and minimum
// participation in ppm, early execution, proposer power, settings and upgrades through the DAO's
// permissions, and execution through the DAO.

const chain = await useDeployedPortal()
const { wallets, write, read, publicClient, increaseTime, now, topology } = chain
const helpers = useTopologyHelpers(chain)
const dao = topology.openmeshDao.address
const ovc = topology.verifiedContributor.address
const voting = topology.tokenVoting.address
const open = topology.openToken.address

const [deployer, m1, m2, m3, m4, m5, outsider, newcomer] = wallets as Wallet[] as [
  Wallet, Wallet, Wallet, Wallet, Wallet, Wallet, Wallet, Wallet,
]
const members = [m1, m2, m3, m4, m5]
const payee = getAddress('0x000000000000000000000000000000000000beef')
// Errors a plugin call can bubble up from the DAO or the OVC.
const votingAbi = withAllErrors(tokenVotingAbi)

let asDao: Wallet
const memberTokens: bigint[] = []

const burnAction = (tokenId: bigint): Action => action(ovc, verifiedContributorAbi, 'burn', [tokenId])

beforeAll(async () => {
  asDao = await chain.impersonate(dao)
  for (const member of members) memberTokens.push(await helpers.makeMember(member))
  // The treasury: 10 ETH and 1,000 OPEN.
  await deployer.sendTransaction({ to: dao, value: parseEther('10') })
  await write(deployer, { address: open, abi: openTokenAbi, functionName: 'transfer', args: [dao, parseEther('1000')] })
})
chain.isolateEachTest()

async function propose(proposer: Wallet, actions: Action[], options: { vote?: number; start?: bigint; end?: bigint; allowFailureMap?: bigint } = {}) {
  const { receipt, result } = await write(proposer, {
    address: voting,
    abi: votingAbi,
    functionName: 'createProposal',
    args: ['0x7b7d', actions, options.allowFailureMap ?? 0n, options.start ?? 0n, options.end ?? 0n, options.vote ?? Vote.None, false],
  })
  return { proposalId: result as bigint, receipt }
}

const vote = (voter: Wallet, proposalId: bigint, option: number, tryEarlyExecution = false) =>
  write(voter, { address: voting, abi: votingAbi, functionName: 'vote', args: [proposalId, option, tryEarlyExecution] })

type ProposalView = [
  boolean,
  boolean,
  { votingMode: number; supportThreshold: number; startDate: bigint; endDate: bigint; snapshotBlock: bigint; minVotingPower: bigint },
  { abstain: bigint; yes: bigint; no: bigint },
  Action[],
  bigint,
]
const getProposal = (id: bigint) => read<ProposalView>({ address: voting, abi: tokenVotingAbi, functionName: 'getProposal', args: [id] })
const votingView = <T>(functionName: string, args: readonly unknown[] = []) =>
  read<T>({ address: voting, abi: tokenVotingAbi, functionName, args })

/** Another TokenVoting of the Openmesh DAO, behind its own proxy, as Aragon's plugin setup makes one. */
function newTokenVoting(settings: { votingMode: number; supportThreshold: number; minParticipation: number; minDuration: bigint; minProposerVotingPower: bigint }, token: Address) {
  const init = encodeFunctionData({ abi: tokenVotingAbi, functionName: 'initialize', args: [dao, settings, token] })
  return chain.deploy(deployer, osxProxyAbi, osxProxyBytecode, [topology.implementations.tokenVoting.address, init])
}

describe('TokenVoting', () => {
  it('exposes its settings: 50% support, 20% participation, devnet minutes, 1 OVC to propose', async () => {
    expect(await votingView('votingMode')).toBe(1)
    expect(await votingView('supportThreshold')).toBe(500_000)
    expect(await votingView('minParticipation')).toBe(200_000)
    expect(await votingView('minDuration')).toBe(BigInt(DEVNET_VOTING_MIN_DURATION))
    expect(await votingView('minProposerVotingPower')).toBe(1n)
    expect(await votingView('dao')).toBe(dao)
    expect(await votingView('getVotingToken')).toBe(ovc)
    expect(await votingView('isMember', [m1.account.address])).toBe(true)
    expect(await votingView('isMember', [outsider.account.address])).toBe(false)
  })

  it('creates a proposal over the previous block’s voting power', async () => {
    const { proposalId, receipt } = await propose(m1, [burnAction(memberTokens[4]!)])
    expect(proposalId).toBe(0n)
    expect(await votingView('proposalCount')).toBe(1n)
    const block = await publicClient.getBlock({ blockNumber: receipt.blockNumber })
    expect(events(tokenVotingAbi, receipt)).toMatchObject([
      {
        eventName: 'ProposalCreated',
        args: {
          proposalId: 0n,
          creator: m1.account.address,
          startDate: block.timestamp,
          endDate: block.timestamp + BigInt(DEVNET_VOTING_MIN_DURATION),
          metadata: '0x7b7d',
          actions: [burnAction(memberTokens[4]!)],
          allowFailureMap: 0n,
        },
      },
    ])
    const [isOpen, executed, parameters, tally, actions] = await getProposal(proposalId)
    expect([isOpen, executed]).toEqual([true, false])
    expect(parameters).toMatchObject({ votingMode: 1, supportThreshold: 500_000, snapshotBlock: receipt.blockNumber - 1n, minVotingPower: 1n })
    expect(tally).toEqual({ abstain: 0n, yes: 0n, no: 0n })
    expect(actions).toEqual([burnAction(memberTokens[4]!)])
    expect(await votingView('totalVotingPower', [receipt.blockNumber - 1n])).toBe(5n)
  })

  it('only members propose (ProposalCreationForbidden), and only with valid dates (DateOutOfBounds)', async () => {
    const args = await expectRevert(propose(outsider, []), 'ProposalCreationForbidden')
    expect(args).toEqual([outsider.account.address])
    const t = await now()
    await expectRevert(propose(m1, [], { start: t - 100n }), 'DateOutOfBounds')
    await expectRevert(propose(m1, [], { start: t + 100n, end: t + 100n + BigInt(DEVNET_VOTING_MIN_DURATION) - 1n }), 'DateOutOfBounds')
  })

  it('records votes with their power; one vote each, never None, never by a non-holder', async () => {
    const { proposalId } = await propose(m1, [])
    const cast = await vote(m1, proposalId, Vote.Yes)
    expect(events(tokenVotingAbi, cast.receipt)).toMatchObject([
      { eventName: 'VoteCast', args: { proposalId, voter: m1.account.address, voteOption: Vote.Yes, votingPower: 1n } },
    ])
    await vote(m2, proposalId, Vote.No)
    await vote(m3, proposalId, Vote.Abstain)
    expect((await getProposal(proposalId))[3]).toEqual({ abstain: 1n, yes: 1n, no: 1n })
    expect(await votingView('getVoteOption', [proposalId, m2.account.address])).toBe(Vote.No)
    expect(await votingView('canVote', [proposalId, m1.account.address, Vote.No])).toBe(false)
    await expectRevert(vote(m1, proposalId, Vote.No), 'VoteCastForbidden')
    await expectRevert(vote(m4, proposalId, Vote.None), 'VoteCastForbidden')
    await expectRevert(vote(outsider, proposalId, Vote.Yes), 'VoteCastForbidden')
  })

  it('a token minted (and delegated) after the proposal’s creation does not vote on it', async () => {
    const { proposalId, receipt } = await propose(m1, [])
    await helpers.makeMember(newcomer)
    expect(await read({ address: ovc, abi: verifiedContributorAbi, functionName: 'getVotes', args: [newcomer.account.address] })).toBe(1n)
    expect(await votingView('canVote', [proposalId, newcomer.account.address, Vote.Yes])).toBe(false)
    await expectRevert(vote(newcomer, proposalId, Vote.Yes), 'VoteCastForbidden')
    expect(await votingView('totalVotingPower', [receipt.blockNumber - 1n])).toBe(5n)
    // The next proposal counts the newcomer.
    const next = await propose(m1, [])
    await vote(newcomer, next.proposalId, Vote.Yes)
  })

  it('support threshold: a tie fails, a majority of yes+no passes after the end', async () => {
    const tie = await propose(m1, [])
    await vote(m1, tie.proposalId, Vote.Yes)
    await vote(m2, tie.proposalId, Vote.No)
    await vote(m3, tie.proposalId, Vote.Abstain)
    const win = await propose(m1, [])
    await vote(m1, win.proposalId, Vote.Yes)
    await vote(m2, win.proposalId, Vote.Yes)
    await vote(m3, win.proposalId, Vote.No)
    // While open: 2 yes of 5 could still lose (3 outstanding), so no early execution.
    expect(await votingView('isSupportThresholdReachedEarly', [win.proposalId])).toBe(false)
    expect(await votingView('canExecute', [win.proposalId])).toBe(false)

    await increaseTime(DEVNET_VOTING_MIN_DURATION)
    expect(await votingView('isSupportThresholdReached', [tie.proposalId])).toBe(false)
    expect(await votingView('canExecute', [tie.proposalId])).toBe(false)
    await expectRevert(write(m1, { address: voting, abi: votingAbi, functionName: 'execute', args: [tie.proposalId] }), 'ProposalExecutionForbidden')
    expect(await votingView('isSupportThresholdReached', [win.proposalId])).toBe(true)
    expect(await votingView('canExecute', [win.proposalId])).toBe(true)
    const executed = await write(outsider, { address: voting, abi: votingAbi, functionName: 'execute', args: [win.proposalId] })
    expect(eventNames(tokenVotingAbi, executed.receipt)).toEqual(['ProposalExecuted'])
    expect((await getProposal(win.proposalId))[1]).toBe(true)
    await expectRevert(vote(m4, win.proposalId, Vote.Yes), 'VoteCastForbidden')
  })

  it('executes early once the outcome cannot change, and acts through the DAO (treasury transfer, revocation)', async () => {
    const transfer: Action = { to: payee, value: parseEther('1.5'), data: '0x' }
    const openTransfer = action(open, openTokenAbi, 'transfer', [payee, parseEther('250')])
    const { proposalId } = await propose(m1, [transfer, openTransfer, burnAction(memberTokens[4]!)], { vote: Vote.Yes })
    await vote(m2, proposalId, Vote.Yes, true)
    expect(await votingView('canExecute', [proposalId])).toBe(false)
    const daoBefore = await publicClient.getBalance({ address: dao })
    const { receipt } = await vote(m3, proposalId, Vote.Yes, true)
    // 3 of 5 yes: even 2 more "no" cannot flip it.
    expect(eventNames(tokenVotingAbi, receipt)).toEqual(['VoteCast', 'ProposalExecuted'])
    expect(events(daoAbi, receipt)).toMatchObject([{ eventName: 'Executed', args: { actor: voting, callId: `0x${proposalId.toString(16).padStart(64, '0')}` } }])
    expect(await publicClient.getBalance({ address: payee })).toBe(parseEther('1.5'))
    expect(daoBefore - (await publicClient.getBalance({ address: dao }))).toBe(parseEther('1.5'))
    expect(await read({ address: open, abi: openTokenAbi, functionName: 'balanceOf', args: [payee] })).toBe(parseEther('250'))
    expect(await read({ address: ovc, abi: verifiedContributorAbi, functionName: 'balanceOf', args: [m5.account.address] })).toBe(0n)
  })

  it('minimum participation counts every option, abstain included', async () => {
    // A second TokenVoting over the same OVC, 60% participation (3 of 5), standard mode.
    const strict = await newTokenVoting(
      { votingMode: 0, supportThreshold: 500_000, minParticipation: 600_000, minDuration: 3600n, minProposerVotingPower: 1n },
      ovc,
    )
    const { result } = await write(m1, {
      address: strict,
      abi: tokenVotingAbi,
      functionName: 'createProposal',
      args: ['0x', [], 0n, 0n, 0n, Vote.Yes, false],
    })
    const id = result as bigint
    const view = (functionName: string) => read({ address: strict, abi: tokenVotingAbi, functionName, args: [id] })
    expect(await view('isMinParticipationReached')).toBe(false)
    await write(m2, { address: strict, abi: tokenVotingAbi, functionName: 'vote', args: [id, Vote.Yes, false] })
    expect(await view('isMinParticipationReached')).toBe(false)
    await write(m3, { address: strict, abi: tokenVotingAbi, functionName: 'vote', args: [id, Vote.Abstain, false] })
    expect(await view('isMinParticipationReached')).toBe(true)
    // Standard mode never executes early, even with the outcome settled.
    expect(await view('isSupportThresholdReachedEarly')).toBe(false)
    await write(m4, { address: strict, abi: tokenVotingAbi, functionName: 'vote', args: [id, Vote.Yes, false] })
    expect(await view('isSupportThresholdReachedEarly')).toBe(true)
    expect(await view('canExecute')).toBe(false)
    await increaseTime(3600)
    expect(await view('canExecute')).toBe(true)
  })

  it('settings change only by the DAO, within bounds', async () => {
    const settings = { votingMode: 1, supportThreshold: 600_000, minParticipation: 300_000, minDuration: 600n, minProposerVotingPower: 1n }
    const args = await expectRevert(
      write(m1, { address: voting, abi: tokenVotingAbi, functionName: 'updateVotingSettings', args: [settings] }),
      'DaoUnauthorized',
    )
    expect(args.slice(0, 3)).toEqual([dao, voting, m1.account.address])
    await expectRevert(
      write(asDao, { address: voting, abi: tokenVotingAbi, functionName: 'updateVotingSettings', args: [{ ...settings, supportThreshold: 1_000_000 }] }),
      'RatioOutOfBounds',
    )
    await expectRevert(
      write(asDao, { address: voting, abi: tokenVotingAbi, functionName: 'updateVotingSettings', args: [{ ...settings, minDuration: 59n }] }),
      'MinDurationOutOfBounds',
    )
    const { receipt } = await write(asDao, { address: voting, abi: tokenVotingAbi, functionName: 'updateVotingSettings', args: [settings] })
    expect(events(tokenVotingAbi, receipt)).toMatchObject([{ eventName: 'VotingSettingsUpdated', args: { supportThreshold: 600_000, minDuration: 600n } }])
  })

  it('NoVotingPower when no token carries votes at the snapshot', async () => {
    const emptyOvc = await chain.deploy(deployer, verifiedContributorAbi, verifiedContributorBytecode)
    const fresh = await newTokenVoting(
      { votingMode: 0, supportThreshold: 500_000, minParticipation: 0, minDuration: 3600n, minProposerVotingPower: 0n },
      emptyOvc,
    )
    await expectRevert(
      write(m1, { address: fresh, abi: tokenVotingAbi, functionName: 'createProposal', args: ['0x', [], 0n, 0n, 0n, 0, false] }),
      'NoVotingPower',
    )
  })

  it('is a UUPS plugin behind a proxy: initialized once, upgraded only with the DAO’s permission', async () => {
    expect(await votingView('implementation')).toBe(getAddress(topology.implementations.tokenVoting.address))
    expect(await votingView('pluginType')).toBe(0)
    await expectRevert(
      write(m1, { address: voting, abi: votingAbi, functionName: 'initialize', args: [dao, { votingMode: 0, supportThreshold: 1, minParticipation: 1, minDuration: 3600n, minProposerVotingPower: 0n }, ovc] }),
      'Initializable: contract is already initialized',
    )
    const next = getAddress(await chain.deploy(deployer, tokenVotingAbi, tokenVotingBytecode))
    const args = await expectRevert(write(m1, { address: voting, abi: votingAbi, functionName: 'upgradeTo', args: [next] }), 'DaoUnauthorized')
    expect(args.slice(0, 3)).toEqual([dao, voting, m1.account.address])
    const { receipt } = await write(asDao, { address: voting, abi: votingAbi, functionName: 'upgradeTo', args: [next] })
    expect(events(tokenVotingAbi, receipt)).toMatchObject([{ eventName: 'Upgraded', args: { implementation: next } }])
    expect(await votingView('implementation')).toBe(next)
    expect(await votingView('supportThreshold')).toBe(500_000)
  })
})
