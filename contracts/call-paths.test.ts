import { getAddress, maxUint256, parseEther, type Address, type Hex } from 'viem'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  addressTrustlessManagementAbi,
  erc721CountTrustlessManagementAbi,
  openTokenAbi,
  optimisticActionsAbi,
  pessimisticActionsAbi,
  tagTrustlessManagementAbi,
  taskDisputesAbi,
  taskDraftsAbi,
  tasksAbi,
  verifiedContributorAbi,
} from '../contracts-abi'
import { DEVNET_DISPUTE_FEE, DEVNET_OPTIMISTIC_EXECUTE_DELAY } from '../devnet/deploy'
import { addressRole } from '../devnet/topology'
import { action, events, expectRevert, useDeployedPortal, type Action, type Wallet } from './test-utils'
import { useTopologyHelpers, withAllErrors } from './topology-helpers'

// The call paths of Openmesh's frontends (shared/reference-abi/README.md), end to end on the
// devnet topology:
// - a dispute: TaskDisputes.createDispute (fee from getCost) queues a PessimisticActions action on
//   the Dispute smart account; the Dispute department's TagVoting proposal makes the account call
//   PessimisticActions.executeAction, which runs Tasks.completeByDispute;
// - optimistic actions on the Openmesh DAO through ERC721CountTrustlessManagement.asDAO: one
//   rejected through asDAO(rejectAction), another executed after the delay (an OVC minted);
// - a department's optimistic action calling Tasks;
// - a TaskDrafts draft approved by a department vote.

const chain = await useDeployedPortal()
const { wallets, write, read, topology, publicClient, increaseTime, now } = chain
const helpers = useTopologyHelpers(chain)
const tasks = topology.tasks.address
const open = topology.openToken.address
const addressTm = topology.addressTrustlessManagement.address
const optimistic = topology.optimisticActions.address
const pessimistic = topology.pessimisticActions.address
const { dispute, coreMember } = topology.departments
const disputeAccount = dispute.smartAccount.address
const coreAccount = coreMember.smartAccount.address

const [deployer, creator, executor, d1, d2, d3, c1, c2, m1] = wallets as Wallet[] as [
  Wallet, Wallet, Wallet, Wallet, Wallet, Wallet, Wallet, Wallet, Wallet,
]
const newcomer = getAddress('0x000000000000000000000000000000000000beef')
const DAY = 86_400n
const TaskState = { Open: 0, Taken: 1, Closed: 2 } as const
const CompletionSource = { SubmissionAccepted: 0, Dispute: 1 } as const
// ipfs:// URIs of the documents the frontends upload ({title, summary, body}, {reason} …).
const DISPUTE_DOC = 'ipfs://bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy'
const ACTION_DOC = 'ipfs://bafkreiaxftmqhh6ecz4vr3kkgylg5q57vgzpzvjbvxkkbqhpmxn4qkwrqe'
const REASON_DOC = 'ipfs://bafkreicv4zmr4wlnkyhjiyoqmwxyawvfnpsiwshcdx3mbh3h2mpmyxd7yu'

type Task = { state: number; creator: Address; manager: Address; disputeManager: Address; nativeBudget: bigint; applications: { applicant: Address; accepted: boolean }[] }
const getTask = (taskId: bigint) => read<Task>({ address: tasks, abi: tasksAbi, functionName: 'getTask', args: [taskId] })
const taskCount = () => read<bigint>({ address: tasks, abi: tasksAbi, functionName: 'taskCount' })
const ethOf = (address: Address) => publicClient.getBalance({ address })
const openOf = (address: Address) => read<bigint>({ address: open, abi: openTokenAbi, functionName: 'balanceOf', args: [address] })

beforeAll(async () => {
  for (const member of [d1, d2, d3]) await helpers.makeDepartmentMember(member, dispute)
  for (const member of [c1, c2]) await helpers.makeDepartmentMember(member, coreMember)
  await helpers.makeMember(m1)
  await write(deployer, { address: open, abi: openTokenAbi, functionName: 'transfer', args: [creator.account.address, parseEther('1000')] })
  await write(creator, { address: open, abi: openTokenAbi, functionName: 'approve', args: [tasks, maxUint256] })
  await deployer.sendTransaction({ to: coreAccount, value: parseEther('5') })
})
chain.isolateEachTest()

/** A task with 1 ETH and 100 OPEN whose dispute manager is the Dispute smart account, taken by `executor`. */
async function takenTask(): Promise<bigint> {
  const taskId = await taskCount()
  await write(creator, {
    address: tasks,
    abi: tasksAbi,
    functionName: 'createTask',
    args: [
      'ipfs://bafkreitask',
      (await now()) + 30n * DAY,
      creator.account.address,
      disputeAccount,
      [{ tokenContract: open, amount: parseEther('100') }],
      [{ applicant: executor.account.address, nativeReward: [{ to: executor.account.address, amount: parseEther('1') }], reward: [{ nextToken: true, to: executor.account.address, amount: parseEther('100') }] }],
    ],
    value: parseEther('1'),
  })
  await write(executor, { address: tasks, abi: tasksAbi, functionName: 'takeTask', args: [taskId, 0] })
  return taskId
}

describe('a dispute, resolved by the Dispute department', () => {
  const managementInfo = { manager: addressTm, role: addressRole(topology.taskDisputes.address), trustlessActions: pessimistic }
  const trustlessActionsInfo = { manager: addressTm, role: addressRole(pessimistic) }
  const openDispute = (taskId: bigint, value: bigint) =>
    write(executor, {
      address: topology.taskDisputes.address,
      abi: withAllErrors(taskDisputesAbi),
      functionName: 'createDispute',
      args: [disputeAccount, DISPUTE_DOC, managementInfo, trustlessActionsInfo, { taskId, partialNativeReward: [parseEther('0.4')], partialReward: [parseEther('40')] }],
      value,
    })

  it('costs the Dispute department’s fee, paid to its smart account', async () => {
    const fee = await read<bigint>({ address: topology.taskDisputes.address, abi: taskDisputesAbi, functionName: 'getCost', args: [disputeAccount] })
    expect(fee).toBe(DEVNET_DISPUTE_FEE)
    const taskId = await takenTask()
    await expectRevert(openDispute(taskId, fee - 1n), 'Underpaying')
    const before = await ethOf(disputeAccount)
    await openDispute(taskId, fee)
    expect((await ethOf(disputeAccount)) - before).toBe(fee)
  })

  it('queues completeByDispute as a pessimistic action and, once voted, pays the partial reward and refunds the rest', async () => {
    const taskId = await takenTask()
    const { receipt } = await openDispute(taskId, DEVNET_DISPUTE_FEE)
    const completeByDispute = action(tasks, tasksAbi, 'completeByDispute', [taskId, [parseEther('0.4')], [parseEther('40')]])
    // In the same transaction: the action (keyed by the smart account) and the link to it.
    expect(events(pessimisticActionsAbi, receipt)).toMatchObject([
      { eventName: 'ActionCreated', args: { id: 0, dao: disputeAccount, manager: addressTm, role: addressRole(pessimistic), actions: [completeByDispute], failureMap: 0n, metadata: DISPUTE_DOC } },
    ])
    expect(events(taskDisputesAbi, receipt)).toMatchObject([
      { eventName: 'TrustlessActionCreated', args: { dao: disputeAccount, trustlessActions: pessimistic, actionId: 0n } },
    ])
    // Nobody but the Dispute smart account can run it.
    await expectRevert(
      write(executor, { address: pessimistic, abi: withAllErrors(pessimisticActionsAbi), functionName: 'executeAction', args: [disputeAccount, 0] }),
      'SenderNotDAO',
    )

    const [executorEth, creatorEth, executorOpen, creatorOpen] = [
      await ethOf(executor.account.address), await ethOf(creator.account.address), await openOf(executor.account.address), await openOf(creator.account.address),
    ]
    const resolve = helpers.throughAccount(dispute, action(pessimistic, pessimisticActionsAbi, 'executeAction', [disputeAccount, 0]))
    const { receipt: resolved } = await helpers.passDepartmentVote(dispute, d1, [d2, d3], [resolve])
    expect(events(tasksAbi, resolved).map((e) => e.eventName)).toEqual(['PartialPayment', 'TaskCompleted'])
    expect(events(tasksAbi, resolved).at(-1)).toMatchObject({ args: { taskId, source: CompletionSource.Dispute } })
    expect(events(pessimisticActionsAbi, resolved)).toMatchObject([{ eventName: 'ActionExecuted', args: { id: 0, dao: disputeAccount, executor: disputeAccount } }])
    expect((await getTask(taskId)).state).toBe(TaskState.Closed)
    expect((await ethOf(executor.account.address)) - executorEth).toBe(parseEther('0.4'))
    expect((await ethOf(creator.account.address)) - creatorEth).toBe(parseEther('0.6'))
    expect((await openOf(executor.account.address)) - executorOpen).toBe(parseEther('40'))
    expect((await openOf(creator.account.address)) - creatorOpen).toBe(parseEther('60'))
  })

  it('the Dispute smart account may only complete tasks by dispute through its pessimistic actions', async () => {
    const taskId = await takenTask()
    const asDisputes = await chain.impersonate(topology.taskDisputes.address)
    // A queued action that is not completeByDispute fails when the department approves it.
    const cancel = action(tasks, tasksAbi, 'cancelTask', [taskId, 'ipfs://x'])
    await write(asDisputes, {
      address: addressTm,
      abi: withAllErrors(addressTrustlessManagementAbi),
      functionName: 'asDAO',
      args: [disputeAccount, addressRole(topology.taskDisputes.address), [action(pessimistic, pessimisticActionsAbi, 'createAction', [addressTm, addressRole(pessimistic), [cancel], 0n, 'ipfs://x'])], 0n],
    })
    const resolve = helpers.throughAccount(dispute, action(pessimistic, pessimisticActionsAbi, 'executeAction', [disputeAccount, 0]))
    await expectRevert(helpers.passDepartmentVote(dispute, d1, [d2, d3], [resolve]), 'ActionFailed')
  })

  it('fails when the fee cannot be paid to the DAO: TransferToDAOFailed', async () => {
    await expectRevert(
      write(executor, {
        address: topology.taskDisputes.address,
        abi: withAllErrors(taskDisputesAbi),
        functionName: 'createDispute',
        args: [tasks, DISPUTE_DOC, managementInfo, trustlessActionsInfo, { taskId: 0n, partialNativeReward: [], partialReward: [] }],
        value: 1n,
      }),
      'TransferToDAOFailed',
    )
  })
})

describe('optimistic actions of the Openmesh DAO, as the ovc-frontend makes them', () => {
  const countTm = topology.erc721CountTrustlessManagement.address
  const dao = topology.openmeshDao.address
  const asOpenmeshDao = (member: Wallet, inner: Action) =>
    write(member, { address: countTm, abi: withAllErrors(erc721CountTrustlessManagementAbi), functionName: 'asDAO', args: [dao, 1n, [inner], 0n] })
  const mintOvc = (tokenId: bigint) => action(topology.verifiedContributor.address, verifiedContributorAbi, 'mint', [newcomer, tokenId])
  const create = (tokenId: bigint) =>
    action(optimistic, optimisticActionsAbi, 'createAction', [addressTm, addressRole(optimistic), [mintOvc(tokenId)], 0n, ACTION_DOC])

  it('one is rejected through asDAO(rejectAction) with an ipfs:// reason, the other runs after the delay', async () => {
    await asOpenmeshDao(m1, create(0x1234n))
    await asOpenmeshDao(m1, create(0x5678n))
    const { receipt } = await asOpenmeshDao(m1, action(optimistic, optimisticActionsAbi, 'rejectAction', [0, REASON_DOC]))
    expect(events(optimisticActionsAbi, receipt)).toMatchObject([{ eventName: 'OptimisticActionRejected', args: { id: 0, dao, metadata: REASON_DOC } }])
    await increaseTime(DEVNET_OPTIMISTIC_EXECUTE_DELAY)
    await expectRevert(write(m1, { address: optimistic, abi: withAllErrors(optimisticActionsAbi), functionName: 'executeAction', args: [dao, 0] }), 'OptimisticRequestNotExecutableYet')
    await write(creator, { address: optimistic, abi: withAllErrors(optimisticActionsAbi), functionName: 'executeAction', args: [dao, 1] })
    expect(await read({ address: topology.verifiedContributor.address, abi: verifiedContributorAbi, functionName: 'ownerOf', args: [0x5678n] })).toBe(newcomer)
    await expectRevert(read({ address: topology.verifiedContributor.address, abi: verifiedContributorAbi, functionName: 'ownerOf', args: [0x1234n] }), 'ERC721NonexistentToken')
  })
})

describe('a department’s optimistic action', () => {
  const tagTm = topology.tagTrustlessManagement.address
  const asCoreMember = (member: Wallet, inner: Action) =>
    write(member, { address: tagTm, abi: withAllErrors(tagTrustlessManagementAbi), functionName: 'asDAO', args: [coreAccount, BigInt(coreMember.tag), [inner], 0n] })
  const create = (actions: Action[]) =>
    action(optimistic, optimisticActionsAbi, 'createAction', [addressTm, addressRole(optimistic), actions, 0n, ACTION_DOC])
  const run = (id: number) =>
    write(creator, { address: optimistic, abi: withAllErrors(optimisticActionsAbi), functionName: 'executeAction', args: [coreAccount, id] })

  it('may call Tasks: it creates a task paid from the smart account', async () => {
    const taskId = await taskCount()
    const createTask = action(tasks, tasksAbi, 'createTask', ['ipfs://bafkreisalary', (await now()) + 60n * DAY, coreAccount, disputeAccount, [], [
      { applicant: c2.account.address, nativeReward: [{ to: c2.account.address, amount: parseEther('2') }], reward: [] },
    ]], parseEther('2'))
    await expectRevert(asCoreMember(m1, create([createTask])), 'SenderDoesNotHaveRole')
    await asCoreMember(c1, create([createTask]))
    await expectRevert(run(0), 'OptimisticRequestNotExecutableYet')
    await increaseTime(DEVNET_OPTIMISTIC_EXECUTE_DELAY)
    const before = await ethOf(coreAccount)
    await run(0)
    expect(await getTask(taskId)).toMatchObject({ creator: coreAccount, manager: coreAccount, disputeManager: disputeAccount, nativeBudget: parseEther('2') })
    expect(before - (await ethOf(coreAccount))).toBe(parseEther('2'))
  })

  it('may not call anything but Tasks', async () => {
    await asCoreMember(c1, create([{ to: newcomer, value: parseEther('1'), data: '0x' as Hex }]))
    await increaseTime(DEVNET_OPTIMISTIC_EXECUTE_DELAY)
    await expectRevert(run(0), 'AccessDenied')
  })
})

describe('a task draft, approved by a department vote', () => {
  it('queues Tasks.createTask paid by the DAO, which creates it once its members approve', async () => {
    const deadline = (await now()) + 30n * DAY
    const taskInfo = {
      metadata: 'ipfs://bafkreidrafttask',
      deadline,
      manager: coreAccount,
      disputeManager: disputeAccount,
      nativeBudget: parseEther('0.5'),
      budget: [],
      preapproved: [{ applicant: c2.account.address, nativeReward: [{ to: c2.account.address, amount: parseEther('0.5') }], reward: [] }],
    }
    const { receipt } = await write(m1, {
      address: topology.taskDrafts.address,
      abi: withAllErrors(taskDraftsAbi),
      functionName: 'createDraftTask',
      args: [coreAccount, 'ipfs://bafkreidraft', { manager: addressTm, role: addressRole(topology.taskDrafts.address), trustlessActions: pessimistic }, { manager: addressTm, role: addressRole(pessimistic) }, taskInfo],
    })
    const [link] = events(taskDraftsAbi, receipt)
    expect(link).toMatchObject({ eventName: 'TrustlessActionCreated', args: { dao: coreAccount, trustlessActions: pessimistic } })
    const actionId = Number((link!.args as { actionId: bigint }).actionId)
    expect(events(pessimisticActionsAbi, receipt)[0]).toMatchObject({ args: { id: actionId, dao: coreAccount, metadata: 'ipfs://bafkreidraft' } })

    const taskId = await taskCount()
    const approve = helpers.throughAccount(coreMember, action(pessimistic, pessimisticActionsAbi, 'executeAction', [coreAccount, actionId]))
    await helpers.passDepartmentVote(coreMember, c1, [c2], [approve])
    const task = await getTask(taskId)
    expect(task).toMatchObject({ creator: coreAccount, manager: coreAccount, nativeBudget: parseEther('0.5'), state: TaskState.Open })
    expect(task.applications).toMatchObject([{ applicant: c2.account.address, accepted: true }])
  })

  it('costs nothing (createDraftTask takes no payment), so a DAO that sets a cost turns drafts off', async () => {
    expect(await read({ address: topology.taskDrafts.address, abi: taskDraftsAbi, functionName: 'getCost', args: [coreAccount] })).toBe(0n)
    const asAccount = await chain.impersonate(coreAccount)
    await write(asAccount, { address: topology.taskDrafts.address, abi: taskDraftsAbi, functionName: 'updateCost', args: [1n] })
    await expectRevert(
      write(m1, {
        address: topology.taskDrafts.address,
        abi: withAllErrors(taskDraftsAbi),
        functionName: 'createDraftTask',
        args: [coreAccount, 'ipfs://x', { manager: addressTm, role: addressRole(topology.taskDrafts.address), trustlessActions: pessimistic }, { manager: addressTm, role: addressRole(pessimistic) }, { metadata: '', deadline: 0n, manager: coreAccount, disputeManager: disputeAccount, nativeBudget: 0n, budget: [], preapproved: [] }],
      }),
      'Underpaying',
    )
  })
})
