import type { Logger } from '../logger'
import type { BatchWriter } from '../store/apply-batch'
import type { Batch } from '../store/batch'
import type { BatchSource } from './batch-source'
import type { RangePlanner } from './range-planner'

// Backfill of final blocks: several ranges in flight, applied strictly in block order (a reorder
// queue), consecutive ready ranges merged into one transaction. Final blocks cannot be reorganised,
// so only the header of each batch's last block is remembered (for the checkpoint hash).
// Fetching runs ahead of the writes by a budget of fetched logs, not of ranges: a new range goes
// out as soon as one comes back, so a range held up by its reads, or a stretch of tiny ranges,
// does not leave the next ones unasked and the writer waiting after it.

export type HistoricalProgress = (update: { fromBlock: number; toBlock: number; events: number; ms: number }) => void

type Slot = {
  fromBlock: number
  toBlock: number
  settled: boolean
  /** How many logs it brought, once settled. */
  logs: number
  promise: Promise<Batch>
  error?: unknown
}

export function createHistoricalSync({
  source,
  planner,
  writer,
  logger,
  concurrency = 4,
  maxLogsPerTransaction = 20_000,
  maxBufferedLogs = 2 * maxLogsPerTransaction,
  signal,
  onBatch,
}: {
  source: BatchSource
  planner: RangePlanner
  writer: BatchWriter
  logger: Logger
  concurrency?: number
  maxLogsPerTransaction?: number
  /** Fetched logs waiting for the writer, beyond which no new range is asked for. */
  maxBufferedLogs?: number
  signal?: AbortSignal
  onBatch?: HistoricalProgress
}) {
  /**
   * Indexes [fromBlock, toBlock] (all final) and resolves when the checkpoint is at toBlock.
   * `onAllLaunched` runs once the last range is asked for: fetching has room from then on.
   */
  async function run(fromBlock: number, toBlock: number, chainHead: number, onAllLaunched?: () => void): Promise<void> {
    const queue: Slot[] = []
    let next = fromBlock
    let allLaunched = false
    let stopped = false
    const canLaunch = () => {
      let inFlight = 0
      let buffered = 0
      for (const slot of queue) {
        if (slot.settled) buffered += slot.logs
        else inFlight++
      }
      // The slot cap bounds a long run of empty ranges, which buffer no logs.
      return inFlight < concurrency && buffered < maxBufferedLogs && queue.length < concurrency * 8
    }
    const launch = () => {
      while (!stopped && next <= toBlock && canLaunch()) {
        const from = next
        const to = Math.min(toBlock, from + planner.size() - 1)
        next = to + 1
        const slot: Slot = { fromBlock: from, toBlock: to, settled: false, logs: 0, promise: source.fetch(from, to, chainHead) }
        slot.promise.then(
          (batch) => {
            slot.settled = true
            slot.logs = logCount(batch)
            launch()
          },
          (error) => {
            slot.settled = true
            slot.error = error
          },
        )
        queue.push(slot)
      }
      if (next > toBlock && !allLaunched) {
        allLaunched = true
        onAllLaunched?.()
      }
    }
    try {
      launch()
      while (queue.length > 0) {
        signal?.throwIfAborted()
        const started = Date.now()
        const first = queue.shift()!
        const batches = [await first.promise]
        const waitedMs = Date.now() - started
        let logs = logCount(batches[0]!)
        // Fold in the ranges right behind it that are already there.
        while (queue[0]?.settled && !queue[0].error && logs < maxLogsPerTransaction) {
          const b = await queue.shift()!.promise
          batches.push(b)
          logs += logCount(b)
        }
        launch()
        signal?.throwIfAborted()
        const merged = mergeBatches(batches)
        const writeStarted = Date.now()
        const inserted = writer.write(merged)
        const ms = Date.now() - started
        logger.debug('batch written', { fromBlock: merged.fromBlock, toBlock: merged.toBlock, events: inserted, waitedMs, writeMs: Date.now() - writeStarted })
        onBatch?.({ fromBlock: merged.fromBlock, toBlock: merged.toBlock, events: inserted, ms })
      }
    } finally {
      // Whatever is still in flight is abandoned: its results are never written, and nothing more is asked for.
      stopped = true
      for (const slot of queue) slot.promise.catch(() => {})
    }
  }

  return { run }
}

function mergeBatches(batches: Batch[]): Batch {
  if (batches.length === 1) return batches[0]!
  const last = batches.at(-1)!
  return {
    fromBlock: batches[0]!.fromBlock,
    toBlock: last.toBlock,
    toBlockHash: last.toBlockHash,
    chainHead: last.chainHead,
    entries: batches.flatMap((b) => b.entries),
    packed: batches.flatMap((b) => b.packed ?? []),
    reads: batches.flatMap((b) => b.reads),
    headers: [last.headers.at(-1)!],
    recordUndo: false,
  }
}

const logCount = (batch: Batch) => batch.entries.length + (batch.packed ?? []).reduce((n, p) => n + p.count, 0)
