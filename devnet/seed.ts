import type { Db } from '#db/client'
import { tasksAbi, tokenVotingAbi } from '../contracts-abi'
import { devnetAccounts } from './accounts'
import { DEVNET_OPTIMISTIC_EXECUTE_DELAY, type PortalDeployment } from './deploy'
import { seedDepartmentProposal } from './world/department-votes'
import { seedDisputes } from './world/disputes'
import { seedDrafts } from './world/drafts'
import { createWorldKit, type WorldKit } from './world/kit'
import { seedDelegations, seedFounders, seedGenesisTags } from './world/members'
import { executeAction, seedDepartmentAction, seedOvcMintAction, type SeededAction } from './world/optimistic-actions'
import { seedRfp } from './world/rfps'
import { departmentOptimisticSpecs, departmentProposals, draftSpecs, membershipProposal } from './world/specs/departments'
import { optimisticSpecs, proposalSpecs } from './world/specs/governance'
import { rfpSpecs } from './world/specs/rfps'
import { taskSpecs, type TaskSpec } from './world/specs/tasks'
import { seedTask, type SeededTask } from './world/tasks'
import { seedTokenVotingProposal } from './world/token-votes'
import { seedTreasury } from './world/treasury'

// Seeds the devnet with a believable world, through the call paths Openmesh's frontends use
// (shared/reference-abi/README.md), one concern per module under world/: members and their
// delegations and department tags, the treasuries, tasks in every state, disputes settled by the
// Dispute department, task drafts, RFPs with projects, TokenVoting and TagVoting proposals, and
// optimistic actions on the Openmesh DAO and on a department. Metadata documents go to the local
// content store as the frontends upload them; the chain holds their ipfs:// URIs.
//
// Time: the world is made in three phases. The past: everything that has to be over by now (votes
// of the minimum duration, optimistic actions past their delay, an overdue deadline). Then the
// clock moves once, by the optimistic delay plus a minute (11 minutes: durations on the devnet are
// minutes). Then what was executed after its time, and the present: open votes, pending actions,
// the newest tasks.

export type SeedSummary = {
  contributors: number
  tasks: number
  tasksByState: { open: number; taken: number; closed: number }
  proposals: { tokenVoting: number; tagVoting: number }
  optimisticActions: { openmeshDao: number; departments: number }
  disputes: number
  drafts: number
  rfps: number
  documents: number
  transactions: number
}

export async function seedDemoWorld(args: { rpcUrl: string; deployment: PortalDeployment; db: Db }): Promise<SeedSummary> {
  const { topology } = args.deployment
  const kit = await createWorldKit({ rpcUrl: args.rpcUrl, chainId: args.deployment.chainId, topology, db: args.db })
  const recent = (spec: TaskSpec) => spec.scenario === 'open' || spec.scenario === 'applied'

  // ------------------------------------------------------------ the past
  await seedTreasury(kit)
  await seedFounders(kit)
  await seedGenesisTags(kit)
  await kit.settle()
  await kit.stopImpersonating()
  const past = await kit.now()

  const tokenVotes = new Map<string, number>()
  for (const spec of proposalSpecs.filter((p) => p.outcome !== 'active')) tokenVotes.set(spec.title, await seedTokenVotingProposal(kit, spec, null))
  const ovcActions = new Map<string, SeededAction>()
  for (const spec of optimisticSpecs.filter((a) => a.outcome !== 'pending')) ovcActions.set(spec.title, await seedOvcMintAction(kit, spec))

  const tasks: SeededTask[] = []
  for (const [i, spec] of taskSpecs.entries()) if (!recent(spec)) tasks.push(await seedTask(kit, spec, i, past))
  const disputes = await seedDisputes(kit, tasks)
  const drafts = await seedDrafts(kit, past)
  const context = { disputes, drafts, now: past }
  await seedDepartmentProposal(kit, membershipProposal, context)
  for (const spec of departmentProposals.filter((p) => p.outcome !== 'active')) await seedDepartmentProposal(kit, spec, context)
  const departmentActions = new Map<string, SeededAction>()
  for (const spec of departmentOptimisticSpecs.filter((a) => a.outcome !== 'pending')) departmentActions.set(spec.title, await seedDepartmentAction(kit, spec, past))
  for (const spec of rfpSpecs) await seedRfp(kit, spec, past)
  await kit.settle()

  // ------------------------------------------------------------ time passes
  await kit.increaseTime(DEVNET_OPTIMISTIC_EXECUTE_DELAY + 60)
  for (const spec of proposalSpecs.filter((p) => p.outcome === 'executed')) {
    await kit.send(3, topology.tokenVoting.address, tokenVotingAbi, 'execute', [BigInt(tokenVotes.get(spec.title)!)], { label: `execute "${spec.title}"` })
  }
  for (const spec of optimisticSpecs.filter((a) => a.outcome === 'executed')) await executeAction(kit, 2, ovcActions.get(spec.title)!, false)
  for (const spec of departmentOptimisticSpecs.filter((a) => a.outcome === 'executed')) await executeAction(kit, 4, departmentActions.get(spec.title)!, true)
  await seedDelegations(kit, 'added')
  await kit.settle()

  // ------------------------------------------------------------ the present
  const now = await kit.now()
  for (const spec of proposalSpecs.filter((p) => p.outcome === 'active')) await seedTokenVotingProposal(kit, spec, now)
  for (const spec of departmentProposals.filter((p) => p.outcome === 'active')) await seedDepartmentProposal(kit, spec, { ...context, now })
  for (const spec of optimisticSpecs.filter((a) => a.outcome === 'pending')) await seedOvcMintAction(kit, spec)
  for (const spec of departmentOptimisticSpecs.filter((a) => a.outcome === 'pending')) await seedDepartmentAction(kit, spec, now)
  for (const [i, spec] of taskSpecs.entries()) if (recent(spec)) tasks.push(await seedTask(kit, spec, i, now))
  await kit.settle()

  return summarize(kit, { disputes: disputes.size, drafts: draftSpecs.length })
}

/** What the chain now holds, read back from it where the chain can say. */
async function summarize(kit: WorldKit, counted: { disputes: number; drafts: number }): Promise<SeedSummary> {
  const { client, topology } = kit
  const taskCount = (await client.readContract({ address: topology.tasks.address, abi: tasksAbi, functionName: 'taskCount' })) as bigint
  const ids = Array.from({ length: Number(taskCount) }, (_, i) => BigInt(i))
  const tasks = (await client.readContract({ address: topology.tasks.address, abi: tasksAbi, functionName: 'getTasks', args: [ids] })) as readonly { state: number }[]
  const tasksByState = { open: 0, taken: 0, closed: 0 }
  for (const task of tasks) tasksByState[(['open', 'taken', 'closed'] as const)[task.state]!]++
  return {
    contributors: devnetAccounts.length,
    tasks: tasks.length,
    tasksByState,
    proposals: { tokenVoting: proposalSpecs.length, tagVoting: departmentProposals.length + 1 },
    optimisticActions: { openmeshDao: optimisticSpecs.length, departments: departmentOptimisticSpecs.length },
    disputes: counted.disputes,
    drafts: counted.drafts,
    rfps: rfpSpecs.length,
    documents: kit.counts.documents,
    transactions: kit.counts.transactions,
  }
}
