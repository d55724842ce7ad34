import { rpc } from './chain'
import { extensionCohort } from './extension-traffic'
import { governanceCohort, type GovernanceTrafficOptions } from './governance-traffic'
import { taskCohort, taskPeople, type TaskTrafficOptions } from './task-traffic'
import { random, type Traffic, type World } from './world'

// Deterministic traffic on the real contracts for tests and the benchmark: cohorts of tasks
// (task-traffic.ts), of governance (governance-traffic.ts: the Openmesh DAO and the departments)
// and of what is built around tasks (extension-traffic.ts: RFPs, disputes, drafts), in turn, until
// enough events were emitted. Transactions go out in JSON-RPC batches, many per block.

export type WorkloadOptions = { events: number; seed?: number } & TaskTrafficOptions & GovernanceTrafficOptions
export type WorkloadResult = { events: number; blocks: number; tasks: number; proposals: number; actions: number; rfps: number }

/** Generates at least `events` indexed events (one round of each kind at least); returns how many were emitted by the portal's contracts. */
export async function generateWorkload(world: World, options: WorkloadOptions): Promise<WorkloadResult> {
  const seedTag = options.seed ?? 1
  const rand = random(seedTag)
  const traffic: Traffic = {
    world,
    rand,
    pick: (items) => items[Math.floor(rand() * items.length)]!,
    seedTag,
    events: 0,
    tasks: 0,
    proposals: 0,
    actions: 0,
    rfps: 0,
    tokenSerial: seedTag * 1_000_000,
  }
  const startBlock = Number.parseInt(await rpc<string>(world.rpcUrl, 'eth_blockNumber'), 16)
  const people = await taskPeople(traffic)
  // Every round has all three kinds, so even a small workload covers every projection.
  do {
    await taskCohort(traffic, people, options)
    await governanceCohort(traffic, options)
    await extensionCohort(traffic)
  } while (traffic.events < options.events)
  const endBlock = Number.parseInt(await rpc<string>(world.rpcUrl, 'eth_blockNumber'), 16)
  return { events: traffic.events, blocks: endBlock - startBlock, tasks: traffic.tasks, proposals: traffic.proposals, actions: traffic.actions, rfps: traffic.rfps }
}
