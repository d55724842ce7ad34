import type Database from 'better-sqlite3'
import type { IndexerConfig } from '../config'
import { createDecoder } from '../decode/decoder'
import type { Logger } from '../logger'
import { createProjector } from '../projections/projector'
import { createTaskInfoCache } from '../reads/escrow'
import { createReadPlanner } from '../reads/plan'
import { sleep } from '../sleep'
import { DeepReorgError, isRetryable } from '../errors'
import type { Eth } from '../rpc/eth'
import { createBatchWriter } from '../store/apply-batch'
import { createCheckpointStore } from '../store/checkpoint'
import { createProjectionStore } from '../store/projection-store'
import { createRollback } from '../store/rollback'
import { createInProcessBatchSource } from './batch-source'
import { createRangeFetcher } from './fetch-range'
import { createWorkerBatchSource } from './fetch-worker-client'
import { createHeadWatcher } from './head-watcher'
import { createHistoricalSync, type HistoricalProgress } from './historical'
import { createRangePlanner } from './range-planner'
import { createRealtimeSync, type PrefetchedTip, type TickResult } from './realtime'

// Wires the pieces for one chain and runs them: check the checkpoint is still on the chain,
// backfill the final blocks, then follow the head. Transient failures are retried (with backoff)
// forever; a reorg deeper than finality halts with the reason in sync_checkpoints.halted_reason.

export type IndexerEvents = {
  onBackfillStart?: (range: { fromBlock: number; toBlock: number }) => void
  onBackfillBatch?: HistoricalProgress
  onBackfillEnd?: () => void
  onTick?: (result: TickResult) => void
}

export function createIndexer({
  sqlite,
  eth,
  config,
  logger,
  signal,
  events = {},
}: {
  sqlite: Database.Database
  eth: Eth
  config: IndexerConfig
  logger: Logger
  signal: AbortSignal
  events?: IndexerEvents
}) {
  const { chainId, finalityDepth } = config
  // SQLite's default 2 MiB page cache keeps re-reading the pages of the indexes every batch
  // touches at random places (raw_logs' block-hash key, projection lookups) from the OS.
  sqlite.pragma(`cache_size = -${config.cacheMb * 1024}`)
  const actionTargets = new Map<string, string>(config.actionTargets.map((c) => [c.address, c.kind]))
  const decode = createDecoder(config.contracts)
  const cache = createTaskInfoCache()
  const tasksAddress = config.contracts.find((c) => c.kind === 'tasks')?.address
  const readsFor = createReadPlanner({ eth, tasks: tasksAddress, cache })
  const planner = createRangePlanner({
    initialBlocks: config.initialBlockRange,
    maxBlocks: config.maxBlockRange,
    targetLogs: config.targetLogsPerRequest,
  })
  const fetcher = createRangeFetcher({
    eth,
    addresses: config.contracts.map((c) => c.address),
    planner,
    decode,
    readsFor,
    logger,
    getLogsTimeoutMs: config.getLogsTimeoutMs,
  })
  const checkpoints = createCheckpointStore(sqlite, chainId)
  const store = createProjectionStore(sqlite, chainId)
  const project = createProjector({ sqlite, chainId, store, logger, actionTargets })
  const writer = createBatchWriter({ sqlite, chainId, finalityDepth, checkpoints, store, project, decode })
  const rollbackTx = createRollback(sqlite, chainId, checkpoints)
  const inProcess = createInProcessBatchSource({ eth, fetcher, logger })
  const source = config.fetchWorker
    ? createWorkerBatchSource({
        data: {
          rpcUrl: config.rpcUrl,
          fallbackRpcUrl: config.fallbackRpcUrl,
          rpcTimeoutMs: config.rpcTimeoutMs,
          getLogsTimeoutMs: config.getLogsTimeoutMs,
          contracts: config.contracts,
        },
        planner,
        logger,
        fallback: inProcess,
      })
    : inProcess
  signal.addEventListener('abort', () => void source.close(), { once: true })
  const heads = createHeadWatcher({ wsUrl: config.wsUrl, logger, signal })
  const historical = createHistoricalSync({
    source,
    planner,
    writer,
    logger,
    concurrency: config.concurrency,
    signal,
    onBatch: events.onBackfillBatch,
  })
  const realtime = createRealtimeSync({
    eth,
    fetcher,
    writer,
    checkpoints,
    finalityDepth,
    maxBlocksPerTick: config.maxBlocksPerTick,
    logger,
    rollback: (ancestor, head) => {
      const restored = rollbackTx.immediate(ancestor, head, finalityDepth)
      cache.forgetAbove(ancestor.number)
      logger.debug('rolled back', { ancestor: ancestor.number, restoredRows: restored })
    },
    forgetFetchedAbove: (blockNumber) => cache.forgetAbove(blockNumber),
  })

  /** On start: is the checkpoint's block still on the chain? If not, it is a reorg (maybe deep). */
  async function verifyCheckpoint(head: number) {
    const checkpoint = checkpoints.get()
    if (!checkpoint) return
    const canonical = await eth.header(checkpoint.blockNumber)
    if (canonical?.hash !== checkpoint.blockHash) {
      await realtime.reconcile(head, `checkpoint block ${checkpoint.blockNumber} is not on the chain any more`)
    }
    if (checkpoint.haltedReason) {
      logger.info('halt cleared: the checkpoint is on the chain again', { previousReason: checkpoint.haltedReason })
      checkpoints.setHalted(null)
    }
  }

  /** Backfills the final blocks; resolves with the unfinal tip above them, fetched meanwhile for the first tick. */
  async function backfill(head: number): Promise<PrefetchedTip | undefined> {
    const finalized = head - finalityDepth
    const checkpoint = checkpoints.get()
    const fromBlock = checkpoint ? checkpoint.blockNumber + 1 : config.startBlock
    if (finalized < fromBlock) return undefined
    events.onBackfillStart?.({ fromBlock, toBlock: finalized })
    let tip: PrefetchedTip | undefined
    // Asked for once every backfill range is: before, it would compete with them for the node.
    const prefetchTip = () => {
      if (finalityDepth > 0) tip = realtime.prefetch(finalized + 1, head)
    }
    try {
      await historical.run(fromBlock, finalized, head, prefetchTip)
    } catch (error) {
      // The tip will not be used: forget what reading it taught, as a discarded tip does.
      void tip?.promise.then(() => cache.forgetAbove(finalized))
      throw error
    }
    events.onBackfillEnd?.()
    return tip
  }

  async function bootstrapRealtime(head: number) {
    // Realtime needs a remembered block to link to; without any backfill (young chain) start just
    // below the start block.
    if (checkpoints.get()) return
    const anchor = config.startBlock - 1
    if (anchor < 0) {
      // Genesis has no parent: backfill block 0 alone so the checkpoint exists.
      await historical.run(0, 0, head)
      return
    }
    const header = await eth.header(anchor)
    if (!header) throw new Error(`block ${anchor} not found`)
    sqlite.transaction(() => {
      checkpoints.rememberBlocks([header])
      checkpoints.write({ blockNumber: anchor, blockHash: header.hash, chainHead: head, finalityDepth })
    }).immediate()
  }

  /** Backfills then follows the head until aborted (or, with `once`, until caught up). */
  async function run({ once = false }: { once?: boolean } = {}): Promise<void> {
    let failures = 0
    let verified = false
    while (!signal.aborted) {
      try {
        const head = await eth.blockNumber()
        if (!verified) {
          await verifyCheckpoint(head)
          verified = true
        }
        // Final blocks not indexed yet go through the backfill (ranges in parallel, no undo
        // images); realtime only ever handles the unfinalized tip.
        const checkpoint = checkpoints.get()
        const tip = !checkpoint || checkpoint.blockNumber < head - finalityDepth ? await backfill(head) : undefined
        await bootstrapRealtime(head)
        const result = await realtime.tick(tip)
        failures = 0
        events.onTick?.(result)
        if (result.kind === 'reorg') continue
        if (result.indexedBlock < result.head) continue
        if (once) return
        await heads.wait(config.pollIntervalMs)
      } catch (error) {
        if (signal.aborted) return
        if (error instanceof DeepReorgError) {
          checkpoints.setHalted(error.message)
          logger.error('halted: reorg deeper than finality', { reason: error.message })
          throw error
        }
        if (!isRetryable(error)) throw error
        failures++
        const delay = Math.min(30_000, 250 * 2 ** Math.min(failures, 7))
        logger.warn('sync error, retrying', { error: (error as Error).message, attempt: failures, delayMs: delay })
        await sleep(delay, signal).catch(() => {})
      }
    }
  }

  return {
    run,
    /** Resolves once the backfill's fetch worker has loaded (it starts with the indexer). */
    ready: () => source.ready(),
    /** Stops the fetch worker; `run` must have returned. */
    close: () => {
      heads.close()
      return source.close()
    },
    heads,
    realtime,
    checkpoints,
    fetcher,
    writer,
    eth,
  }
}

export type Indexer = ReturnType<typeof createIndexer>
