import { encodeFunctionData, getAddress, parseEther, toFunctionSelector, type Address, type Hex } from 'viem'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  daoAbi,
  openTokenAbi,
  optimisticActionsAbi,
  tokenVotingAbi,
  tokenVotingBytecode,
  verifiedContributorAbi,
  verifiedContributorBytecode,
} from '../contracts-abi'
import { DEVNET_OPTIMISTIC_EXECUTE_DELAY, DEVNET_VOTING_MIN_DURATION } from '../devnet/deploy'
import { eventNames, events, expectRevert, useDeployedPortal, type Wallet } from './test-utils'

// The DAO and its two plugins against a real anvil: voting math over OVC snapshots, optimistic
// delay/reject/execute, and that only the DAO's plugins (within their permissions) move the DAO.

const chain = await useDeployedPortal()
const { wallets, write, read, publicClient, increaseTime, now } = chain
const dao = chain.contract('dao')
const ovc = chain.contract('verifiedContributor')
const voting = chain.contract('tokenVoting')
const optimistic = chain.contract('optimisticActions')
const open = chain.contract('openToken')

const [deployer, m1, m2, m3, m4, m5, outsider, newcomer] = wallets as Wallet[] as [
  Wallet, Wallet, Wallet, Wallet, Wallet, Wallet, Wallet, Wallet,
]
const members = [m1, m2, m3, m4, m5]
const payee = getAddress('0x000000000000000000000000000000000000beef')
const Vote = { None: 0, Abstain: 1, Yes: 2, No: 3 } as const
// Errors a plugin call can bubble up from the DAO or OVC.
const votingAbi = [...tokenVotingAbi, ...daoAbi.filter((i) => i.type === 'error')]
const optimisticAbi = [...optimisticActionsAbi, ...daoAbi.filter((i) => i.type === 'error')]

let asDao: Wallet

type Action = { to: Address; value: bigint; data: Hex }
const mintAction = (to: Address, tokenId: bigint): Action => ({
  to: ovc,
  value: 0n,
  data: encodeFunctionData({ abi: verifiedContributorAbi, functionName: 'mint', args: [to, tokenId] }),
})
const burnAction = (tokenId: bigint): Action => ({
  to: ovc,
  value: 0n,
  data: encodeFunctionData({ abi: verifiedContributorAbi, functionName: 'burn', args: [tokenId] }),
})

beforeAll(async () => {
  asDao = await chain.impersonate(dao)
  for (const [i, member] of members.entries()) {
    await write(asDao, { address: ovc, abi: verifiedContributorAbi, functionName: 'mint', args: [member.account.address, BigInt(i + 1)] })
    await write(member, { address: ovc, abi: verifiedContributorAbi, functionName: 'delegate', args: [member.account.address] })
  }
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
    const { proposalId, receipt } = await propose(m1, [burnAction(5n)])
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
          actions: [burnAction(5n)],
          allowFailureMap: 0n,
        },
      },
    ])
    const [isOpen, executed, parameters, tally, actions] = await getProposal(proposalId)
    expect([isOpen, executed]).toEqual([true, false])
    expect(parameters).toMatchObject({ votingMode: 1, supportThreshold: 500_000, snapshotBlock: receipt.blockNumber - 1n, minVotingPower: 1n })
    expect(tally).toEqual({ abstain: 0n, yes: 0n, no: 0n })
    expect(actions).toEqual([burnAction(5n)])
    expect(await votingView('totalVotingPower', [receipt.blockNumber - 1n])).toBe(5n)
  })

  it('only members propose (ProposalCreationForbidden), and only with valid dates (DateOutOfBounds)', async () => {
    const args = await expectRevert(propose(outsider, []), 'ProposalCreationForbidden')
    expect(args).toEqual([outsider.account.address])
    const t = await now()
    await expectRevert(propose(m1, [], { start: t - 100n }), 'DateOutOfBounds')
    await expectRevert(propose(m1, [], { start: t + 100n, end: t + 100n + BigInt(DEVNET_VOTING_MIN_DURATION) - 1n }), 'DateOutOfBounds')
  })

  it('records votes with their power; a reason is emitted right after the vote', async () => {
    const { proposalId } = await propose(m1, [])
    const cast = await vote(m1, proposalId, Vote.Yes)
    expect(events(tokenVotingAbi, cast.receipt)).toMatchObject([
      { eventName: 'VoteCast', args: { proposalId, voter: m1.account.address, voteOption: Vote.Yes, votingPower: 1n } },
    ])
    const reasoned = await write(m2, {
      address: voting,
      abi: tokenVotingAbi,
      functionName: 'voteWithReason',
      args: [proposalId, Vote.No, false, 'Too early: the docs are not ready.'],
    })
    expect(events(tokenVotingAbi, reasoned.receipt)).toMatchObject([
      { eventName: 'VoteCast', args: { proposalId, voter: m2.account.address, voteOption: Vote.No, votingPower: 1n } },
      { eventName: 'VoteReason', args: { proposalId, voter: m2.account.address, reason: 'Too early: the docs are not ready.' } },
    ])
    await vote(m3, proposalId, Vote.Abstain)
    expect((await getProposal(proposalId))[3]).toEqual({ abstain: 1n, yes: 1n, no: 1n })
    expect(await votingView('getVoteOption', [proposalId, m2.account.address])).toBe(Vote.No)
    // One vote each (no vote replacement), never "None", never by a non-holder.
    expect(await votingView('canVote', [proposalId, m1.account.address, Vote.No])).toBe(false)
    await expectRevert(vote(m1, proposalId, Vote.No), 'VoteCastForbidden')
    await expectRevert(vote(m4, proposalId, Vote.None), 'VoteCastForbidden')
    await expectRevert(vote(outsider, proposalId, Vote.Yes), 'VoteCastForbidden')
  })

  it('a token minted (and delegated) after the proposal’s creation does not vote on it', async () => {
    const { proposalId, receipt } = await propose(m1, [])
    await write(asDao, { address: ovc, abi: verifiedContributorAbi, functionName: 'mint', args: [newcomer.account.address, 6n] })
    await write(newcomer, { address: ovc, abi: verifiedContributorAbi, functionName: 'delegate', args: [newcomer.account.address] })
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
    const openTransfer: Action = {
      to: open,
      value: 0n,
      data: encodeFunctionData({ abi: openTokenAbi, functionName: 'transfer', args: [payee, parseEther('250')] }),
    }
    const { proposalId } = await propose(m1, [transfer, openTransfer, burnAction(5n)], { vote: Vote.Yes })
    await vote(m2, proposalId, Vote.Yes, true)
    expect(await votingView('canExecute', [proposalId])).toBe(false)
    const daoBefore = await publicClient.getBalance({ address: dao })
    const { receipt } = await vote(m3, proposalId, Vote.Yes, true)
    // 3 of 5 yes: even 2 more "no" cannot flip it.
    expect(eventNames(votingAbi, receipt)).toEqual(['VoteCast', 'ProposalExecuted'])
    expect(events(daoAbi, receipt).map((e) => e.eventName)).toEqual(['Executed'])
    expect(await publicClient.getBalance({ address: payee })).toBe(parseEther('1.5'))
    expect(daoBefore - (await publicClient.getBalance({ address: dao }))).toBe(parseEther('1.5'))
    expect(await read({ address: open, abi: openTokenAbi, functionName: 'balanceOf', args: [payee] })).toBe(parseEther('250'))
    expect(await read({ address: ovc, abi: verifiedContributorAbi, functionName: 'balanceOf', args: [m5.account.address] })).toBe(0n)
  })

  it('minimum participation counts every option, abstain included', async () => {
    // A second TokenVoting over the same OVC, 60% participation (3 of 5), standard mode.
    const strict = await chain.deploy(deployer, tokenVotingAbi, tokenVotingBytecode, [
      dao,
      { votingMode: 0, supportThreshold: 500_000, minParticipation: 600_000, minDuration: 3600n, minProposerVotingPower: 1n },
      ovc,
    ])
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
    const emptyOvc = await chain.deploy(deployer, verifiedContributorAbi, verifiedContributorBytecode, [deployer.account.address])
    const fresh = await chain.deploy(deployer, tokenVotingAbi, tokenVotingBytecode, [
      dao,
      { votingMode: 0, supportThreshold: 500_000, minParticipation: 0, minDuration: 3600n, minProposerVotingPower: 0n },
      emptyOvc,
    ])
    await expectRevert(
      write(m1, { address: fresh, abi: tokenVotingAbi, functionName: 'createProposal', args: ['0x', [], 0n, 0n, 0n, 0, false] }),
      'NoVotingPower',
    )
  })
})

describe('DAO', () => {
  it('acts only for its plugins: anyone else gets ActionNotPermitted', async () => {
    const transfer: Action = { to: payee, value: 1n, data: '0x' }
    const args = await expectRevert(
      write(outsider, { address: dao, abi: daoAbi, functionName: 'execute', args: ['0x' + '00'.repeat(32), [transfer], 0n] }),
      'ActionNotPermitted',
    )
    expect(args).toEqual([outsider.account.address, 0n])
    expect(await read({ address: dao, abi: daoAbi, functionName: 'setupAdmin' })).toBe('0x0000000000000000000000000000000000000000')
    await expectRevert(
      write(deployer, { address: dao, abi: daoAbi, functionName: 'setPluginFullAccess', args: [outsider.account.address, true] }),
      'NotAuthorized',
    )
  })

  it('lets OptimisticActions mint OVC and nothing else', async () => {
    const asOptimistic = await chain.impersonate(optimistic)
    const callId = `0x${'00'.repeat(32)}` as Hex
    await expectRevert(
      write(asOptimistic, { address: dao, abi: daoAbi, functionName: 'execute', args: [callId, [burnAction(1n)], 0n] }),
      'ActionNotPermitted',
    )
    await expectRevert(
      write(asOptimistic, { address: dao, abi: daoAbi, functionName: 'execute', args: [callId, [{ to: payee, value: 1n, data: '0x' }], 0n] }),
      'ActionNotPermitted',
    )
    await write(asOptimistic, { address: dao, abi: daoAbi, functionName: 'execute', args: [callId, [mintAction(newcomer.account.address, 9n)], 0n] })
    expect(await read({ address: dao, abi: daoAbi, functionName: 'canCall', args: [optimistic, ovc, toFunctionSelector('mint(address,uint256)')] })).toBe(true)
    expect(await read({ address: dao, abi: daoAbi, functionName: 'hasFullAccess', args: [voting] })).toBe(true)
  })

  it('a failing action reverts the whole list unless its failure is allowed', async () => {
    const asVoting = await chain.impersonate(voting)
    const callId = `0x${'00'.repeat(32)}` as Hex
    const failing: Action = { to: ovc, value: 0n, data: encodeFunctionData({ abi: verifiedContributorAbi, functionName: 'burn', args: [77n] }) }
    const args = await expectRevert(
      write(asVoting, { address: dao, abi: daoAbi, functionName: 'execute', args: [callId, [mintAction(payee, 8n), failing], 0n] }),
      'ActionFailed',
    )
    expect(args).toEqual([1n])
    const { result, receipt } = await write(asVoting, {
      address: dao,
      abi: daoAbi,
      functionName: 'execute',
      args: [callId, [mintAction(payee, 8n), failing], 0b10n],
    })
    expect((result as [Hex[], bigint])[1]).toBe(0b10n)
    expect(events(daoAbi, receipt)).toMatchObject([{ eventName: 'Executed', args: { actor: voting, allowFailureMap: 0b10n, failureMap: 0b10n } }])
    expect(await read({ address: ovc, abi: verifiedContributorAbi, functionName: 'ownerOf', args: [8n] })).toBe(payee)
  })

  it('accepts ETH into the treasury', async () => {
    const { transactionHash } = await publicClient.waitForTransactionReceipt({
      hash: await outsider.sendTransaction({ to: dao, value: 5n }),
    })
    const receipt = await publicClient.getTransactionReceipt({ hash: transactionHash })
    expect(events(daoAbi, receipt)).toMatchObject([{ eventName: 'NativeTokenDeposited', args: { sender: outsider.account.address, amount: 5n } }])
  })
})

describe('OptimisticActions', () => {
  const create = (creator: Wallet, actions: Action[], metadata = 'ipfs://bafyaction') =>
    write(creator, {
      address: optimistic,
      abi: optimisticAbi,
      functionName: 'createAction',
      args: [ovc, 0n, actions, 0n, metadata],
    })
  const reject = (member: Wallet, id: number) =>
    write(member, { address: optimistic, abi: optimisticAbi, functionName: 'rejectAction', args: [id, 'ipfs://bafyreason'] })
  const execute = (wallet: Wallet, id: number) =>
    write(wallet, { address: optimistic, abi: optimisticAbi, functionName: 'executeAction', args: [dao, id] })

  it('a member proposes a mint; it executes after the delay, by anyone', async () => {
    const { receipt, result } = await create(m1, [mintAction(newcomer.account.address, 6n)])
    expect(result).toBe(0)
    const block = await publicClient.getBlock({ blockNumber: receipt.blockNumber })
    expect(events(optimisticActionsAbi, receipt)).toMatchObject([
      { eventName: 'ActionCreated', args: { id: 0, dao, manager: ovc, role: 0n, actions: [mintAction(newcomer.account.address, 6n)], failureMap: 0n, metadata: 'ipfs://bafyaction' } },
      { eventName: 'OptimisticActionCreated', args: { id: 0, dao, executableFrom: block.timestamp + BigInt(DEVNET_OPTIMISTIC_EXECUTE_DELAY) } },
    ])
    await expectRevert(execute(outsider, 0), 'OptimisticRequestNotExecutableYet')
    await increaseTime(DEVNET_OPTIMISTIC_EXECUTE_DELAY)
    const executed = await execute(outsider, 0)
    expect(events(optimisticActionsAbi, executed.receipt)).toMatchObject([
      { eventName: 'ActionExecuted', args: { id: 0, dao, executor: outsider.account.address, failureMap: 0n } },
    ])
    expect(await read({ address: ovc, abi: verifiedContributorAbi, functionName: 'ownerOf', args: [6n] })).toBe(newcomer.account.address)
    await expectRevert(execute(outsider, 0), 'ActionAlreadyExecuted')
    await expectRevert(reject(m2, 0), 'ActionAlreadyExecuted')
  })

  it('one member’s rejection blocks the action for good', async () => {
    await create(m1, [mintAction(newcomer.account.address, 6n)])
    await expectRevert(reject(outsider, 0), 'NotMember')
    const { receipt } = await reject(m2, 0)
    expect(events(optimisticActionsAbi, receipt)).toMatchObject([
      { eventName: 'OptimisticActionRejected', args: { id: 0, dao, metadata: 'ipfs://bafyreason' } },
    ])
    await increaseTime(DEVNET_OPTIMISTIC_EXECUTE_DELAY)
    await expectRevert(execute(outsider, 0), 'ActionIsRejected')
    await expectRevert(reject(m3, 0), 'ActionIsRejected')
  })

  it('only members create, and only OVC mints (burns and treasury transfers need a vote)', async () => {
    await expectRevert(create(outsider, [mintAction(outsider.account.address, 6n)]), 'NotMember')
    await expectRevert(create(m1, [burnAction(2n)]), 'ActionNotAllowed')
    const args = await expectRevert(create(m1, [mintAction(payee, 7n), { to: payee, value: 1n, data: '0x' }]), 'ActionNotAllowed')
    expect(args).toEqual([1n])
    await expectRevert(execute(outsider, 0), 'ActionDoesNotExist')
    await expectRevert(
      write(outsider, { address: optimistic, abi: optimisticAbi, functionName: 'executeAction', args: [payee, 0] }),
      'UnknownDao',
    )
  })

  it('the delay changes only by a DAO vote', async () => {
    await expectRevert(
      write(m1, { address: optimistic, abi: optimisticAbi, functionName: 'setExecuteDelay', args: [dao, 60n] }),
      'SenderIsNotAdmin',
    )
    const setDelay: Action = {
      to: optimistic,
      value: 0n,
      data: encodeFunctionData({ abi: optimisticActionsAbi, functionName: 'setExecuteDelay', args: [dao, 60n] }),
    }
    const { proposalId } = await propose(m1, [setDelay], { vote: Vote.Yes })
    await vote(m2, proposalId, Vote.Yes)
    const { receipt } = await vote(m3, proposalId, Vote.Yes, true)
    expect(events(optimisticActionsAbi, receipt)).toMatchObject([{ eventName: 'OptimisticExecuteDelaySet', args: { dao, executeDelay: 60n } }])
    expect(await read({ address: optimistic, abi: optimisticActionsAbi, functionName: 'getExecuteDelay' })).toBe(60n)
  })
})
