import { decodeEventLog, keccak256, parseEther, stringToHex, toHex, type Hex } from 'viem'
import {
  openTokenAbi,
  optimisticActionsAbi,
  tasksAbi,
  tokenVotingAbi,
  verifiedContributorAbi,
} from '#contracts-abi/index'
import type { Deployment } from '#config/deployment'
import { canonicalJsonBytes, cidForBytes } from '#db/content-store'
import { deployPortal } from '#devnet/deploy'
import { assertMined, call, createSender, mine, rpc, type Sender, type Tx } from './chain'

// Deterministic traffic on the real contracts for tests and the benchmark: tasks through their
// whole life (preapproved applicants, applications, acceptance, take, submissions, budget and
// reward increases, partial payments, reviews, cancel requests), OVC members joining, delegating
// and leaving, proposals with actions and votes with reasons, optimistic actions created,
// rejected and executed. Transactions go out in JSON-RPC batches, many per block.

export type World = { rpcUrl: string; deployment: Deployment; deployer: Hex; dao: Hex; sender: Sender; documents: Map<string, unknown> }

const DEPLOYER: Hex = '0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266'

export async function deployWorld(rpcUrl: string): Promise<World> {
  const deployment = await deployPortal({ rpcUrl })
  await rpc(rpcUrl, 'evm_setBlockGasLimit', [toHex(10_000_000_000n)])
  await rpc(rpcUrl, 'anvil_autoImpersonateAccount', [true])
  return {
    rpcUrl,
    deployment,
    deployer: DEPLOYER,
    dao: deployment.contracts.dao!.address.toLowerCase() as Hex,
    sender: createSender(rpcUrl),
    documents: new Map(),
  }
}

/** Sends `txs` and mines them in one block (automine off meanwhile); throws if any reverts. */
export async function inOneBlock(world: World, txs: Tx[]): Promise<void> {
  if (txs.length === 0) return
  await rpc(world.rpcUrl, 'evm_setAutomine', [false])
  try {
    const hashes = await world.sender.send(txs)
    await mine(world.rpcUrl)
    await assertMined(world.rpcUrl, hashes)
  } finally {
    await rpc(world.rpcUrl, 'evm_setAutomine', [true])
  }
}

export function address(label: string): Hex {
  return `0x${keccak256(stringToHex(label)).slice(26)}` as Hex
}

function random(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

async function documentUri(world: World, doc: unknown): Promise<string> {
  const cid = await cidForBytes(canonicalJsonBytes(doc), 'json')
  world.documents.set(cid, doc)
  return `ipfs://${cid}`
}

async function logsOf(world: World, block: 'latest'): Promise<{ address: string; topics: Hex[]; data: Hex }[]> {
  const header = await rpc<{ hash: Hex }>(world.rpcUrl, 'eth_getBlockByNumber', [block, false])
  return rpc(world.rpcUrl, 'eth_getLogs', [{ blockHash: header.hash }])
}

async function fund(world: World, accounts: Hex[]) {
  for (const a of accounts) await rpc(world.rpcUrl, 'anvil_setBalance', [a, toHex(parseEther('1000000'))])
}

export type WorkloadOptions = {
  events: number
  seed?: number
  tasksPerCohort?: number
  members?: number
  /** Share of tasks created with preapproved applicants (1 + 2k events in one transaction). */
  preapprovedShare?: number
  preapprovedCount?: number
}
export type WorkloadResult = { events: number; blocks: number; tasks: number; proposals: number; actions: number }

/** Generates at least `events` indexed events; returns how many were emitted by the portal's contracts. */
export async function generateWorkload(world: World, options: WorkloadOptions): Promise<WorkloadResult> {
  const rand = random(options.seed ?? 1)
  const pick = <T>(items: T[]) => items[Math.floor(rand() * items.length)]!
  const c = world.deployment.contracts
  const tasks = c.tasks.address.toLowerCase() as Hex
  const open = c.openToken!.address.toLowerCase() as Hex
  const ovc = c.verifiedContributor!.address.toLowerCase() as Hex
  const voting = c.tokenVoting!.address.toLowerCase() as Hex
  const optimistic = c.optimisticActions!.address.toLowerCase() as Hex
  const seedTag = options.seed ?? 1
  const managers = Array.from({ length: 5 }, (_, i) => address(`manager-${seedTag}-${i}`))
  const applicants = Array.from({ length: 40 }, (_, i) => address(`applicant-${seedTag}-${i}`))
  const startBlock = Number.parseInt(await rpc<string>(world.rpcUrl, 'eth_blockNumber'), 16)
  let events = 0
  let taskCount = 0
  let proposalCount = 0
  let actionCount = 0
  let tokenSerial = seedTag * 1_000_000

  await fund(world, [...managers, ...applicants, world.dao])
  await inOneBlock(
    world,
    managers.flatMap((m) => [
      { from: world.deployer, to: open, data: call(openTokenAbi, 'transfer', [m, parseEther('100000')]), gas: 100_000n },
      { from: m, to: open, data: call(openTokenAbi, 'approve', [tasks, 2n ** 255n]), gas: 100_000n },
    ]),
  )

  const decodeBlock = async (abi: typeof tasksAbi | typeof tokenVotingAbi | typeof optimisticActionsAbi, name: string) => {
    const out: Record<string, unknown>[] = []
    for (const log of await logsOf(world, 'latest')) {
      try {
        const d = decodeEventLog({ abi, data: log.data, topics: log.topics as [Hex, ...Hex[]] })
        if (d.eventName === name) out.push(d.args as Record<string, unknown>)
      } catch {
        // another contract's event
      }
    }
    return out
  }

  while (events < options.events) {
    // ── Tasks cohort ──────────────────────────────────────────────────────────────────────
    const perCohort = options.tasksPerCohort ?? 150
    const creates: Tx[] = []
    const plans: { manager: Hex; preapproved: Hex[]; withToken: boolean }[] = []
    for (let i = 0; i < perCohort; i++) {
      const manager = pick(managers)
      const preapproved = rand() < (options.preapprovedShare ?? 0.2) ? Array.from({ length: options.preapprovedCount ?? 10 }, () => pick(applicants)) : []
      const withToken = rand() < 0.5
      const uri = await documentUri(world, { title: `Task ${seedTag}-${taskCount + i}`, description: `Generated task ${i}`, tags: [{ tag: 'bench' }] })
      const budget = withToken ? [{ tokenContract: open, amount: parseEther('100') }] : []
      const reward = (who: Hex) => ({
        applicant: who,
        nativeReward: [{ to: who, amount: parseEther('0.001') }],
        reward: withToken ? [{ nextToken: true, to: who, amount: parseEther('1') }] : [],
      })
      creates.push({
        from: manager,
        to: tasks,
        data: call(tasksAbi, 'createTask', [uri, BigInt(2_000_000_000 + i), manager, manager, budget, preapproved.map(reward)]),
        value: parseEther('0.02'),
        gas: 600_000n + 250_000n * BigInt(preapproved.length),
      })
      plans.push({ manager, preapproved, withToken })
      events += 1 + 2 * preapproved.length
    }
    await inOneBlock(world, creates)
    const created = (await decodeBlock(tasksAbi, 'TaskCreated')).map((a) => ({
      taskId: a.taskId as bigint,
      manager: (a.manager as string).toLowerCase() as Hex,
      withToken: (a.budget as unknown[]).length > 0,
    }))
    taskCount += created.length

    // Applications (to every task: preapproved ones too, they stay open until taken).
    const applies: Tx[] = []
    for (const t of created) {
      const n = 1 + Math.floor(rand() * 3)
      for (let j = 0; j < n; j++) {
        const who = pick(applicants)
        const uri = await documentUri(world, { plan: `Plan ${t.taskId}-${j}`, teamSize: '1', background: 'generated' })
        applies.push({
          from: who,
          to: tasks,
          data: call(tasksAbi, 'applyForTask', [
            t.taskId,
            uri,
            [{ to: who, amount: parseEther('0.002') }],
            t.withToken ? [{ nextToken: true, to: who, amount: parseEther('2') }] : [],
          ]),
          gas: 500_000n,
        })
        events++
      }
    }
    await inOneBlock(world, applies)
    const applications = (await decodeBlock(tasksAbi, 'ApplicationCreated')).map((a) => ({
      taskId: a.taskId as bigint,
      applicationId: Number(a.applicationId),
      applicant: (a.applicant as string).toLowerCase() as Hex,
    }))

    // Accept, edit, extend; cancel some open tasks outright.
    const round3: Tx[] = []
    const takers: { taskId: bigint; manager: Hex; applicant: Hex; applicationId: number; withToken: boolean }[] = []
    for (const t of created) {
      const mine = applications.filter((a) => a.taskId === t.taskId)
      const roll = rand()
      if (roll < 0.1) {
        round3.push({ from: t.manager, to: tasks, data: call(tasksAbi, 'cancelTask', [t.taskId, await documentUri(world, { reason: 'not needed' })]), gas: 400_000n })
        events++
        continue
      }
      const accepted = mine.slice(0, 2)
      round3.push({ from: t.manager, to: tasks, data: call(tasksAbi, 'acceptApplications', [t.taskId, accepted.map((a) => a.applicationId)]), gas: 300_000n })
      events += accepted.length
      if (rand() < 0.2) {
        round3.push({ from: t.manager, to: tasks, data: call(tasksAbi, 'editMetadata', [t.taskId, await documentUri(world, { title: `Task ${t.taskId} (edited)` })]), gas: 300_000n })
        events++
      }
      if (rand() < 0.2) {
        round3.push({ from: t.manager, to: tasks, data: call(tasksAbi, 'extendDeadline', [t.taskId, 3600n]), gas: 100_000n })
        events++
      }
      takers.push({ taskId: t.taskId, manager: t.manager, applicant: accepted[0]!.applicant, applicationId: accepted[0]!.applicationId, withToken: t.withToken })
    }
    await inOneBlock(world, round3)

    // Take; raise budgets and rewards.
    const round4: Tx[] = []
    for (const t of takers) {
      round4.push({ from: t.applicant, to: tasks, data: call(tasksAbi, 'takeTask', [t.taskId, t.applicationId]), gas: 200_000n })
      events++
      if (rand() < 0.3) {
        round4.push({
          from: t.manager,
          to: tasks,
          data: call(tasksAbi, 'increaseBudget', [t.taskId, t.withToken ? [parseEther('10')] : []]),
          value: parseEther('0.01'),
          gas: 300_000n,
        })
        events++
      }
    }
    await inOneBlock(world, round4)

    // Submit; partial payments, reward increases, management transfers.
    const round5: Tx[] = []
    for (const t of takers) {
      round5.push({ from: t.applicant, to: tasks, data: call(tasksAbi, 'createSubmission', [t.taskId, await documentUri(world, { explanation: `Done ${t.taskId}` })]), gas: 400_000n })
      events++
      const roll = rand()
      if (roll < 0.2) {
        round5.push({
          from: t.manager,
          to: tasks,
          data: call(tasksAbi, 'partialPayment', [t.taskId, [parseEther('0.0005')], t.withToken ? [parseEther('0.5')] : []]),
          gas: 400_000n,
        })
        events += 2
      } else if (roll < 0.35) {
        round5.push({
          from: t.manager,
          to: tasks,
          data: call(tasksAbi, 'increaseReward', [t.taskId, t.applicationId, [parseEther('0.0001')], t.withToken ? [parseEther('0.1')] : []]),
          gas: 300_000n,
        })
        events++
      }
    }
    await inOneBlock(world, round5)

    // Review (most accepted: pays out and closes) or ask to cancel.
    const round6: Tx[] = []
    const cancelRequests: typeof takers = []
    for (const t of takers) {
      const roll = rand()
      if (roll < 0.75) {
        round6.push({ from: t.manager, to: tasks, data: call(tasksAbi, 'reviewSubmission', [t.taskId, 0, 1, await documentUri(world, { feedback: 'great' })]), gas: 600_000n })
        events += 2
      } else if (roll < 0.9) {
        round6.push({ from: t.manager, to: tasks, data: call(tasksAbi, 'reviewSubmission', [t.taskId, 0, 2, await documentUri(world, { feedback: 'again' })]), gas: 300_000n })
        round6.push({ from: t.manager, to: tasks, data: call(tasksAbi, 'cancelTask', [t.taskId, await documentUri(world, { reason: 'changed plans' })]), gas: 400_000n })
        events += 2
        cancelRequests.push(t)
      } else {
        round6.push({ from: t.manager, to: tasks, data: call(tasksAbi, 'transferManagement', [t.taskId, pick(managers)]), gas: 100_000n })
        events++
      }
    }
    await inOneBlock(world, round6)
    await inOneBlock(
      world,
      cancelRequests.map((t) => ({ from: t.applicant, to: tasks, data: call(tasksAbi, 'acceptRequest', [t.taskId, 0, 0, true]), gas: 500_000n })),
    )
    events += cancelRequests.length * 3
    if (events >= options.events) break

    // ── Governance cohort ─────────────────────────────────────────────────────────────────
    const memberCount = options.members ?? 30
    const members = Array.from({ length: memberCount }, (_, i) => address(`member-${seedTag}-${tokenSerial}-${i}`))
    await fund(world, members)
    await inOneBlock(
      world,
      members.map((m) => ({ from: world.dao, to: ovc, data: call(verifiedContributorAbi, 'mint', [m, BigInt(tokenSerial++)]), gas: 200_000n })),
    )
    events += members.length
    await inOneBlock(world, members.map((m) => ({ from: m, to: ovc, data: call(verifiedContributorAbi, 'delegate', [m]), gas: 200_000n })))
    events += members.length * 2

    const proposalsPerCohort = 6
    const proposals: Tx[] = []
    for (let p = 0; p < proposalsPerCohort; p++) {
      const newcomer = address(`newcomer-${seedTag}-${tokenSerial}`)
      const uri = await documentUri(world, { title: `Proposal ${seedTag}-${proposalCount + p}`, summary: 'generated' })
      proposals.push({
        from: members[p % members.length]!,
        to: voting,
        data: call(tokenVotingAbi, 'createProposal', [
          stringToHex(uri),
          [{ to: ovc, value: 0n, data: call(verifiedContributorAbi, 'mint', [newcomer, BigInt(tokenSerial++)]) }],
          0n,
          0n,
          0n,
          0,
          false,
        ]),
        gas: 800_000n,
      })
      events++
    }
    await inOneBlock(world, proposals)
    const createdProposals = (await decodeBlock(tokenVotingAbi, 'ProposalCreated')).map((a) => a.proposalId as bigint)
    proposalCount += createdProposals.length
    const votes: Tx[] = []
    const passing: bigint[] = []
    for (const [index, proposalId] of createdProposals.entries()) {
      const pass = index % 2 === 0
      if (pass) passing.push(proposalId)
      for (const [i, m] of members.entries()) {
        const option = pass ? (i < members.length * 0.7 ? 2 : 3) : i % 3 === 0 ? 1 : 3
        if (rand() < 0.5) {
          votes.push({ from: m, to: voting, data: call(tokenVotingAbi, 'voteWithReason', [proposalId, option, false, `reason ${i}`]), gas: 300_000n })
          events += 2
        } else {
          votes.push({ from: m, to: voting, data: call(tokenVotingAbi, 'vote', [proposalId, option, false]), gas: 300_000n })
          events++
        }
      }
    }
    await inOneBlock(world, votes)
    // Earlier cohorts' members hold voting power too: execute only what reached support early.
    const executable: bigint[] = []
    for (const id of passing) {
      const answer = await rpc<Hex>(world.rpcUrl, 'eth_call', [{ to: voting, data: call(tokenVotingAbi, 'canExecute', [id]) }, 'latest'])
      if (BigInt(answer) === 1n) executable.push(id)
    }
    await inOneBlock(world, executable.map((id) => ({ from: members[0]!, to: voting, data: call(tokenVotingAbi, 'execute', [id]), gas: 800_000n })))
    events += executable.length * 3

    // Optimistic actions: created, some rejected, the rest executed after the delay.
    const actions: Tx[] = []
    for (let a = 0; a < 6; a++) {
      const newcomer = address(`optimistic-${seedTag}-${tokenSerial}`)
      actions.push({
        from: members[a]!,
        to: optimistic,
        data: call(optimisticActionsAbi, 'createAction', [
          members[a]!,
          0n,
          [{ to: ovc, value: 0n, data: call(verifiedContributorAbi, 'mint', [newcomer, BigInt(tokenSerial++)]) }],
          0n,
          await documentUri(world, { title: `Add contributor ${newcomer}` }),
        ]),
        gas: 600_000n,
      })
      events += 2
    }
    await inOneBlock(world, actions)
    const createdActions = (await decodeBlock(optimisticActionsAbi, 'ActionCreated')).map((a) => Number(a.id))
    actionCount += createdActions.length
    const rejected = createdActions.filter((_, i) => i % 3 === 0)
    await inOneBlock(
      world,
      rejected.map((id) => ({ from: members[members.length - 1]!, to: optimistic, data: call(optimisticActionsAbi, 'rejectAction', [id, 'ipfs://not-a-cid']), gas: 200_000n })),
    )
    events += rejected.length
    await rpc(world.rpcUrl, 'evm_increaseTime', [24 * 3600])
    await inOneBlock(
      world,
      createdActions
        .filter((id) => !rejected.includes(id))
        .map((id) => ({ from: members[1]!, to: optimistic, data: call(optimisticActionsAbi, 'executeAction', [world.dao, id]), gas: 800_000n })),
    )
    events += (createdActions.length - rejected.length) * 3
    // A few members leave (burn their own token).
    const leaving = members.slice(-3)
    const leavingIds = await Promise.all(leaving.map(async (m) => tokenOf(world, ovc, m)))
    await inOneBlock(
      world,
      leaving.map((m, i) => ({ from: m, to: ovc, data: call(verifiedContributorAbi, 'burn', [leavingIds[i]!]), gas: 200_000n })),
    )
    events += leaving.length * 2
  }
  const endBlock = Number.parseInt(await rpc<string>(world.rpcUrl, 'eth_blockNumber'), 16)
  return { events, blocks: endBlock - startBlock, tasks: taskCount, proposals: proposalCount, actions: actionCount }
}

async function tokenOf(world: World, ovc: Hex, member: Hex): Promise<bigint> {
  // Minted in order; scan this member's mint in recent Transfer logs.
  const logs = await rpc<{ topics: Hex[] }[]>(world.rpcUrl, 'eth_getLogs', [
    { address: ovc, fromBlock: '0x0', toBlock: 'latest', topics: [null, null, `0x${member.slice(2).padStart(64, '0')}`] },
  ])
  return BigInt(logs.at(-1)!.topics[3]!)
}
