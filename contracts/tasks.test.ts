import { getAddress, maxUint256, parseEther, type Address } from 'viem'
import { beforeAll, describe, expect, it } from 'vitest'
import { escrowAbi, openTokenAbi, openTokenBytecode, tasksAbi } from '../contracts-abi'
import { eventNames, events, expectRevert, useDeployedPortal } from './test-utils'

// Tasks against a real anvil: every transition, every custom error, and escrow balances exact to
// the wei in ETH and in two ERC-20s. Amounts are sent to fresh addresses so gas never blurs them.

const chain = await useDeployedPortal()
const { wallets, write, read, publicClient, testClient, increaseTime, now } = chain
const tasks = chain.contract('tasks')
const open = chain.contract('openToken')

const [deployer, creator, manager, executor, stranger, disputeManager] = wallets as [
  (typeof wallets)[0],
  (typeof wallets)[0],
  (typeof wallets)[0],
  (typeof wallets)[0],
  (typeof wallets)[0],
  (typeof wallets)[0],
]
const payee = getAddress('0x000000000000000000000000000000000000beef')
const payee2 = getAddress('0x000000000000000000000000000000000000cafe')

const TaskState = { Open: 0, Taken: 1, Closed: 2 } as const
const Judgement = { None: 0, Accepted: 1, Rejected: 2 } as const
const CancelTask = 0
const NO_REQUEST = 255
const DAY = 24n * 60n * 60n

let usd: Address

type Budget = { tokenContract: Address; amount: bigint }[]
type NativeReward = { to: Address; amount: bigint }[]
type Reward = { nextToken: boolean; to: Address; amount: bigint }[]
type Preapproved = { applicant: Address; nativeReward: NativeReward; reward: Reward }[]

beforeAll(async () => {
  usd = await chain.deploy(deployer, openTokenAbi, openTokenBytecode, [deployer.account.address, parseEther('1000000'), false])
  for (const token of [open, usd]) {
    for (const wallet of [creator, manager]) {
      await write(deployer, { address: token, abi: openTokenAbi, functionName: 'transfer', args: [wallet.account.address, parseEther('10000')] })
      await write(wallet, { address: token, abi: openTokenAbi, functionName: 'approve', args: [tasks, maxUint256] })
    }
  }
})
chain.isolateEachTest()

async function createTask(
  options: { value?: bigint; budget?: Budget; preapprove?: Preapproved; deadline?: bigint; wallet?: typeof creator } = {},
) {
  const deadline = options.deadline ?? (await now()) + 7n * DAY
  const { receipt, result } = await write(options.wallet ?? creator, {
    address: tasks,
    abi: tasksAbi,
    functionName: 'createTask',
    args: [
      'ipfs://bafytask',
      deadline,
      manager.account.address,
      disputeManager.account.address,
      options.budget ?? [],
      options.preapprove ?? [],
    ],
    value: options.value ?? 0n,
  })
  const taskId = result as bigint
  const task = await getTask(taskId)
  return { taskId, receipt, escrow: task.escrow as Address, deadline }
}

type Task = {
  metadata: string
  deadline: bigint
  executorApplication: number
  manager: Address
  disputeManager: Address
  creator: Address
  state: number
  escrow: Address
  nativeBudget: bigint
  budget: Budget
  applications: { metadata: string; applicant: Address; accepted: boolean; nativeReward: NativeReward; reward: Reward }[]
  submissions: { metadata: string; feedback: string; judgement: number }[]
  cancelTaskRequests: { request: { accepted: boolean; executed: boolean }; metadata: string }[]
}

function getTask(taskId: bigint): Promise<Task> {
  return read<Task>({ address: tasks, abi: tasksAbi, functionName: 'getTask', args: [taskId] })
}

function tokenBalance(token: Address, owner: Address): Promise<bigint> {
  return read<bigint>({ address: token, abi: openTokenAbi, functionName: 'balanceOf', args: [owner] })
}

async function balances(escrow: Address, ...owners: Address[]) {
  const ofOwner = async (owner: Address) => ({
    eth: await publicClient.getBalance({ address: owner }),
    open: await tokenBalance(open, owner),
    usd: await tokenBalance(usd, owner),
  })
  return { escrow: await ofOwner(escrow), owners: await Promise.all(owners.map(ofOwner)) }
}

const tx = {
  apply: (taskId: bigint, nativeReward: NativeReward, reward: Reward, wallet = executor) =>
    write(wallet, { address: tasks, abi: tasksAbi, functionName: 'applyForTask', args: [taskId, 'ipfs://bafyapp', nativeReward, reward] }),
  accept: (taskId: bigint, ids: number[], wallet = manager) =>
    write(wallet, { address: tasks, abi: tasksAbi, functionName: 'acceptApplications', args: [taskId, ids] }),
  take: (taskId: bigint, applicationId: number, wallet = executor) =>
    write(wallet, { address: tasks, abi: tasksAbi, functionName: 'takeTask', args: [taskId, applicationId] }),
  submit: (taskId: bigint, wallet = executor) =>
    write(wallet, { address: tasks, abi: tasksAbi, functionName: 'createSubmission', args: [taskId, 'ipfs://bafysub'] }),
  review: (taskId: bigint, submissionId: number, judgement: number, wallet = manager) =>
    write(wallet, { address: tasks, abi: tasksAbi, functionName: 'reviewSubmission', args: [taskId, submissionId, judgement, 'ipfs://bafyreview'] }),
  cancel: (taskId: bigint, wallet = manager) =>
    write(wallet, { address: tasks, abi: tasksAbi, functionName: 'cancelTask', args: [taskId, 'ipfs://bafycancel'] }),
  acceptRequest: (taskId: bigint, requestId: number, execute: boolean, wallet = executor) =>
    write(wallet, { address: tasks, abi: tasksAbi, functionName: 'acceptRequest', args: [taskId, CancelTask, requestId, execute] }),
  executeRequest: (taskId: bigint, requestId: number, wallet = stranger) =>
    write(wallet, { address: tasks, abi: tasksAbi, functionName: 'executeRequest', args: [taskId, CancelTask, requestId] }),
  partialPayment: (taskId: bigint, native: bigint[], erc20: bigint[], wallet = manager) =>
    write(wallet, { address: tasks, abi: tasksAbi, functionName: 'partialPayment', args: [taskId, native, erc20] }),
  completeByDispute: (taskId: bigint, native: bigint[], erc20: bigint[], wallet = disputeManager) =>
    write(wallet, { address: tasks, abi: tasksAbi, functionName: 'completeByDispute', args: [taskId, native, erc20] }),
}

/** A task with 3 ETH, 500 OPEN and 200 USD, taken by `executor` with rewards paid to fresh addresses. */
async function takenTask() {
  const created = await createTask({
    value: parseEther('3'),
    budget: [
      { tokenContract: open, amount: parseEther('500') },
      { tokenContract: usd, amount: parseEther('200') },
    ],
  })
  await tx.apply(
    created.taskId,
    [
      { to: payee, amount: parseEther('1') },
      { to: payee2, amount: parseEther('0.5') },
    ],
    [
      { nextToken: false, to: payee, amount: parseEther('300') },
      { nextToken: true, to: payee2, amount: parseEther('100') },
      { nextToken: true, to: payee, amount: parseEther('150') },
    ],
  )
  await tx.accept(created.taskId, [0])
  await tx.take(created.taskId, 0)
  return created
}

describe('createTask', () => {
  it('escrows a native and ERC-20 budget in a fresh minimal-proxy clone', async () => {
    const before = await tokenBalance(open, creator.account.address)
    const { taskId, receipt, escrow, deadline } = await createTask({
      value: parseEther('2'),
      budget: [{ tokenContract: open, amount: parseEther('250') }],
    })
    expect(taskId).toBe(0n)
    expect(await read({ address: tasks, abi: tasksAbi, functionName: 'taskCount' })).toBe(1n)
    expect(eventNames(tasksAbi, receipt)).toEqual(['TaskCreated'])
    const [created] = events(tasksAbi, receipt)
    expect(created?.args).toMatchObject({
      taskId: 0n,
      metadata: 'ipfs://bafytask',
      deadline,
      manager: manager.account.address,
      disputeManager: disputeManager.account.address,
      creator: creator.account.address,
      nativeBudget: parseEther('2'),
      budget: [{ tokenContract: open, amount: parseEther('250') }],
      escrow,
    })

    // An EIP-1167 clone, owned by Tasks: nobody else can move its funds or take it over.
    const code = await publicClient.getCode({ address: escrow })
    expect(code).toMatch(/^0x363d3d373d3d3d363d73[0-9a-f]{40}5af43d82803e903d91602b57fd5bf3$/)
    await expectRevert(write(stranger, { address: escrow, abi: escrowAbi, functionName: 'transferNative', args: [stranger.account.address, 1n] }), 'NotOwner')
    await expectRevert(write(stranger, { address: escrow, abi: escrowAbi, functionName: '__Escrow_init' }), 'AlreadyInitialized')

    expect(await publicClient.getBalance({ address: escrow })).toBe(parseEther('2'))
    expect(await tokenBalance(open, escrow)).toBe(parseEther('250'))
    expect(before - (await tokenBalance(open, creator.account.address))).toBe(parseEther('250'))

    const task = await getTask(taskId)
    expect(task).toMatchObject({
      metadata: 'ipfs://bafytask',
      state: TaskState.Open,
      creator: creator.account.address,
      nativeBudget: parseEther('2'),
      budget: [{ tokenContract: open, amount: parseEther('250') }],
      applications: [],
      submissions: [],
      cancelTaskRequests: [],
    })
  })

  it('records preapproved applicants: ApplicationCreated (no metadata) then ApplicationAccepted', async () => {
    const { taskId, receipt } = await createTask({
      value: parseEther('1'),
      budget: [{ tokenContract: open, amount: parseEther('100') }],
      preapprove: [
        {
          applicant: executor.account.address,
          nativeReward: [{ to: payee, amount: parseEther('1') }],
          reward: [{ nextToken: true, to: payee, amount: parseEther('100') }],
        },
        { applicant: stranger.account.address, nativeReward: [], reward: [] },
      ],
    })
    expect(eventNames(tasksAbi, receipt)).toEqual([
      'TaskCreated',
      'ApplicationCreated',
      'ApplicationAccepted',
      'ApplicationCreated',
      'ApplicationAccepted',
    ])
    const [, app0] = events(tasksAbi, receipt)
    expect(app0?.args).toMatchObject({ taskId, applicationId: 0, metadata: '', applicant: executor.account.address })
    const task = await getTask(taskId)
    expect(task.applications.map((a) => [a.applicant, a.accepted])).toEqual([
      [executor.account.address, true],
      [stranger.account.address, true],
    ])
    // A preapproved applicant can take the task straight away.
    await tx.take(taskId, 0)
    expect((await getTask(taskId)).state).toBe(TaskState.Taken)
  })

  it('rejects preapproved rewards above the budget', async () => {
    await expectRevert(
      createTask({
        value: parseEther('1'),
        preapprove: [{ applicant: executor.account.address, nativeReward: [{ to: payee, amount: parseEther('2') }], reward: [] }],
      }),
      'RewardAboveBudget',
    )
  })

  it('reads several tasks at once with getTasks', async () => {
    await createTask({ value: 1n })
    await createTask({ value: 2n })
    const list = await read<Task[]>({ address: tasks, abi: tasksAbi, functionName: 'getTasks', args: [[1n, 0n]] })
    expect(list.map((t) => t.nativeBudget)).toEqual([2n, 1n])
  })
})

describe('applications', () => {
  it('apply → accept → take', async () => {
    const { taskId } = await createTask({ value: parseEther('1'), budget: [{ tokenContract: open, amount: parseEther('10') }] })
    const applied = await tx.apply(taskId, [{ to: payee, amount: parseEther('1') }], [{ nextToken: true, to: payee, amount: parseEther('10') }])
    expect(applied.result).toBe(0)
    const [created] = events(tasksAbi, applied.receipt)
    expect(created).toMatchObject({
      eventName: 'ApplicationCreated',
      args: {
        taskId,
        applicationId: 0,
        metadata: 'ipfs://bafyapp',
        applicant: executor.account.address,
        nativeReward: [{ to: payee, amount: parseEther('1') }],
        reward: [{ nextToken: true, to: payee, amount: parseEther('10') }],
      },
    })
    const second = await tx.apply(taskId, [], [], stranger)
    expect(second.result).toBe(1)

    const accepted = await tx.accept(taskId, [0, 1])
    expect(events(tasksAbi, accepted.receipt).map((e) => [e.eventName, (e.args as { applicationId: number }).applicationId])).toEqual([
      ['ApplicationAccepted', 0],
      ['ApplicationAccepted', 1],
    ])
    const taken = await tx.take(taskId, 0)
    expect(events(tasksAbi, taken.receipt)).toMatchObject([{ eventName: 'TaskTaken', args: { taskId, applicationId: 0 } }])
    const task = await getTask(taskId)
    expect(task.state).toBe(TaskState.Taken)
    expect(task.executorApplication).toBe(0)
  })

  it('accepts an application only within the budget, per token', async () => {
    const { taskId } = await createTask({
      value: parseEther('1'),
      budget: [
        { tokenContract: open, amount: parseEther('10') },
        { tokenContract: usd, amount: parseEther('5') },
      ],
    })
    await tx.apply(taskId, [{ to: payee, amount: parseEther('1.5') }], [])
    await tx.apply(taskId, [], [{ nextToken: true, to: payee, amount: parseEther('10') }, { nextToken: true, to: payee, amount: parseEther('6') }])
    // Rewards naming a third budget token that does not exist.
    await tx.apply(taskId, [], [{ nextToken: true, to: payee, amount: 0n }, { nextToken: true, to: payee, amount: 0n }, { nextToken: true, to: payee, amount: 1n }])
    await tx.apply(taskId, [{ to: payee, amount: parseEther('1') }], [{ nextToken: false, to: payee, amount: parseEther('4') }, { nextToken: true, to: payee2, amount: parseEther('6') }, { nextToken: true, to: payee, amount: parseEther('5') }])
    await expectRevert(tx.accept(taskId, [0]), 'RewardAboveBudget')
    await expectRevert(tx.accept(taskId, [1]), 'RewardAboveBudget')
    await expectRevert(tx.accept(taskId, [2]), 'RewardAboveBudget')
    await tx.accept(taskId, [3])
  })
})

describe('submissions and review', () => {
  it('a rejected submission keeps the task Taken; an accepted one pays out exactly and refunds the rest', async () => {
    const { taskId, escrow } = await takenTask()
    const first = await tx.submit(taskId)
    expect(first.result).toBe(0)
    expect(events(tasksAbi, first.receipt)).toMatchObject([{ eventName: 'SubmissionCreated', args: { taskId, submissionId: 0, metadata: 'ipfs://bafysub' } }])

    const rejected = await tx.review(taskId, 0, Judgement.Rejected)
    expect(eventNames(tasksAbi, rejected.receipt)).toEqual(['SubmissionReviewed'])
    expect((await getTask(taskId)).state).toBe(TaskState.Taken)

    const second = await tx.submit(taskId)
    expect(second.result).toBe(1)
    const before = await balances(escrow, payee, payee2, creator.account.address)
    const accepted = await tx.review(taskId, 1, Judgement.Accepted)
    expect(events(tasksAbi, accepted.receipt)).toMatchObject([
      { eventName: 'TaskCompleted', args: { taskId, source: 0 } },
      { eventName: 'SubmissionReviewed', args: { taskId, submissionId: 1, judgement: Judgement.Accepted, feedback: 'ipfs://bafyreview' } },
    ])
    const after = await balances(escrow, payee, payee2, creator.account.address)
    expect(after.escrow).toEqual({ eth: 0n, open: 0n, usd: 0n })
    const delta = (i: number, k: 'eth' | 'open' | 'usd') => after.owners[i]![k] - before.owners[i]![k]
    expect([delta(0, 'eth'), delta(0, 'open'), delta(0, 'usd')]).toEqual([parseEther('1'), parseEther('300'), parseEther('150')])
    expect([delta(1, 'eth'), delta(1, 'open'), delta(1, 'usd')]).toEqual([parseEther('0.5'), parseEther('100'), 0n])
    // Creator: 3 - 1.5 ETH, 500 - 400 OPEN, 200 - 150 USD.
    expect([delta(2, 'eth'), delta(2, 'open'), delta(2, 'usd')]).toEqual([parseEther('1.5'), parseEther('100'), parseEther('50')])

    const task = await getTask(taskId)
    expect(task.state).toBe(TaskState.Closed)
    expect(task.submissions.map((s) => [s.judgement, s.feedback])).toEqual([
      [Judgement.Rejected, 'ipfs://bafyreview'],
      [Judgement.Accepted, 'ipfs://bafyreview'],
    ])
  })
})

describe('cancelTask', () => {
  it('cancels an open task at once and refunds the creator', async () => {
    const { taskId, escrow } = await createTask({ value: parseEther('2'), budget: [{ tokenContract: open, amount: parseEther('40') }] })
    const before = await balances(escrow, creator.account.address)
    const { receipt, result } = await tx.cancel(taskId)
    expect(result).toBe(NO_REQUEST)
    expect(events(tasksAbi, receipt)).toMatchObject([{ eventName: 'TaskCancelled', args: { taskId, metadata: 'ipfs://bafycancel' } }])
    const after = await balances(escrow, creator.account.address)
    expect(after.escrow).toEqual({ eth: 0n, open: 0n, usd: 0n })
    expect(after.owners[0]!.eth - before.owners[0]!.eth).toBe(parseEther('2'))
    expect(after.owners[0]!.open - before.owners[0]!.open).toBe(parseEther('40'))
    expect((await getTask(taskId)).state).toBe(TaskState.Closed)
  })

  it('cancels a taken task at once once the deadline has passed', async () => {
    const { taskId, escrow } = await takenTask()
    await increaseTime(8 * 24 * 60 * 60)
    const { result } = await tx.cancel(taskId)
    expect(result).toBe(NO_REQUEST)
    expect(await balances(escrow)).toMatchObject({ escrow: { eth: 0n, open: 0n, usd: 0n } })
  })

  it('before the deadline, asks the executor: request → accept → anyone executes', async () => {
    const { taskId, escrow } = await takenTask()
    const requested = await tx.cancel(taskId)
    expect(requested.result).toBe(0)
    expect(events(tasksAbi, requested.receipt)).toMatchObject([{ eventName: 'CancelTaskRequested', args: { taskId, requestId: 0, metadata: 'ipfs://bafycancel' } }])
    expect((await getTask(taskId)).state).toBe(TaskState.Taken)

    const accepted = await tx.acceptRequest(taskId, 0, false)
    expect(events(tasksAbi, accepted.receipt)).toMatchObject([{ eventName: 'RequestAccepted', args: { taskId, requestType: CancelTask, requestId: 0 } }])

    const before = await balances(escrow, creator.account.address)
    const executed = await tx.executeRequest(taskId, 0)
    expect(events(tasksAbi, executed.receipt)).toMatchObject([
      { eventName: 'TaskCancelled', args: { taskId, metadata: 'ipfs://bafycancel' } },
      { eventName: 'RequestExecuted', args: { taskId, requestType: CancelTask, requestId: 0, by: stranger.account.address } },
    ])
    const after = await balances(escrow, creator.account.address)
    expect(after.escrow).toEqual({ eth: 0n, open: 0n, usd: 0n })
    expect(after.owners[0]!.eth - before.owners[0]!.eth).toBe(parseEther('3'))
    expect(after.owners[0]!.open - before.owners[0]!.open).toBe(parseEther('500'))
    expect(after.owners[0]!.usd - before.owners[0]!.usd).toBe(parseEther('200'))
    const task = await getTask(taskId)
    expect(task.state).toBe(TaskState.Closed)
    expect(task.cancelTaskRequests).toEqual([{ request: { accepted: true, executed: true }, metadata: 'ipfs://bafycancel' }])
  })

  it('the executor can accept and execute in one call', async () => {
    const { taskId } = await takenTask()
    await tx.cancel(taskId)
    const { receipt } = await tx.acceptRequest(taskId, 0, true)
    expect(eventNames(tasksAbi, receipt)).toEqual(['RequestAccepted', 'TaskCancelled', 'RequestExecuted'])
    expect((await getTask(taskId)).state).toBe(TaskState.Closed)
  })
})

describe('disputes and partial payments', () => {
  it('completeByDispute pays the given part, refunds the rest: PartialPayment then TaskCompleted(Dispute)', async () => {
    const { taskId, escrow } = await takenTask()
    const before = await balances(escrow, payee, payee2, creator.account.address)
    const { receipt } = await tx.completeByDispute(
      taskId,
      [parseEther('0.25'), 0n],
      [parseEther('100'), parseEther('100'), parseEther('1')],
    )
    expect(events(tasksAbi, receipt)).toMatchObject([
      { eventName: 'PartialPayment', args: { taskId, partialNativeReward: [parseEther('0.25'), 0n], partialReward: [parseEther('100'), parseEther('100'), parseEther('1')] } },
      { eventName: 'TaskCompleted', args: { taskId, source: 1 } },
    ])
    const after = await balances(escrow, payee, payee2, creator.account.address)
    const delta = (i: number) => ({
      eth: after.owners[i]!.eth - before.owners[i]!.eth,
      open: after.owners[i]!.open - before.owners[i]!.open,
      usd: after.owners[i]!.usd - before.owners[i]!.usd,
    })
    expect(after.escrow).toEqual({ eth: 0n, open: 0n, usd: 0n })
    expect(delta(0)).toEqual({ eth: parseEther('0.25'), open: parseEther('100'), usd: parseEther('1') })
    expect(delta(1)).toEqual({ eth: 0n, open: parseEther('100'), usd: 0n })
    expect(delta(2)).toEqual({ eth: parseEther('2.75'), open: parseEther('300'), usd: parseEther('199') })
    expect((await getTask(taskId)).state).toBe(TaskState.Closed)
  })

  it('partialPayment lowers reward and budget alike; the final payout pays the remainder', async () => {
    const { taskId, escrow } = await takenTask()
    const before = await balances(escrow, payee, payee2, creator.account.address)
    const { receipt } = await tx.partialPayment(taskId, [parseEther('0.4'), parseEther('0.5')], [parseEther('300'), 0n, parseEther('50')])
    expect(eventNames(tasksAbi, receipt)).toEqual(['BudgetChanged', 'PartialPayment'])
    const mid = await balances(escrow)
    expect(mid.escrow).toEqual({ eth: parseEther('2.1'), open: parseEther('200'), usd: parseEther('150') })
    let task = await getTask(taskId)
    expect(task.nativeBudget).toBe(parseEther('2.1'))
    expect(task.budget.map((b) => b.amount)).toEqual([parseEther('200'), parseEther('150')])
    expect(task.applications[0]!.nativeReward.map((r) => r.amount)).toEqual([parseEther('0.6'), 0n])
    expect(task.applications[0]!.reward.map((r) => r.amount)).toEqual([0n, parseEther('100'), parseEther('100')])
    expect(task.state).toBe(TaskState.Taken)

    await tx.submit(taskId)
    await tx.review(taskId, 0, Judgement.Accepted)
    const after = await balances(escrow, payee, payee2, creator.account.address)
    const delta = (i: number) => ({
      eth: after.owners[i]!.eth - before.owners[i]!.eth,
      open: after.owners[i]!.open - before.owners[i]!.open,
      usd: after.owners[i]!.usd - before.owners[i]!.usd,
    })
    expect(after.escrow).toEqual({ eth: 0n, open: 0n, usd: 0n })
    // Totals equal a plain full payout.
    expect(delta(0)).toEqual({ eth: parseEther('1'), open: parseEther('300'), usd: parseEther('150') })
    expect(delta(1)).toEqual({ eth: parseEther('0.5'), open: parseEther('100'), usd: 0n })
    expect(delta(2)).toEqual({ eth: parseEther('1.5'), open: parseEther('100'), usd: parseEther('50') })
    task = await getTask(taskId)
    expect(task.state).toBe(TaskState.Closed)
  })
})

describe('management', () => {
  it('extendDeadline, editMetadata, transferManagement', async () => {
    const { taskId, deadline } = await createTask()
    const extended = await write(manager, { address: tasks, abi: tasksAbi, functionName: 'extendDeadline', args: [taskId, DAY] })
    expect(events(tasksAbi, extended.receipt)).toMatchObject([{ eventName: 'DeadlineChanged', args: { taskId, newDeadline: deadline + DAY } }])
    const edited = await write(manager, { address: tasks, abi: tasksAbi, functionName: 'editMetadata', args: [taskId, 'ipfs://bafynew'] })
    expect(events(tasksAbi, edited.receipt)).toMatchObject([{ eventName: 'MetadataChanged', args: { taskId, newMetadata: 'ipfs://bafynew' } }])
    const moved = await write(manager, { address: tasks, abi: tasksAbi, functionName: 'transferManagement', args: [taskId, stranger.account.address] })
    expect(events(tasksAbi, moved.receipt)).toMatchObject([{ eventName: 'ManagerChanged', args: { taskId, newManager: stranger.account.address } }])
    const task = await getTask(taskId)
    expect([task.deadline, task.metadata, task.manager]).toEqual([deadline + DAY, 'ipfs://bafynew', stranger.account.address])
    await expectRevert(tx.cancel(taskId), 'NotManager')
    await tx.cancel(taskId, stranger)
  })

  it('increaseBudget adds native (msg.value) and per-token amounts to the escrow', async () => {
    const { taskId, escrow } = await createTask({
      value: parseEther('1'),
      budget: [
        { tokenContract: open, amount: parseEther('10') },
        { tokenContract: usd, amount: parseEther('10') },
      ],
    })
    const { receipt } = await write(manager, {
      address: tasks,
      abi: tasksAbi,
      functionName: 'increaseBudget',
      args: [taskId, [0n, parseEther('5')]],
      value: parseEther('0.5'),
    })
    expect(eventNames(tasksAbi, receipt)).toEqual(['BudgetChanged'])
    expect((await balances(escrow)).escrow).toEqual({ eth: parseEther('1.5'), open: parseEther('10'), usd: parseEther('15') })
    const task = await getTask(taskId)
    expect(task.nativeBudget).toBe(parseEther('1.5'))
    expect(task.budget.map((b) => b.amount)).toEqual([parseEther('10'), parseEther('15')])
  })

  it('increaseReward raises an application within the budget', async () => {
    const { taskId } = await createTask({ value: parseEther('2'), budget: [{ tokenContract: open, amount: parseEther('10') }] })
    await tx.apply(taskId, [{ to: payee, amount: parseEther('1') }], [{ nextToken: true, to: payee, amount: parseEther('5') }])
    const { receipt } = await write(manager, {
      address: tasks,
      abi: tasksAbi,
      functionName: 'increaseReward',
      args: [taskId, 0, [parseEther('1')], [parseEther('5')]],
    })
    expect(events(tasksAbi, receipt)).toMatchObject([
      { eventName: 'RewardIncreased', args: { taskId, applicationId: 0, nativeIncrease: [parseEther('1')], increase: [parseEther('5')] } },
    ])
    const application = (await getTask(taskId)).applications[0]!
    expect(application.nativeReward[0]!.amount).toBe(parseEther('2'))
    expect(application.reward[0]!.amount).toBe(parseEther('10'))
    await expectRevert(
      write(manager, { address: tasks, abi: tasksAbi, functionName: 'increaseReward', args: [taskId, 0, [1n], [0n]] }),
      'RewardAboveBudget',
    )
  })

  it('rescue and rescueNative recover funds sent to a closed task’s escrow', async () => {
    const { taskId, escrow } = await createTask()
    await tx.cancel(taskId)
    await write(deployer, { address: open, abi: openTokenAbi, functionName: 'transfer', args: [escrow, 7n] })
    await deployer.sendTransaction({ to: escrow, value: 9n })
    await write(manager, { address: tasks, abi: tasksAbi, functionName: 'rescue', args: [taskId, open, payee2, 7n] })
    await write(manager, { address: tasks, abi: tasksAbi, functionName: 'rescueNative', args: [taskId, payee2, 9n] })
    expect(await balances(escrow)).toMatchObject({ escrow: { eth: 0n, open: 0n } })
  })
})

describe('custom errors', () => {
  it('TaskDoesNotExist', async () => {
    await expectRevert(read({ address: tasks, abi: tasksAbi, functionName: 'getTask', args: [42n] }), 'TaskDoesNotExist')
    await expectRevert(tx.apply(42n, [], []), 'TaskDoesNotExist')
  })

  it('TaskNotOpen', async () => {
    const { taskId } = await takenTask()
    await expectRevert(tx.apply(taskId, [], [], stranger), 'TaskNotOpen')
    await expectRevert(write(manager, { address: tasks, abi: tasksAbi, functionName: 'editMetadata', args: [taskId, 'x'] }), 'TaskNotOpen')
  })

  it('TaskNotTaken', async () => {
    const { taskId } = await createTask()
    await expectRevert(tx.submit(taskId), 'TaskNotTaken')
    await expectRevert(tx.partialPayment(taskId, [], []), 'TaskNotTaken')
  })

  it('TaskNotClosed', async () => {
    const { taskId } = await createTask()
    await expectRevert(write(manager, { address: tasks, abi: tasksAbi, functionName: 'rescueNative', args: [taskId, payee, 0n] }), 'TaskNotClosed')
  })

  it('TaskClosed', async () => {
    const { taskId } = await createTask()
    await tx.cancel(taskId)
    await expectRevert(tx.cancel(taskId), 'TaskClosed')
    await expectRevert(write(manager, { address: tasks, abi: tasksAbi, functionName: 'extendDeadline', args: [taskId, 1n] }), 'TaskClosed')
  })

  it('NotManager', async () => {
    const { taskId } = await createTask()
    await tx.apply(taskId, [], [])
    await expectRevert(tx.accept(taskId, [0], creator), 'NotManager')
    await expectRevert(tx.cancel(taskId, creator), 'NotManager')
  })

  it('NotExecutor', async () => {
    const { taskId } = await takenTask()
    await expectRevert(tx.submit(taskId, stranger), 'NotExecutor')
    await tx.cancel(taskId)
    await expectRevert(tx.acceptRequest(taskId, 0, true, stranger), 'NotExecutor')
  })

  it('NotDisputeManager', async () => {
    const { taskId } = await takenTask()
    await expectRevert(tx.completeByDispute(taskId, [0n, 0n], [0n, 0n, 0n], manager), 'NotDisputeManager')
  })

  it('RewardAboveBudget', async () => {
    const { taskId } = await createTask({ budget: [{ tokenContract: open, amount: 10n }] })
    await tx.apply(taskId, [], [{ nextToken: true, to: payee, amount: 11n }])
    await expectRevert(tx.accept(taskId, [0]), 'RewardAboveBudget')
  })

  it('RewardDoesntEndWithNextToken', async () => {
    const { taskId } = await createTask({ budget: [{ tokenContract: open, amount: 10n }] })
    await expectRevert(tx.apply(taskId, [], [{ nextToken: false, to: payee, amount: 1n }]), 'RewardDoesntEndWithNextToken')
  })

  it('ApplicationDoesNotExist', async () => {
    const { taskId } = await createTask()
    await expectRevert(tx.take(taskId, 0), 'ApplicationDoesNotExist')
    await expectRevert(tx.accept(taskId, [3]), 'ApplicationDoesNotExist')
  })

  it('NotYourApplication', async () => {
    const { taskId } = await createTask()
    await tx.apply(taskId, [], [])
    await tx.accept(taskId, [0])
    await expectRevert(tx.take(taskId, 0, stranger), 'NotYourApplication')
  })

  it('ApplicationNotAccepted', async () => {
    const { taskId } = await createTask()
    await tx.apply(taskId, [], [])
    await expectRevert(tx.take(taskId, 0), 'ApplicationNotAccepted')
  })

  it('SubmissionDoesNotExist', async () => {
    const { taskId } = await takenTask()
    await expectRevert(tx.review(taskId, 0, Judgement.Accepted), 'SubmissionDoesNotExist')
  })

  it('SubmissionAlreadyJudged', async () => {
    const { taskId } = await takenTask()
    await tx.submit(taskId)
    await tx.review(taskId, 0, Judgement.Rejected)
    await expectRevert(tx.review(taskId, 0, Judgement.Accepted), 'SubmissionAlreadyJudged')
  })

  it('JudgementNone', async () => {
    const { taskId } = await takenTask()
    await tx.submit(taskId)
    await expectRevert(tx.review(taskId, 0, Judgement.None), 'JudgementNone')
  })

  it('RequestDoesNotExist', async () => {
    const { taskId } = await takenTask()
    await expectRevert(tx.acceptRequest(taskId, 0, false), 'RequestDoesNotExist')
    await expectRevert(tx.executeRequest(taskId, 0), 'RequestDoesNotExist')
  })

  it('RequestAlreadyAccepted', async () => {
    const { taskId } = await takenTask()
    await tx.cancel(taskId)
    await tx.acceptRequest(taskId, 0, false)
    await expectRevert(tx.acceptRequest(taskId, 0, false), 'RequestAlreadyAccepted')
  })

  it('RequestNotAccepted', async () => {
    const { taskId } = await takenTask()
    await tx.cancel(taskId)
    await expectRevert(tx.executeRequest(taskId, 0), 'RequestNotAccepted')
  })

  it('RequestAlreadyExecuted', async () => {
    const { taskId } = await takenTask()
    await tx.cancel(taskId)
    await tx.acceptRequest(taskId, 0, true)
    await expectRevert(tx.executeRequest(taskId, 0), 'RequestAlreadyExecuted')
  })

  it('Overflow: a native budget above uint96, a deadline above uint64', async () => {
    const huge = 2n ** 96n
    await testClient.setBalance({ address: creator.account.address, value: huge * 2n })
    await expectRevert(createTask({ value: huge }), 'Overflow')
    const { taskId } = await createTask()
    await expectRevert(
      write(manager, { address: tasks, abi: tasksAbi, functionName: 'extendDeadline', args: [taskId, 2n ** 64n - 1n] }),
      'Overflow',
    )
  })

  it('PartialRewardAboveFullReward', async () => {
    const { taskId } = await takenTask()
    await expectRevert(tx.partialPayment(taskId, [parseEther('1.1'), 0n], [0n, 0n, 0n]), 'PartialRewardAboveFullReward')
    await expectRevert(tx.partialPayment(taskId, [0n, 0n], [0n, parseEther('101'), 0n]), 'PartialRewardAboveFullReward')
  })

  it('NativeTransferFailed: a reward recipient that refuses ETH', async () => {
    const { taskId } = await createTask({ value: 10n })
    // The OPEN token contract has no receive function.
    await tx.apply(taskId, [{ to: open, amount: 10n }], [])
    await tx.accept(taskId, [0])
    await tx.take(taskId, 0)
    await tx.submit(taskId)
    await expectRevert(tx.review(taskId, 0, Judgement.Accepted), 'NativeTransferFailed')
  })

  it('SafeERC20FailedOperation: a budget token whose transferFrom returns false', async () => {
    const falseToken = '0x00000000000000000000000000000000000f41fe' as Address
    // Runtime code that answers every call with 32 zero bytes: balanceOf → 0, transferFrom → false.
    await testClient.setCode({ address: falseToken, bytecode: '0x60206000f3' })
    const args = await expectRevert(createTask({ budget: [{ tokenContract: falseToken, amount: 1n }] }), 'SafeERC20FailedOperation')
    expect(args).toEqual([getAddress(falseToken)])
  })

  // Errors of the reference ABI that no code path of this contract can raise. They stay declared
  // so the ABI matches Openmesh's (and a client decoding either contract knows them).
  const unreachable: Record<string, string> = {
    NotEnoughNativeCurrencyAttached:
      'declared but never raised by the deployed contract either (left from an earlier budget-increase flow); native budget only grows by msg.value, which cannot be "not enough"',
    ManualBudgetIncreaseNeeded:
      'declared but never raised by the deployed contract either (left from an earlier auto-budget-increase flow); budgets grow only through increaseBudget',
    ERC1167FailedCreateClone:
      'an OpenZeppelin 5.0 Clones error: creating a 45-byte clone cannot fail short of running out of gas, and OpenZeppelin 5.7 names it FailedDeployment',
    AddressEmptyCode: 'an OpenZeppelin 5.0 Address error; the Address library is not used by Tasks',
    AddressInsufficientBalance: 'an OpenZeppelin 5.0 Address error; the Address library is not used by Tasks',
    FailedInnerCall: 'an OpenZeppelin 5.0 Address error; the Address library is not used by Tasks',
  }

  it('every reference error is either triggered above or listed as unreachable with a reason', async () => {
    const reference = JSON.parse(
      await import('node:fs').then((fs) => fs.readFileSync('contracts/reference-abi/Tasks.abi.json', 'utf8')),
    ) as { type: string; name?: string }[]
    const triggered = [
      'TaskDoesNotExist', 'TaskNotOpen', 'TaskNotTaken', 'TaskNotClosed', 'TaskClosed', 'NotManager', 'NotExecutor',
      'NotDisputeManager', 'RewardAboveBudget', 'RewardDoesntEndWithNextToken', 'ApplicationDoesNotExist',
      'NotYourApplication', 'ApplicationNotAccepted', 'SubmissionDoesNotExist', 'SubmissionAlreadyJudged',
      'JudgementNone', 'RequestDoesNotExist', 'RequestAlreadyAccepted', 'RequestNotAccepted', 'RequestAlreadyExecuted',
      'Overflow', 'PartialRewardAboveFullReward', 'NativeTransferFailed', 'SafeERC20FailedOperation',
    ]
    const referenceErrors = reference.filter((i) => i.type === 'error').map((i) => i.name!)
    expect([...triggered, ...Object.keys(unreachable)].sort()).toEqual([...referenceErrors].sort())
    for (const name of referenceErrors) expect(tasksAbi.some((i) => i.type === 'error' && i.name === name)).toBe(true)
  })
})
