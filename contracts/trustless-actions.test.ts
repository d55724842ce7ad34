import { getAddress, maxUint64, parseEther, type Address } from 'viem'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  erc721CountTrustlessManagementAbi,
  optimisticActionsAbi,
  pessimisticActionsAbi,
  tagTrustlessManagementAbi,
  tasksAbi,
  verifiedContributorAbi,
} from '../contracts-abi'
import { DEVNET_OPTIMISTIC_EXECUTE_DELAY } from '../devnet/deploy'
import { addressRole } from '../devnet/topology'
import { action, events, expectRevert, useDeployedPortal, type Action, type Wallet } from './test-utils'
import { useTopologyHelpers, withAllErrors } from './topology-helpers'

// OptimisticActions and PessimisticActions on the devnet topology, called the way Openmesh's
// frontends call them: members create and reject optimistic actions through a TrustlessManagement
// role (`asDAO(dao, role, [createAction(...)])`), so the DAO is the sender; one contract keeps every
// DAO's actions apart, numbered from 0 per DAO; anyone runs an action once its delay has passed,
// unless it was rejected, which blocks it for good. A pessimistic action runs only when its DAO
// itself calls executeAction.

const chain = await useDeployedPortal()
const { wallets, write, read, topology, increaseTime, now, impersonate } = chain
const helpers = useTopologyHelpers(chain)
const dao = topology.openmeshDao.address
const ovc = topology.verifiedContributor.address
const optimistic = topology.optimisticActions.address
const pessimistic = topology.pessimisticActions.address
const addressTm = topology.addressTrustlessManagement.address
const countTm = topology.erc721CountTrustlessManagement.address
const tagTm = topology.tagTrustlessManagement.address
const coreMember = topology.departments.coreMember
const account = coreMember.smartAccount.address

const [, alice, bob, outsider] = wallets as [Wallet, Wallet, Wallet, Wallet]
const newcomer = getAddress('0x000000000000000000000000000000000000beef')
const optimisticAbi = withAllErrors(optimisticActionsAbi)
const delay = BigInt(DEVNET_OPTIMISTIC_EXECUTE_DELAY)

const mint = (to: Address, tokenId: bigint): Action => action(ovc, verifiedContributorAbi, 'mint', [to, tokenId])

/** As the ovc-frontend: an OVC holder makes the Openmesh DAO call OptimisticActions through ERC721Count role 1. */
function asOpenmeshDao(member: Wallet, inner: Action) {
  return write(member, { address: countTm, abi: withAllErrors(erc721CountTrustlessManagementAbi), functionName: 'asDAO', args: [dao, 1n, [inner], 0n] })
}
const createOn = (actions: Action[], metadata: string) =>
  action(optimistic, optimisticActionsAbi, 'createAction', [addressTm, addressRole(optimistic), actions, 0n, metadata])
const rejectOn = (id: number, metadata: string) => action(optimistic, optimisticActionsAbi, 'rejectAction', [id, metadata])
async function rejectAsDao(id: number) {
  const asDao = await impersonate(dao)
  return write(asDao, { address: optimistic, abi: optimisticAbi, functionName: 'rejectAction', args: [id, 'ipfs://x'] })
}
const execute = (wallet: Wallet, on: Address, id: number) =>
  write(wallet, { address: optimistic, abi: optimisticAbi, functionName: 'executeAction', args: [on, id] })
const getAction = (on: Address, id: number) =>
  read<{ executed: boolean; manager: Address; role: bigint; actions: Action[]; failureMap: bigint }>({
    address: optimistic,
    abi: optimisticActionsAbi,
    functionName: 'getAction',
    args: [on, id],
  })
const executableFrom = async (on: Address, id: number) =>
  (await read<{ executableFrom: bigint }>({ address: optimistic, abi: optimisticActionsAbi, functionName: 'getOptimisticAction', args: [on, id] })).executableFrom
const ownerOf = (tokenId: bigint) => read<Address>({ address: ovc, abi: verifiedContributorAbi, functionName: 'ownerOf', args: [tokenId] })

beforeAll(async () => {
  await helpers.makeMember(alice)
  await helpers.makeDepartmentMember(bob, coreMember)
})
chain.isolateEachTest()

describe('OptimisticActions', () => {
  it('creates an action in the name of the calling DAO, executable after that DAO’s delay', async () => {
    const { receipt } = await asOpenmeshDao(alice, createOn([mint(newcomer, 77n)], 'ipfs://bafkreititle'))
    const block = await chain.publicClient.getBlock({ blockNumber: receipt.blockNumber })
    expect(events(optimisticActionsAbi, receipt)).toMatchObject([
      {
        eventName: 'ActionCreated',
        args: { id: 0, dao, manager: addressTm, role: addressRole(optimistic), actions: [mint(newcomer, 77n)], failureMap: 0n, metadata: 'ipfs://bafkreititle' },
      },
      { eventName: 'OptimisticActionCreated', args: { id: 0, dao, executableFrom: block.timestamp + delay } },
    ])
    expect(await getAction(dao, 0)).toEqual({ executed: false, manager: getAddress(addressTm), role: addressRole(optimistic), actions: [mint(newcomer, 77n)], failureMap: 0n })
    expect(await executableFrom(dao, 0)).toBe(block.timestamp + delay)
  })

  it('numbers actions from 0 per DAO', async () => {
    await asOpenmeshDao(alice, createOn([mint(newcomer, 1n)], 'ipfs://a'))
    const { receipt } = await asOpenmeshDao(alice, createOn([mint(newcomer, 2n)], 'ipfs://b'))
    expect(events(optimisticActionsAbi, receipt)[0]).toMatchObject({ args: { id: 1, dao } })
    // A department's smart account, through its tag: its own numbering.
    const department = await write(bob, {
      address: tagTm,
      abi: withAllErrors(tagTrustlessManagementAbi),
      functionName: 'asDAO',
      args: [account, BigInt(coreMember.tag), [createOn([], 'ipfs://c')], 0n],
    })
    expect(events(optimisticActionsAbi, department.receipt)[0]).toMatchObject({ args: { id: 0, dao: account } })
  })

  it('only an OVC holder may create one on the Openmesh DAO', async () => {
    await expectRevert(asOpenmeshDao(outsider, createOn([mint(newcomer, 1n)], 'ipfs://x')), 'SenderDoesNotHaveRole')
  })

  it('runs once the delay has passed, by anyone, and only once', async () => {
    await asOpenmeshDao(alice, createOn([mint(newcomer, 77n)], 'ipfs://a'))
    await expectRevert(execute(outsider, dao, 0), 'OptimisticRequestNotExecutableYet')
    await increaseTime(DEVNET_OPTIMISTIC_EXECUTE_DELAY)
    const { receipt } = await execute(outsider, dao, 0)
    expect(await ownerOf(77n)).toBe(newcomer)
    expect(events(optimisticActionsAbi, receipt).at(-1)).toMatchObject({
      eventName: 'ActionExecuted',
      args: { id: 0, dao, executor: outsider.account.address, returnValues: ['0x'], failureMap: 0n },
    })
    expect((await getAction(dao, 0)).executed).toBe(true)
    await expectRevert(execute(outsider, dao, 0), 'RequestAlreadyExecuted')
    // Through asDAO the DAO reports only which action failed (Aragon's ActionFailed); called by the
    // DAO itself, the reason shows.
    await expectRevert(asOpenmeshDao(alice, rejectOn(0, 'ipfs://late')), 'ActionFailed')
    await expectRevert(rejectAsDao(0), 'RequestAlreadyExecuted')
  })

  it('a rejected action never runs', async () => {
    await asOpenmeshDao(alice, createOn([mint(newcomer, 77n)], 'ipfs://a'))
    const { receipt } = await asOpenmeshDao(alice, rejectOn(0, 'ipfs://bafkreireason'))
    expect(events(optimisticActionsAbi, receipt)).toMatchObject([
      { eventName: 'OptimisticActionRejected', args: { id: 0, dao, metadata: 'ipfs://bafkreireason' } },
    ])
    expect(await executableFrom(dao, 0)).toBe(maxUint64)
    await increaseTime(DEVNET_OPTIMISTIC_EXECUTE_DELAY * 1000)
    await expectRevert(execute(outsider, dao, 0), 'OptimisticRequestNotExecutableYet')
    expect((await getAction(dao, 0)).executed).toBe(false)
  })

  it('rejecting or running an action that does not exist: RequestDoesNotExist', async () => {
    await expectRevert(rejectAsDao(0), 'RequestDoesNotExist')
    await expectRevert(execute(outsider, dao, 5), 'RequestDoesNotExist')
  })

  it('what the execution role may not do fails at execution (the Openmesh DAO may only mint OVCs)', async () => {
    const burn = action(ovc, verifiedContributorAbi, 'burn', [1n])
    await asOpenmeshDao(alice, createOn([burn], 'ipfs://a'))
    await increaseTime(DEVNET_OPTIMISTIC_EXECUTE_DELAY)
    await expectRevert(execute(outsider, dao, 0), 'AccessDenied')
    expect((await getAction(dao, 0)).executed).toBe(false)
  })

  it('the delay is the DAO’s to set, or its admin’s once it has one', async () => {
    await expectRevert(
      write(outsider, { address: optimistic, abi: optimisticAbi, functionName: 'setExecuteDelay', args: [dao, 1n] }),
      'SenderIsNotAdmin',
    )
    const asDao = await impersonate(dao)
    const { receipt } = await write(asDao, { address: optimistic, abi: optimisticAbi, functionName: 'setExecuteDelay', args: [dao, 60n] })
    expect(events(optimisticActionsAbi, receipt)).toMatchObject([{ eventName: 'OptimisticExecuteDelaySet', args: { dao, executeDelay: 60n } }])
    const t = await now()
    await asOpenmeshDao(alice, createOn([], 'ipfs://a'))
    expect(await executableFrom(dao, 0)).toBeGreaterThanOrEqual(t + 60n)
    expect(await executableFrom(dao, 0)).toBeLessThan(t + 70n)

    const admin = await write(asDao, { address: optimistic, abi: optimisticAbi, functionName: 'setAdmin', args: [dao, alice.account.address] })
    expect(events(optimisticActionsAbi, admin.receipt)).toMatchObject([{ eventName: 'AdminSet', args: { dao, admin: alice.account.address } }])
    await expectRevert(write(asDao, { address: optimistic, abi: optimisticAbi, functionName: 'setExecuteDelay', args: [dao, 1n] }), 'SenderIsNotAdmin')
    await write(alice, { address: optimistic, abi: optimisticAbi, functionName: 'setExecuteDelay', args: [dao, 1n] })
  })
})

describe('PessimisticActions', () => {
  const budget = parseEther('1')
  const createTask = (deadline: bigint): Action =>
    action(topology.tasks.address, tasksAbi, 'createTask', ['ipfs://bafkreitask', deadline, account, account, [], []], budget)

  async function queue(): Promise<number> {
    const asAccount = await impersonate(account)
    const { receipt } = await write(asAccount, {
      address: pessimistic,
      abi: withAllErrors(pessimisticActionsAbi),
      functionName: 'createAction',
      args: [addressTm, addressRole(pessimistic), [createTask((await now()) + 86_400n)], 0n, 'ipfs://bafkreidraft'],
    })
    const [created] = events(pessimisticActionsAbi, receipt)
    expect(created).toMatchObject({ eventName: 'ActionCreated', args: { dao: account, metadata: 'ipfs://bafkreidraft' } })
    return (created!.args as { id: number }).id
  }

  it('runs an action only when its DAO calls executeAction: SenderNotDAO for anyone else', async () => {
    const id = await queue()
    expect(id).toBe(0)
    await expectRevert(
      write(outsider, { address: pessimistic, abi: withAllErrors(pessimisticActionsAbi), functionName: 'executeAction', args: [account, id] }),
      'SenderNotDAO',
    )
    const asAccount = await impersonate(account)
    const tasksBefore = await read<bigint>({ address: topology.tasks.address, abi: tasksAbi, functionName: 'taskCount' })
    const { receipt } = await write(asAccount, { address: pessimistic, abi: withAllErrors(pessimisticActionsAbi), functionName: 'executeAction', args: [account, id] })
    expect(events(pessimisticActionsAbi, receipt).at(-1)).toMatchObject({ eventName: 'ActionExecuted', args: { id, dao: account, executor: account } })
    const task = await read<{ creator: Address; nativeBudget: bigint }>({ address: topology.tasks.address, abi: tasksAbi, functionName: 'getTask', args: [tasksBefore] })
    expect(task).toMatchObject({ creator: account, nativeBudget: budget })
    await expectRevert(
      write(asAccount, { address: pessimistic, abi: withAllErrors(pessimisticActionsAbi), functionName: 'executeAction', args: [account, id] }),
      'RequestAlreadyExecuted',
    )
  })

  it('an action that does not exist: RequestDoesNotExist', async () => {
    const asAccount = await impersonate(account)
    await expectRevert(
      write(asAccount, { address: pessimistic, abi: withAllErrors(pessimisticActionsAbi), functionName: 'executeAction', args: [account, 3] }),
      'RequestDoesNotExist',
    )
  })
})
