import { generateWorkload } from '../testing/workload'
import { deployWorld } from '../testing/world'

// `tsx indexer/bench/generate.ts <rpcUrl> <events>`: deploys the contracts on the bench's anvil
// and generates the workload, in a process of its own, then prints one JSON line (deployment and
// workload summary). The bench measures in a process that has not just built 100k transactions,
// as the indexer runs in its own process in production: generating in the measuring process left
// its heap big, and the timed backfill was slower there (5.56 s against 4.65 s, same code).

const [rpcUrl, events] = process.argv.slice(2)
if (!rpcUrl || !events) throw new Error('usage: generate.ts <rpcUrl> <events>')
const world = await deployWorld(rpcUrl)
// Big cohorts keep the chain short: anvil serves old blocks' state (for the escrow reads) from disk,
// a second or more per block once a block falls out of its in-memory window of a few hundred.
const workload = await generateWorkload(world, { events: Number(events), seed: 2024, tasksPerCohort: 500, members: 60 })
process.stdout.write(`${JSON.stringify({ deployment: world.deployment, workload })}\n`)
