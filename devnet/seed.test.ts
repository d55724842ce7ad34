import { createPublicClient, hexToString, http, parseEther, type Address, type Hex } from 'viem'
import { describe, expect, it } from 'vitest'
import {
  daoAbi,
  openTokenAbi,
  optimisticActionsAbi,
  tasksAbi,
  tokenVotingAbi,
  verifiedContributorAbi,
} from '../contracts-abi'
import { getContent } from '../db/content-store'
import { useAnvil, useTempDatabase } from '../test/setup'
import { devnetAccounts } from './accounts'
import { deployPortal } from './deploy'
import { seedDemoWorld } from './seed'
import { optimisticSpecs, proposalSpecs } from './world/governance'
import { taskSpecs } from './world/tasks'

// The seeded devnet world as the portal will show it: every task, proposal and optimistic-action
// state exists on chain, and every metadata URI resolves in the local content store.

const anvil = await useAnvil()
const { db } = useTempDatabase()
const deployment = await deployPortal({ rpcUrl: anvil.rpcUrl })
const summary = await seedDemoWorld({ rpcUrl: anvil.rpcUrl, deployment, db })
const client = createPublicClient({ transport: http(anvil.rpcUrl) })
const c = deployment.contracts
const address = (i: number) => devnetAccounts[i]!.address

type Task = {
  metadata: string
  state: number
  deadline: bigint
  applications: { accepted: boolean; metadata: string }[]
  submissions: { judgement: number; metadata: string; feedback: string }[]
  cancelTaskRequests: { request: { accepted: boolean; executed: boolean } }[]
}

function documentAt(uri: string): Record<string, unknown> {
  expect(uri).toMatch(/^ipfs:\/\/b[a-z2-7]+$/)
  const content = getContent(db, uri.slice('ipfs://'.length))
  expect(content, uri).toBeDefined()
  return JSON.parse(content!.bytes.toString('utf8')) as Record<string, unknown>
}

describe('seedDemoWorld', () => {
  it('reports what it seeded', () => {
    expect(summary).toMatchObject({ contributors: 10, members: 6, tasks: taskSpecs.length, proposals: 7, optimisticActions: 4 })
    expect(summary.tasks).toBeGreaterThanOrEqual(25)
  })

  it('puts tasks in every state, with the matching applications, submissions and requests', async () => {
    const ids = taskSpecs.map((_, i) => BigInt(i))
    const tasks = (await client.readContract({ address: c.tasks.address, abi: tasksAbi, functionName: 'getTasks', args: [ids] })) as unknown as Task[]
    const now = (await client.getBlock()).timestamp
    // Task ids follow seeding order (recent tasks last), so find each task's spec by its title.
    const specOf = (task: Task) => taskSpecs.find((s) => s.title === documentAt(task.metadata).title)!
    expect(new Set(tasks.map((t) => specOf(t).title)).size).toBe(taskSpecs.length)
    const byScenario = (scenario: string) => tasks.filter((t) => specOf(t).scenario === scenario)
    const all = (scenario: string, check: (t: Task) => boolean) => {
      const matching = byScenario(scenario)
      expect(matching.length, scenario).toBeGreaterThan(0)
      for (const task of matching) expect(check(task), scenario).toBe(true)
    }
    all('open', (t) => t.state === 0 && t.applications.length === 0)
    all('applied', (t) => t.state === 0 && t.applications.length >= 1 && t.applications.every((a) => !a.accepted))
    all('accepted', (t) => t.state === 0 && t.applications[0]!.accepted)
    all('preapproved', (t) => t.state === 0 && t.applications[0]!.accepted && t.applications[0]!.metadata === '')
    all('taken', (t) => t.state === 1 && t.submissions.length === 0 && t.deadline > now)
    all('overdue', (t) => t.state === 1 && t.deadline < now)
    all('submitted', (t) => t.state === 1 && t.submissions.length === 1 && t.submissions[0]!.judgement === 0)
    all('resubmitted', (t) => t.state === 1 && t.submissions.map((s) => s.judgement).join() === '2,0')
    all('completed', (t) => t.state === 2 && t.submissions[0]!.judgement === 1)
    all('cancelled', (t) => t.state === 2 && t.submissions.length === 0)
    all('cancel-requested', (t) => t.state === 1 && t.cancelTaskRequests.length === 1 && !t.cancelTaskRequests[0]!.request.accepted)
    all('cancel-executed', (t) => t.state === 2 && t.cancelTaskRequests[0]!.request.executed)
    all('disputed', (t) => t.state === 2 && t.submissions[0]!.judgement === 0)
    all('partially-paid', (t) => t.state === 1)
    expect(new Set(tasks.map((t) => t.state))).toEqual(new Set([0, 1, 2]))

    // Budgets in ETH and in OPEN, and real documents behind every URI.
    expect(taskSpecs.some((s) => s.eth && !s.open) && taskSpecs.some((s) => s.open && !s.eth) && taskSpecs.some((s) => s.eth && s.open)).toBe(true)
    for (const task of tasks) {
      const doc = documentAt(task.metadata)
      expect(doc).toMatchObject({ title: expect.any(String), description: expect.stringContaining('## Deliverables') })
      expect((doc.tags as { tag: string }[])[0]).toHaveProperty('tag')
      for (const application of task.applications.filter((a) => a.metadata)) {
        expect(documentAt(application.metadata)).toHaveProperty('plan')
      }
      for (const submission of task.submissions) {
        expect(documentAt(submission.metadata)).toHaveProperty('explanation')
        if (submission.judgement !== 0) expect(documentAt(submission.feedback)).toHaveProperty('feedback')
      }
    }
    expect(taskSpecs.filter((s) => s.requiredCourse).length).toBeGreaterThan(0)
  })

  it('has founding members with delegated votes, plus one added optimistically', async () => {
    const votes = (i: number) =>
      client.readContract({ address: c.verifiedContributor!.address, abi: verifiedContributorAbi, functionName: 'getVotes', args: [address(i)] })
    for (const i of [0, 1, 2, 3, 4, 5]) expect(await votes(i)).toBe(1n)
    for (const i of [6, 7, 8, 9]) expect(await votes(i)).toBe(0n)
  })

  it('has proposals executed, passed, failed and active, with votes and reasons', async () => {
    const voting = c.tokenVoting!.address
    const read = (functionName: string, id: bigint) =>
      client.readContract({ address: voting, abi: tokenVotingAbi, functionName, args: [id] } as never) as Promise<unknown>
    const states = await Promise.all(
      proposalSpecs.map(async (spec, i) => {
        const [open, executed] = (await read('getProposal', BigInt(i))) as [boolean, boolean]
        const canExecute = (await read('canExecute', BigInt(i))) as boolean
        return { outcome: spec.outcome, open, executed, canExecute }
      }),
    )
    for (const s of states) {
      const expected = {
        'executed-early': { open: false, executed: true, canExecute: false },
        executed: { open: false, executed: true, canExecute: false },
        passed: { open: false, executed: false, canExecute: true },
        failed: { open: false, executed: false, canExecute: false },
        active: { open: true, executed: false, canExecute: false },
      }[s.outcome]
      expect({ open: s.open, executed: s.executed, canExecute: s.canExecute }, s.outcome).toEqual(expected)
    }
    const created = await client.getContractEvents({ address: voting, abi: tokenVotingAbi, eventName: 'ProposalCreated', fromBlock: 0n })
    expect(created).toHaveLength(7)
    for (const event of created) {
      const uri = hexToString((event.args as { metadata: Hex }).metadata)
      expect(documentAt(uri)).toHaveProperty('summary')
    }
    const reasons = await client.getContractEvents({ address: voting, abi: tokenVotingAbi, eventName: 'VoteReason', fromBlock: 0n })
    expect(reasons.length).toBeGreaterThanOrEqual(5)

    // The executed proposals moved the treasury: 25 ETH in, 2 ETH out; 100,000 OPEN in, 5,000 out.
    expect(await client.getBalance({ address: c.dao!.address })).toBe(parseEther('23'))
    expect(await client.readContract({ address: c.openToken!.address, abi: openTokenAbi, functionName: 'balanceOf', args: [c.dao!.address] })).toBe(parseEther('95000'))
    const executedEvents = await client.getContractEvents({ address: c.dao!.address, abi: daoAbi, eventName: 'Executed', fromBlock: 0n })
    expect(executedEvents.length).toBe(3)
  })

  it('has optimistic actions executed, rejected, ready and pending', async () => {
    const optimistic = c.optimisticActions!.address
    const tryExecute = (id: number) =>
      client.simulateContract({ address: optimistic, abi: optimisticActionsAbi, functionName: 'executeAction', args: [c.dao!.address, id], account: address(9) })
    const errorOf = (p: Promise<unknown>) => p.then(() => 'ok', (e: { walk: (f: (x: unknown) => boolean) => { data?: { errorName?: string } } | null }) => e.walk((x) => !!(x as { data?: { errorName?: string } }).data?.errorName)?.data?.errorName)
    const outcomes = Object.fromEntries(optimisticSpecs.map((spec, id) => [spec.outcome, id]))
    expect(await errorOf(tryExecute(outcomes.executed!))).toBe('ActionAlreadyExecuted')
    expect(await errorOf(tryExecute(outcomes.rejected!))).toBe('ActionIsRejected')
    expect(await errorOf(tryExecute(outcomes.ready!))).toBe('ok')
    expect(await errorOf(tryExecute(outcomes.pending!))).toBe('OptimisticRequestNotExecutableYet')
    const created = await client.getContractEvents({ address: optimistic, abi: optimisticActionsAbi, eventName: 'ActionCreated', fromBlock: 0n })
    for (const event of created) expect(documentAt((event.args as { metadata: string }).metadata)).toHaveProperty('title')
    const rejected = await client.getContractEvents({ address: optimistic, abi: optimisticActionsAbi, eventName: 'OptimisticActionRejected', fromBlock: 0n })
    expect(documentAt((rejected[0]!.args as { metadata: string }).metadata)).toHaveProperty('reason')
    expect(await client.readContract({ address: c.verifiedContributor!.address, abi: verifiedContributorAbi, functionName: 'ownerOf', args: [6n] })).toBe(address(5) as Address)
  })
})
