import { getAddress, maxUint256, parseEther, parseUnits, type Address } from 'viem'
import { beforeAll, describe, expect, it } from 'vitest'
import { devnetUSDCAbi, openTokenAbi, rfpEscrowAbi, rfpsAbi, tasksAbi } from '../contracts-abi'
import { events, expectRevert, useDeployedPortal, type Wallet } from './test-utils'
import { withAllErrors } from './topology-helpers'

// RFPs against a real anvil: the budget goes into a per-RFP escrow, anyone proposes projects until
// the deadline, the manager accepts one and the escrow creates the task (with the project's
// metadata and deadline, the RFP's task and dispute managers, the representative preapproved, so
// the escrow is the task's creator and ProjectAccepted carries the task id), and emptyRFP returns
// what is left to the creator.

const chain = await useDeployedPortal()
const { wallets, write, read, topology, publicClient, increaseTime, now, impersonate } = chain
const rfps = topology.rfps.address
const tasks = topology.tasks.address
const open = topology.openToken.address
const usdc = topology.usdc.address
const tasksManager = topology.departments.coreMember.smartAccount.address
const disputeManager = topology.departments.dispute.smartAccount.address
const [deployer, creator, manager, representative, stranger] = wallets as [Wallet, Wallet, Wallet, Wallet, Wallet]
const payee = getAddress('0x000000000000000000000000000000000000beef')
const abi = withAllErrors(rfpsAbi)
const DAY = 86_400n

type Rfp = {
  metadata: string
  deadline: bigint
  escrow: Address
  creator: Address
  tasksManager: Address
  disputeManager: Address
  manager: Address
  budget: Address[]
  projects: { metadata: string; representative: Address; deadline: bigint; accepted: boolean; nativeReward: unknown[]; reward: unknown[] }[]
}
const getRfp = (rfpId: bigint) => read<Rfp>({ address: rfps, abi: rfpsAbi, functionName: 'getRFP', args: [rfpId] })
const balance = (token: Address, who: Address) => read<bigint>({ address: token, abi: openTokenAbi, functionName: 'balanceOf', args: [who] })

async function createRfp(options: { value?: bigint; deadline?: bigint } = {}) {
  const deadline = options.deadline ?? (await now()) + 30n * DAY
  const { result, receipt } = await write(creator, {
    address: rfps,
    abi,
    functionName: 'createRFP',
    args: [
      'ipfs://bafkreirfp',
      deadline,
      [
        { tokenContract: open, amount: parseEther('1000') },
        { tokenContract: usdc, amount: parseUnits('500', 6) },
      ],
      tasksManager,
      disputeManager,
      manager.account.address,
    ],
    value: options.value ?? parseEther('2'),
  })
  const rfpId = result as bigint
  return { rfpId, receipt, escrow: (await getRfp(rfpId)).escrow, deadline }
}

async function submitProject(rfpId: bigint, deadline?: bigint) {
  const projectDeadline = deadline ?? (await now()) + 60n * DAY
  const { result, receipt } = await write(representative, {
    address: rfps,
    abi,
    functionName: 'submitProject',
    args: [
      rfpId,
      'ipfs://bafkreiproject',
      projectDeadline,
      [{ to: representative.account.address, amount: parseEther('1') }],
      [
        { nextToken: false, to: representative.account.address, amount: parseEther('300') },
        { nextToken: true, to: payee, amount: parseEther('100') },
        { nextToken: true, to: representative.account.address, amount: parseUnits('200', 6) },
      ],
    ],
  })
  return { projectId: result as number, receipt, projectDeadline }
}

beforeAll(async () => {
  for (const [token, tokenAbi, amount] of [
    [open, openTokenAbi, parseEther('10000')],
    [usdc, devnetUSDCAbi, parseUnits('10000', 6)],
  ] as const) {
    await write(deployer, { address: token, abi: tokenAbi, functionName: 'transfer', args: [creator.account.address, amount] })
    await write(creator, { address: token, abi: tokenAbi, functionName: 'approve', args: [rfps, maxUint256] })
  }
})
chain.isolateEachTest()

describe('RFPs', () => {
  it('escrows the budget in a clone of its own per RFP', async () => {
    const { rfpId, receipt, escrow, deadline } = await createRfp()
    expect(rfpId).toBe(0n)
    expect(events(rfpsAbi, receipt)).toMatchObject([
      {
        eventName: 'RFPCreated',
        args: {
          rfpId: 0n, metadata: 'ipfs://bafkreirfp', deadline, nativeBudget: parseEther('2'),
          budget: [{ tokenContract: open, amount: parseEther('1000') }, { tokenContract: usdc, amount: parseUnits('500', 6) }],
          creator: creator.account.address, tasksManager, disputeManager, manager: manager.account.address, escrow,
        },
      },
    ])
    expect(await publicClient.getBalance({ address: escrow })).toBe(parseEther('2'))
    expect(await balance(open, escrow)).toBe(parseEther('1000'))
    expect(await balance(usdc, escrow)).toBe(parseUnits('500', 6))
    const implementation = await read<Address>({ address: rfps, abi: rfpsAbi, functionName: 'escrowImplementation' })
    expect(await publicClient.getCode({ address: escrow })).toBe(`0x363d3d373d3d3d363d73${implementation.slice(2).toLowerCase()}5af43d82803e903d91602b57fd5bf3`)
    expect(await getRfp(rfpId)).toMatchObject({ creator: creator.account.address, budget: [open, usdc], projects: [] })
    expect(await read({ address: rfps, abi: rfpsAbi, functionName: 'rfpCount' })).toBe(1n)
    // Only RFPs moves the escrow's funds.
    await expectRevert(write(stranger, { address: escrow, abi: rfpEscrowAbi, functionName: 'transferNative', args: [stranger.account.address, 1n] }), 'NotOwner')
  })

  it('takes projects until its deadline; a reward list must end with nextToken', async () => {
    const { rfpId, deadline } = await createRfp()
    const { projectId, receipt, projectDeadline } = await submitProject(rfpId)
    expect(projectId).toBe(0)
    expect(events(rfpsAbi, receipt)).toMatchObject([
      { eventName: 'ProjectSubmitted', args: { rfpId, projectId: 0, metadata: 'ipfs://bafkreiproject', representative: representative.account.address, deadline: projectDeadline } },
    ])
    await expectRevert(
      write(representative, {
        address: rfps, abi, functionName: 'submitProject',
        args: [rfpId, 'ipfs://x', deadline, [], [{ nextToken: false, to: payee, amount: 1n }]],
      }),
      'RewardDoesntEndWithNextToken',
    )
    await expectRevert(write(representative, { address: rfps, abi, functionName: 'submitProject', args: [7n, 'ipfs://x', deadline, [], []] }), 'RFPDoesNotExist')
    await increaseTime(Number(deadline - (await now())))
    await expectRevert(submitProject(rfpId), 'RFPClosed')
  })

  it('accepting a project makes the RFP’s escrow create the task, with the granted amounts', async () => {
    const { rfpId, escrow } = await createRfp()
    const { projectId, projectDeadline } = await submitProject(rfpId)
    const taskId = await read<bigint>({ address: tasks, abi: tasksAbi, functionName: 'taskCount' })
    const accept = (wallet: Wallet, id = projectId) =>
      write(wallet, {
        address: rfps, abi, functionName: 'acceptProject',
        // The manager grants a little less OPEN to the representative than asked.
        args: [rfpId, id, [parseEther('1')], [parseEther('250'), parseEther('100'), parseUnits('200', 6)]],
      })
    await expectRevert(accept(stranger), 'NotManager')
    await expectRevert(accept(manager, 9), 'ProjectDoesNotExist')
    const { receipt } = await accept(manager)
    expect(events(rfpsAbi, receipt).at(-1)).toMatchObject({
      eventName: 'ProjectAccepted',
      args: { rfpId, projectId, nativeReward: [parseEther('1')], reward: [parseEther('250'), parseEther('100'), parseUnits('200', 6)], taskId },
    })
    expect(events(tasksAbi, receipt).map((e) => e.eventName)).toEqual(['TaskCreated', 'ApplicationCreated', 'ApplicationAccepted'])
    const task = await read<{ metadata: string; deadline: bigint; manager: Address; disputeManager: Address; creator: Address; nativeBudget: bigint; budget: unknown[]; applications: { applicant: Address; accepted: boolean; reward: unknown[] }[] }>(
      { address: tasks, abi: tasksAbi, functionName: 'getTask', args: [taskId] },
    )
    expect(task).toMatchObject({
      metadata: 'ipfs://bafkreiproject', deadline: projectDeadline, manager: tasksManager, disputeManager, creator: escrow, nativeBudget: parseEther('1'),
      budget: [{ tokenContract: open, amount: parseEther('350') }, { tokenContract: usdc, amount: parseUnits('200', 6) }],
    })
    expect(task.applications).toMatchObject([
      {
        applicant: representative.account.address, accepted: true,
        reward: [
          { nextToken: false, to: representative.account.address, amount: parseEther('250') },
          { nextToken: true, to: payee, amount: parseEther('100') },
          { nextToken: true, to: representative.account.address, amount: parseUnits('200', 6) },
        ],
      },
    ])
    expect(await publicClient.getBalance({ address: escrow })).toBe(parseEther('1'))
    expect(await balance(open, escrow)).toBe(parseEther('650'))
    expect((await getRfp(rfpId)).projects[0]!.accepted).toBe(true)
    await expectRevert(accept(manager), 'ProjectAlreadyAccepted')
  })

  it('a task refund flows back to the RFP’s escrow, its creator', async () => {
    const { rfpId, escrow } = await createRfp()
    const { projectId } = await submitProject(rfpId)
    const taskId = await read<bigint>({ address: tasks, abi: tasksAbi, functionName: 'taskCount' })
    await write(manager, { address: rfps, abi, functionName: 'acceptProject', args: [rfpId, projectId, [parseEther('1')], [parseEther('300'), parseEther('100'), parseUnits('200', 6)]] })
    const asTasksManager = await impersonate(tasksManager)
    await write(asTasksManager, { address: tasks, abi: withAllErrors(tasksAbi), functionName: 'cancelTask', args: [taskId, 'ipfs://bafkreicancel'] })
    expect(await publicClient.getBalance({ address: escrow })).toBe(parseEther('2'))
    expect(await balance(open, escrow)).toBe(parseEther('1000'))
  })

  it('the escrow cannot fund more than it holds', async () => {
    const { rfpId } = await createRfp({ value: parseEther('0.5') })
    const { projectId } = await submitProject(rfpId)
    const args = await expectRevert(
      write(manager, { address: rfps, abi, functionName: 'acceptProject', args: [rfpId, projectId, [parseEther('1')], [1n, 1n, 1n]] }),
      'InsufficientNativeBudget',
    )
    expect(args).toEqual([parseEther('0.5'), parseEther('1')])
  })

  it('anyone may top the escrow up; emptyRFP (manager only) returns everything to the creator', async () => {
    const { rfpId, escrow } = await createRfp()
    await stranger.sendTransaction({ to: escrow, value: parseEther('1') })
    await write(deployer, { address: open, abi: openTokenAbi, functionName: 'transfer', args: [escrow, parseEther('5')] })
    await expectRevert(write(stranger, { address: rfps, abi, functionName: 'emptyRFP', args: [rfpId] }), 'NotManager')
    const ethBefore = await publicClient.getBalance({ address: creator.account.address })
    const openBefore = await balance(open, creator.account.address)
    const { receipt } = await write(manager, { address: rfps, abi, functionName: 'emptyRFP', args: [rfpId] })
    expect(events(rfpsAbi, receipt)).toMatchObject([{ eventName: 'RFPEmptied', args: { rfpId } }])
    expect((await publicClient.getBalance({ address: creator.account.address })) - ethBefore).toBe(parseEther('3'))
    expect((await balance(open, creator.account.address)) - openBefore).toBe(parseEther('1005'))
    expect(await balance(usdc, escrow)).toBe(0n)
  })

  it('returns funds sent to the contract itself only to the Openmesh admin’s order', async () => {
    await stranger.sendTransaction({ to: rfps, value: 9n })
    await expectRevert(write(stranger, { address: rfps, abi, functionName: 'rescueNative', args: [stranger.account.address, 9n] }), 'NotManager')
    const admin = await impersonate(await read<Address>({ address: rfps, abi: rfpsAbi, functionName: 'owner' }))
    await write(admin, { address: rfps, abi, functionName: 'rescueNative', args: [payee, 9n] })
    expect(await publicClient.getBalance({ address: payee })).toBe(9n)
    expect(await read({ address: rfps, abi: rfpsAbi, functionName: 'getRFPs', args: [[]] })).toEqual([])
  })
})
