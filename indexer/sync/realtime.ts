import type { Logger } from '../logger'
import type { ReadRow } from '../reads/plan'
import { DeepReorgError, RetryableError } from '../errors'
import type { BlockHeader, Eth } from '../rpc/eth'
import type { BatchEntry } from '../store/batch'
import type { BatchWriter } from '../store/apply-batch'
import type { CheckpointStore } from '../store/checkpoint'
import type { RangeFetcher } from './fetch-range'

// Following the head. Each tick compares the node's latest block with what was indexed:
// new blocks are fetched with their headers, checked to extend the indexed chain (each block's
// parentHash is the hash of the one before), and written with undo images; a header that does
// not link, or a latest block whose hash differs from the one remembered at that height, is a
// reorg: roll back to the common ancestor (found by walking the remembered headers) and go on.

/** Unfinal blocks fetched and checked, ready to write. */
type Tip = { fromBlock: number; toBlock: number; headers: BlockHeader[]; entries: BatchEntry[]; reads: ReadRow[] }
export type PrefetchedTip = { fromBlock: number; promise: Promise<Tip | undefined> }

export type TickResult = { kind: 'idle' | 'indexed' | 'reorg'; head: number; indexedBlock: number; events?: number; depth?: number }

export function createRealtimeSync({
  eth,
  fetcher,
  writer,
  checkpoints,
  rollback,
  forgetFetchedAbove,
  finalityDepth,
  maxBlocksPerTick = 500,
  logger,
}: {
  eth: Eth
  fetcher: RangeFetcher
  writer: BatchWriter
  checkpoints: CheckpointStore
  /** Rolls every table back to `ancestor` (see store/rollback.ts) and forgets cached facts above it. */
  rollback: (ancestor: BlockHeader, chainHead: number) => void
  /** Forgets cached facts learned from fetched blocks above this one that will not be written (a discarded prefetch). */
  forgetFetchedAbove: (blockNumber: number) => void
  finalityDepth: number
  maxBlocksPerTick?: number
  logger: Logger
}) {
  /** Finds the newest remembered block still on the canonical chain and rolls back to it. */
  async function reconcile(head: number, reason: string): Promise<TickResult> {
    const checkpoint = checkpoints.get()
    if (!checkpoint) throw new Error('reconcile without a checkpoint')
    for (const remembered of checkpoints.blocksFrom(checkpoint.blockNumber)) {
      const canonical = await eth.header(remembered.number)
      if (canonical?.hash !== remembered.hash) continue
      const depth = checkpoint.blockNumber - remembered.number
      if (depth > finalityDepth) break
      if (depth > 0) {
        rollback(remembered, head)
        logger.warn('reorg', { reason, depth, ancestor: remembered.number, ancestorHash: remembered.hash, head })
      }
      return { kind: depth > 0 ? 'reorg' : 'idle', head, indexedBlock: remembered.number, depth }
    }
    throw new DeepReorgError(
      `indexed block ${checkpoint.blockNumber} (${checkpoint.blockHash}) is no longer on the chain and no common ancestor ` +
        `was found within the finality depth of ${finalityDepth} blocks: the chain reorganised deeper than finality or was reset. ` +
        `The indexed data is stale; re-index with \`npm run indexer -- --from-scratch\`.`,
    )
  }

  /** Headers of [fromBlock, toBlock], checked to link to each other (`latest` stands in for its own height). */
  async function fetchHeaders(fromBlock: number, toBlock: number, latest?: BlockHeader): Promise<BlockHeader[]> {
    const headers =
      latest?.number === toBlock ? [...(await eth.headers(fromBlock, toBlock - 1)), latest] : await eth.headers(fromBlock, toBlock)
    for (let i = 1; i < headers.length; i++) {
      // The node changed its mind between our calls: ask again on the next tick.
      if (headers[i]!.parentHash !== headers[i - 1]!.hash) throw new RetryableError(`headers ${fromBlock}-${toBlock} do not link (reorg in progress)`)
    }
    return headers
  }

  /** The logs of the headers' blocks, checked to belong to them, decoded and with their reads. */
  async function fetchContents(headers: BlockHeader[]): Promise<Tip> {
    const fromBlock = headers[0]!.number
    const toBlock = headers.at(-1)!.number
    const byNumber = new Map(headers.map((h) => [h.number, h]))
    const logs = await fetcher.fetchLogs(fromBlock, toBlock)
    for (const log of logs) {
      if (byNumber.get(log.blockNumber)?.hash !== log.blockHash) {
        throw new RetryableError(`log of block ${log.blockNumber} has hash ${log.blockHash}, not the header's (reorg in progress)`)
      }
    }
    const { entries, reads } = await fetcher.prepare(logs, byNumber)
    return { fromBlock, toBlock, headers, entries, reads }
  }

  /**
   * Starts fetching the unfinal tip while the backfill writes the final blocks below it, so the
   * first tick after the backfill does not wait for the network. Resolves undefined on failure:
   * the tick then fetches as usual.
   */
  function prefetch(fromBlock: number, toBlock: number): PrefetchedTip {
    const promise = fetchHeaders(fromBlock, Math.min(toBlock, fromBlock + maxBlocksPerTick - 1))
      .then(fetchContents)
      .catch((error: unknown) => {
        logger.debug('tip prefetch failed', { fromBlock, toBlock, error: (error as Error).message })
        return undefined
      })
    return { fromBlock, promise }
  }

  async function tick(prefetched?: PrefetchedTip): Promise<TickResult> {
    const checkpoint = checkpoints.get()
    if (!checkpoint) throw new Error('realtime sync needs a checkpoint (run the backfill first)')
    const latest = await eth.header('latest')
    if (!latest) throw new RetryableError('latest block unavailable')

    if (latest.number <= checkpoint.blockNumber) {
      const remembered = checkpoints.block(latest.number)
      if (latest.number < checkpoint.blockNumber || (remembered && remembered.hash !== latest.hash)) {
        return reconcile(latest.number, 'latest block differs from the indexed one')
      }
      checkpoints.touchHead(latest.number)
      return { kind: 'idle', head: latest.number, indexedBlock: checkpoint.blockNumber }
    }

    const fromBlock = checkpoint.blockNumber + 1
    const toBlock = Math.min(latest.number, checkpoint.blockNumber + maxBlocksPerTick)
    // A prefetched tip is used if it starts right above the checkpoint and the node still has
    // its last block (if the chain moved on, the next tick takes the rest; if the prefetched blocks
    // were replaced after all, that tick sees they do not link and rolls them back, as any reorg).
    const early = prefetched && (await prefetched.promise)
    const usable =
      early &&
      early.fromBlock === fromBlock &&
      early.toBlock <= latest.number &&
      (early.toBlock < latest.number || early.headers.at(-1)!.hash === latest.hash)
    // What reading the discarded blocks taught (escrows of tasks created there) may belong to another fork.
    if (prefetched && !usable) forgetFetchedAbove(prefetched.fromBlock - 1)
    const headers = usable ? early.headers : await fetchHeaders(fromBlock, toBlock, latest)
    if (headers[0]!.parentHash !== checkpoint.blockHash) {
      return reconcile(latest.number, `block ${fromBlock} does not extend indexed block ${checkpoint.blockNumber}`)
    }
    const tip = usable ? early : await fetchContents(headers)
    const last = tip.headers.at(-1)!
    const started = Date.now()
    const events = writer.write({
      fromBlock,
      toBlock: tip.toBlock,
      toBlockHash: last.hash,
      chainHead: latest.number,
      entries: tip.entries,
      reads: tip.reads,
      headers: tip.headers,
      recordUndo: true,
    })
    logger.info('batch', { fromBlock, toBlock: tip.toBlock, events, ms: Date.now() - started, head: latest.number, prefetched: usable === true })
    return { kind: 'indexed', head: latest.number, indexedBlock: tip.toBlock, events }
  }

  return { tick, reconcile, prefetch }
}

