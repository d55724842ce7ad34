import { CID } from 'multiformats/cid'
import * as raw from 'multiformats/codecs/raw'
import { sha256 } from 'multiformats/hashes/sha2'
import { createPublicClient, hexToString, http, maxUint64, parseEther, type Abi, type Address, type Hex } from 'viem'
import { describe, expect, it } from 'vitest'
import {
  openTokenAbi,
  optimisticActionsAbi,
  pessimisticActionsAbi,
  rfpsAbi,
  tagVotingAbi,
  taskDisputesAbi,
  tasksAbi,
  tokenVotingAbi,
  verifiedContributorAbi,
  verifiedContributorTagManagerAbi,
} from '../contracts-abi'
import { getContent } from '../db/content-store'
import { useAnvil, useTempDatabase } from '../test/setup'
import { devnetAccounts } from './accounts'
import { deployPortal } from './deploy'
import { seedDemoWorld } from './seed'
import { departmentOptimisticSpecs, departmentProposals, draftSpecs, genesisMembers, membershipProposal, type DepartmentKey } from './world/specs/departments'
import { optimisticSpecs, proposalSpecs } from './world/specs/governance'
import { rfpSpecs } from './world/specs/rfps'
import { taskSpecs } from './world/specs/tasks'

// The seeded devnet world as the portal will show it, read back from the chain: every state of
// every contract exists, reached through the frontends' call paths, and every metadata URI is a
// raw CIDv1 whose document the local content store holds, in the frontends' shape.

const anvil = await useAnvil()
const { db } = useTempDatabase()
const deployment = await deployPortal({ rpcUrl: anvil.rpcUrl })
const summary = await seedDemoWorld({ rpcUrl: anvil.rpcUrl, deployment, db })
const client = createPublicClient({ transport: http(anvil.rpcUrl) })
const t = deployment.topology
const address = (i: number) => devnetAccounts[i]!.address
const read = <T>(address: Address, abi: Abi, functionName: string, args: readonly unknown[] = []) =>
  client.readContract({ address, abi, functionName, args } as never) as Promise<T>
const events = (address: Address, abi: Abi, eventName: string) =>
  client.getContractEvents({ address, abi, eventName, fromBlock: 0n } as never) as Promise<{ args: Record<string, unknown>; transactionHash: Hex }[]>

type Task = {
  metadata: string
  state: number
  deadline: bigint
  creator: Address
  manager: Address
  disputeManager: Address
  applications: { applicant: Address; accepted: boolean; metadata: string }[]
  submissions: { judgement: number; metadata: string; feedback: string }[]
  cancelTaskRequests: { request: { accepted: boolean; executed: boolean } }[]
}
const taskCount = Number(await read<bigint>(t.tasks.address, tasksAbi, 'taskCount'))
const tasks = await read<Task[]>(t.tasks.address, tasksAbi, 'getTasks', [Array.from({ length: taskCount }, (_, i) => BigInt(i))])

/** The document behind an ipfs:// URI: a raw CIDv1 of exactly the stored bytes, compact JSON. */
async function documentAt(uri: string): Promise<Record<string, unknown>> {
  expect(uri).toMatch(/^ipfs:\/\/bafkrei[a-z2-7]{52}$/)
  const cid = uri.slice('ipfs://'.length)
  const content = getContent(db, cid)
  expect(content, uri).toBeDefined()
  expect(CID.create(1, raw.code, await sha256.digest(content!.bytes)).toString()).toBe(cid)
  const doc = JSON.parse(content!.bytes.toString('utf8')) as Record<string, unknown>
  expect(JSON.stringify(doc)).toBe(content!.bytes.toString('utf8'))
  return doc
}
const titleOf = async (task: Task) => (await documentAt(task.metadata)).title as string
const taskTitled = async (title: string) => {
  for (const task of tasks) if ((await titleOf(task)) === title) return task
  throw new Error(`no task "${title}"`)
}

describe('seedDemoWorld', () => {
  it('reports what it seeded', () => {
    expect(summary).toMatchObject({
      contributors: 10,
      proposals: { tokenVoting: 7, tagVoting: departmentProposals.length + 1 },
      optimisticActions: { openmeshDao: 4, departments: 4 },
      disputes: 4,
      drafts: 2,
      rfps: 3,
    })
    // The portal's own tasks, the department tasks (membership, audit, approved draft, optimistic bounty) and two from RFPs.
    expect(summary.tasks).toBe(taskSpecs.length + 4 + 2)
    expect(summary.tasksByState.open + summary.tasksByState.taken + summary.tasksByState.closed).toBe(summary.tasks)
  })

  it('puts tasks in every state, with the matching applications, submissions and requests', async () => {
    const now = (await client.getBlock()).timestamp
    const specs = await Promise.all(tasks.map(async (task) => {
      const title = await titleOf(task)
      return { task, spec: taskSpecs.find((s) => s.title === title) }
    }))
    const own = specs.filter((s) => s.spec)
    expect(own).toHaveLength(taskSpecs.length)
    const all = (scenario: string, check: (t: Task) => boolean) => {
      const matching = own.filter((s) => s.spec!.scenario === scenario)
      expect(matching.length, scenario).toBeGreaterThan(0)
      for (const { task } of matching) expect(check(task), scenario).toBe(true)
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
    all('disputed', (t) => t.submissions.length === 1 && t.submissions[0]!.judgement === 0)
    all('partially-paid', (t) => t.state === 1)
    // Every task goes to the Dispute department in a dispute, as the frontends only offer it.
    for (const task of tasks) expect(task.disputeManager).toBe(t.departments.dispute.smartAccount.address)

    // Documents as the openrd-frontend writes them: its key order, rich text as HTML.
    for (const { task, spec } of own) {
      const doc = await documentAt(task.metadata)
      expect(Object.keys(doc).slice(0, 7)).toEqual(['title', 'tags', 'projectSize', 'teamSize', 'description', 'resources', 'links'])
      expect(doc.description).toMatch(/^<p>.*<h2>Deliverables<\/h2>\n<ul>\n<li>/s)
      expect(doc.requiredCourse).toBe(spec!.requiredCourse)
      for (const application of task.applications.filter((a) => a.metadata)) {
        expect(Object.keys(await documentAt(application.metadata))).toEqual(['teamSize', 'plan', 'background'])
      }
      for (const submission of task.submissions) {
        expect((await documentAt(submission.metadata)).explanation).toMatch(/^<p>/)
        if (submission.judgement !== 0) expect(Object.keys(await documentAt(submission.feedback))).toEqual(['feedback'])
      }
    }
  })

  it('has disputes opened through TaskDisputes, one resolved by the Dispute department’s vote', async () => {
    const disputeAccount = t.departments.dispute.smartAccount.address
    const links = await events(t.taskDisputes.address, taskDisputesAbi, 'TrustlessActionCreated')
    expect(links.map((l) => l.args.dao)).toEqual(Array(4).fill(disputeAccount))
    const disputed = taskSpecs.filter((s) => s.dispute)
    for (const [id, spec] of disputed.entries()) {
      const action = await read<{ executed: boolean; actions: unknown[] }>(t.pessimisticActions.address, pessimisticActionsAbi, 'getAction', [disputeAccount, id])
      const task = await taskTitled(spec.title)
      expect(action.executed, spec.dispute!.outcome).toBe(spec.dispute!.outcome === 'resolved')
      expect(task.state, spec.dispute!.outcome).toBe(spec.dispute!.outcome === 'resolved' ? 2 : 1)
    }
    const created = await events(t.pessimisticActions.address, pessimisticActionsAbi, 'ActionCreated')
    const disputeDocs = created.filter((e) => e.args.dao === disputeAccount)
    for (const event of disputeDocs) expect(Object.keys(await documentAt(event.args.metadata as string))).toEqual(['title', 'summary', 'body'])
    const completed = await events(t.tasks.address, tasksAbi, 'TaskCompleted')
    expect(completed.filter((e) => e.args.source === 1)).toHaveLength(1)
  })

  it('has task drafts: one approved by a CoreMember vote into a task, one pending', async () => {
    const account = t.departments.coreMember.smartAccount.address
    const approved = await read<{ executed: boolean }>(t.pessimisticActions.address, pessimisticActionsAbi, 'getAction', [account, 0])
    const pending = await read<{ executed: boolean }>(t.pessimisticActions.address, pessimisticActionsAbi, 'getAction', [account, 1])
    expect([approved.executed, pending.executed]).toEqual([true, false])
    const draftTask = await taskTitled(draftSpecs[0]!.task.title)
    expect(draftTask).toMatchObject({ creator: account, manager: account, state: 0 })
    await expect(taskTitled(draftSpecs[1]!.task.title)).rejects.toThrow()
  })

  it('has founding members with delegated votes, one added optimistically who delegated to Bruno', async () => {
    const votes = (i: number) => read<bigint>(t.verifiedContributor.address, verifiedContributorAbi, 'getVotes', [address(i)])
    for (const i of [0, 2, 3, 4]) expect(await votes(i)).toBe(1n)
    expect(await votes(1)).toBe(2n)
    for (const i of [5, 6, 7, 8, 9]) expect(await votes(i)).toBe(0n)
    expect(await read(t.verifiedContributor.address, verifiedContributorAbi, 'balanceOf', [address(5)])).toBe(1n)
  })

  it('has department members with tags, Chen added to CoreMember by the membership vote', async () => {
    const hasTag = (i: number, key: DepartmentKey) => read<boolean>(t.tagManager.address, verifiedContributorTagManagerAbi, 'hasTag', [address(i), t.departments[key].tag])
    for (const [key, members] of Object.entries(genesisMembers) as [DepartmentKey, number[]][]) {
      for (let i = 0; i < 10; i++) expect(await hasTag(i, key), `${i} ${key}`).toBe(members.includes(i) || (key === 'coreMember' && i === 2))
    }
    const salary = await taskTitled(`Department Membership of ${address(2)}`)
    expect(salary).toMatchObject({ manager: t.departments.coreMember.smartAccount.address, applications: [{ applicant: address(2), accepted: true }] })
    expect(await documentAt(salary.metadata)).toEqual({
      title: `Department Membership of ${address(2)}`,
      tags: [{ tag: 'Department Task' }],
      description: '<p>Salary of a COREMEMBER department member for 60 days.</p>',
    })
  })

  type ProposalState = { open: boolean; executed: boolean; canExecute: boolean }
  const stateOf = async (voting: Address, abi: Abi, id: number): Promise<ProposalState> => {
    const [open, executed] = await read<[boolean, boolean]>(voting, abi, 'getProposal', [BigInt(id)])
    return { open, executed, canExecute: await read<boolean>(voting, abi, 'canExecute', [BigInt(id)]) }
  }
  const expected: Record<string, ProposalState> = {
    'executed-early': { open: false, executed: true, canExecute: false },
    executed: { open: false, executed: true, canExecute: false },
    passed: { open: false, executed: false, canExecute: true },
    failed: { open: false, executed: false, canExecute: false },
    defeated: { open: false, executed: false, canExecute: false },
    active: { open: true, executed: false, canExecute: false },
  }

  it('has TokenVoting proposals executed, passed, failed and active, their metadata the UTF-8 bytes of an ipfs:// URI', async () => {
    const voting = t.tokenVoting.address
    // Ids in creation order: the past ones first, the active ones last.
    const ordered = [...proposalSpecs.filter((p) => p.outcome !== 'active'), ...proposalSpecs.filter((p) => p.outcome === 'active')]
    for (const [id, spec] of ordered.entries()) expect(await stateOf(voting, tokenVotingAbi, id), spec.title).toEqual(expected[spec.outcome])
    const created = await events(voting, tokenVotingAbi, 'ProposalCreated')
    expect(created).toHaveLength(7)
    for (const event of created) expect(Object.keys(await documentAt(hexToString(event.args.metadata as Hex)))).toEqual(['title', 'summary'])
    // The executed proposals moved the treasury: 25 ETH in, 2 to Bruno and 3 to CoreMember out; 100,000 OPEN in, 5,000 out.
    expect(await client.getBalance({ address: t.openmeshDao.address })).toBe(parseEther('20'))
    expect(await read(t.openToken.address, openTokenAbi, 'balanceOf', [t.openmeshDao.address])).toBe(parseEther('95000'))
  })

  it('has TagVoting proposals executed, passed, defeated and active on every department', async () => {
    for (const key of ['dispute', 'coreMember', 'expert'] as const) {
      const voting = t.departments[key].tagVoting.address
      const mine = [membershipProposal, ...departmentProposals].filter((p) => p.department === key)
      const ordered = [...mine.filter((p) => p.outcome !== 'active'), ...mine.filter((p) => p.outcome === 'active')]
      expect(new Set(ordered.map((p) => p.outcome)), key).toEqual(new Set(['executed', 'passed', 'defeated', 'active']))
      for (const [id, spec] of ordered.entries()) expect(await stateOf(voting, tagVotingAbi, id), `${key}: ${spec.title}`).toEqual(expected[spec.outcome])
      for (const event of await events(voting, tagVotingAbi, 'ProposalCreated')) {
        expect((await documentAt(hexToString(event.args.metadata as Hex))).summary).toMatch(/^<p>/)
      }
    }
  })

  it('has optimistic actions on the Openmesh DAO and on CoreMember, executed, rejected with an ipfs:// reason, executable and pending', async () => {
    const now = (await client.getBlock()).timestamp
    for (const [dao, specs] of [
      [t.openmeshDao.address, optimisticSpecs],
      [t.departments.coreMember.smartAccount.address, departmentOptimisticSpecs],
    ] as const) {
      // Ids in creation order: the pending one last.
      const ordered = [...specs.filter((s) => s.outcome !== 'pending'), ...specs.filter((s) => s.outcome === 'pending')]
      for (const [id, spec] of ordered.entries()) {
        const { executed } = await read<{ executed: boolean }>(t.optimisticActions.address, optimisticActionsAbi, 'getAction', [dao, id])
        const { executableFrom } = await read<{ executableFrom: bigint }>(t.optimisticActions.address, optimisticActionsAbi, 'getOptimisticAction', [dao, id])
        const state = executed ? 'executed' : executableFrom === maxUint64 ? 'rejected' : executableFrom <= now ? 'ready' : 'pending'
        expect(state, spec.title).toBe(spec.outcome)
      }
      const rejections = (await events(t.optimisticActions.address, optimisticActionsAbi, 'OptimisticActionRejected')).filter((e) => e.args.dao === dao)
      expect(rejections).toHaveLength(1)
      expect(Object.keys(await documentAt(rejections[0]!.args.metadata as string))).toEqual(['reason'])
      const created = (await events(t.optimisticActions.address, optimisticActionsAbi, 'ActionCreated')).filter((e) => e.args.dao === dao)
      for (const event of created) expect(Object.keys(await documentAt(event.args.metadata as string))).toEqual(['title', 'summary'])
    }
    // The executed ones ran: Freya holds her OVC, the department's bounty task exists.
    const freya = optimisticSpecs.find((s) => s.outcome === 'executed')!
    expect(await read(t.verifiedContributor.address, verifiedContributorAbi, 'ownerOf', [freya.tokenId])).toBe(address(5))
    const bounty = await taskTitled(departmentOptimisticSpecs.find((s) => s.outcome === 'executed')!.task.title)
    expect(bounty.creator).toBe(t.departments.coreMember.smartAccount.address)
  })

  it('has RFPs open with projects, a project accepted into a task, and one emptied', async () => {
    type Rfp = { metadata: string; escrow: Address; projects: { metadata: string; accepted: boolean; representative: Address }[] }
    const rfps = await Promise.all(rfpSpecs.map((_, id) => read<Rfp>(t.rfps.address, rfpsAbi, 'getRFP', [BigInt(id)])))
    for (const [id, spec] of rfpSpecs.entries()) {
      const rfp = rfps[id]!
      expect(Object.keys(await documentAt(rfp.metadata))).toEqual(['title', 'tags', 'maxProjectFunding', 'maxAwardedProjects', 'description', 'projectRequirements', 'links'])
      expect(rfp.projects.map((p) => p.accepted)).toEqual(spec.projects.map((p) => p.outcome !== 'submitted'))
    }
    const accepted = await events(t.rfps.address, rfpsAbi, 'ProjectAccepted')
    expect(accepted).toHaveLength(2)
    for (const event of accepted) {
      const task = tasks[Number(event.args.taskId)]!
      const rfp = rfps[Number(event.args.rfpId)]!
      // The task has the project's metadata and the RFP's escrow as its creator.
      expect(task.metadata).toBe(rfp.projects[Number(event.args.projectId)]!.metadata)
      expect(task.creator).toBe(rfp.escrow)
    }
    expect(tasks[Number(accepted[0]!.args.taskId)]!.state).toBe(1)
    const emptied = rfpSpecs.findIndex((s) => s.outcome === 'emptied')
    expect((await events(t.rfps.address, rfpsAbi, 'RFPEmptied')).map((e) => Number(e.args.rfpId))).toEqual([emptied])
    expect(await client.getBalance({ address: rfps[emptied]!.escrow })).toBe(0n)
  })
})
