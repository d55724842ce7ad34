import { toFunctionSelector, type Hex } from 'viem'
import { beforeAll, describe, expect, it } from 'vitest'
import { useAnvil } from '../test/setup'
import type { IndexerConfig } from './config'
import { createDecoder } from './decode/decoder'
import { silentLogger } from './logger'
import { createTaskInfoCache } from './reads/escrow'
import { createReadPlanner, type ReadRow } from './reads/plan'
import { createRpcClient } from './rpc/client'
import { createEth } from './rpc/eth'
import type { Batch } from './store/batch'
import { createInProcessBatchSource, type BatchSource } from './sync/batch-source'
import { createRangeFetcher } from './sync/fetch-range'
import { createWorkerBatchSource } from './sync/fetch-worker-client'
import { createRangePlanner } from './sync/range-planner'
import { blockNumber } from './testing/chain'
import { testConfig } from './testing/harness'
import { startRpcProxy } from './testing/rpc-proxy'
import { generateWorkload } from './testing/workload'
import { deployWorld, type World } from './testing/world'

// The backfill fetches several ranges at once and their answers come back in any order. A
// range's escrow reads must still know the tasks created in the ranges before it (from their
// TaskCreated events), not ask the node for each whole task (getTask at an old block): the
// escrow reads of a range wait for the earlier ranges to have learned. Here the proxy answers
// later blocks' eth_getLogs first, one range per block, through both batch sources.

const GET_TASK = toFunctionSelector('getTask(uint256)')

let world: World
let config: IndexerConfig
let head: number
/** Read rows of every block, fetched one range at a time, straight from anvil. */
let expectedReads: ReadRow[]
/** BudgetChanged reads in a later block than their task's TaskCreated: what the order matters for. */
let readsOfEarlierTasks: number

beforeAll(async () => {
  const anvil = await useAnvil()
  world = await deployWorld(anvil.rpcUrl)
  await generateWorkload(world, { events: 1_200, seed: 11, tasksPerCohort: 30 })
  config = testConfig(anvil.rpcUrl, world.deployment)
  head = await blockNumber(anvil.rpcUrl)

  const source = inProcessSource(anvil.rpcUrl)
  const batches: Batch[] = []
  for (let block = config.startBlock; block <= head; block++) batches.push(await source.fetch(block, block, head))
  expectedReads = sorted(batches.flatMap((b) => b.reads))
  const createdIn = new Map<string, number>()
  for (const b of batches)
    for (const { log, event } of b.entries) if (event?.name === 'TaskCreated') createdIn.set(String(event.args.taskId), log.blockNumber)
  readsOfEarlierTasks = expectedReads.filter((r) => r.kind === 'escrowBalances' && createdIn.get(r.key)! < r.blockNumber).length
}, 60_000)

function inProcessSource(rpcUrl: string): BatchSource {
  const eth = createEth(createRpcClient({ url: rpcUrl, logger: silentLogger, timeoutMs: 10_000 }))
  const tasks = config.contracts.find((c) => c.kind === 'tasks')!.address
  const fetcher = createRangeFetcher({
    eth,
    addresses: config.contracts.map((c) => c.address),
    planner: createRangePlanner(),
    decode: createDecoder(config.contracts),
    readsFor: createReadPlanner({ eth, tasks, cache: createTaskInfoCache() }),
    logger: silentLogger,
  })
  return createInProcessBatchSource({ eth, fetcher, logger: silentLogger })
}

function workerSource(rpcUrl: string): BatchSource {
  return createWorkerBatchSource({
    data: { rpcUrl, rpcTimeoutMs: 10_000, getLogsTimeoutMs: 20_000, contracts: config.contracts },
    planner: createRangePlanner(),
    logger: silentLogger,
    fallback: inProcessSource(rpcUrl),
  })
}

const sorted = (reads: ReadRow[]) => [...reads].sort((a, b) => a.blockNumber - b.blockNumber || a.kind.localeCompare(b.kind) || a.key.localeCompare(b.key))

describe.each([
  ['on the indexer thread', inProcessSource],
  ['in the fetch worker', workerSource],
])('reads of ranges answered out of order, %s', (_, makeSource) => {
  it('know the tasks created in earlier ranges without asking the node for them', async () => {
    // Non-vacuous: budget changes of tasks created blocks earlier are there to be read.
    expect(readsOfEarlierTasks).toBeGreaterThan(20)

    let getTaskCalls = 0
    const proxy = await startRpcProxy({
      upstream: world.rpcUrl,
      onCall: (call) => {
        const data = (call.params[0] as { data?: Hex } | undefined)?.data
        if (call.method === 'eth_call' && data?.startsWith(GET_TASK)) getTaskCalls++
      },
      // Later blocks answer first: block `head` at once, each earlier one 15 ms later.
      delayMs: (call) => (call.method === 'eth_getLogs' ? (head - Number((call.params[0] as { fromBlock: string }).fromBlock)) * 15 : 0),
    })
    const source = makeSource(proxy.url)
    try {
      await source.ready()
      const ranges: Promise<Batch>[] = []
      for (let block = config.startBlock; block <= head; block++) ranges.push(source.fetch(block, block, head))
      const batches = await Promise.all(ranges)

      expect(sorted(batches.flatMap((b) => b.reads))).toEqual(expectedReads)
      expect(getTaskCalls).toBe(0)
    } finally {
      await source.close()
      await proxy.close()
    }
  }, 60_000)
})
