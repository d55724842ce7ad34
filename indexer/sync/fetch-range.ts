import type { Hex } from 'viem'
import type { Decoder } from '../decode/decoder'
import type { Logger } from '../logger'
import type { LearningTurn } from '../reads/learning-turns'
import type { ReadPlanner, ReadRow } from '../reads/plan'
import { RangeTooLargeError, RpcTimeoutError } from '../errors'
import type { BlockHeader, Eth, IndexedLog, RpcLog } from '../rpc/eth'
import type { BatchEntry } from '../store/batch'
import type { RangePlanner } from './range-planner'

// Fetches the portal's logs of a block range (every contract address in one eth_getLogs), splitting
// the range when the node refuses it as too large or times out, then decodes them, fills in block
// timestamps the node left out, and performs the contract reads their events need.

export type PreparedLogs = { entries: BatchEntry[]; reads: ReadRow[] }

export function createRangeFetcher({
  eth,
  addresses,
  planner,
  decode,
  readsFor,
  logger,
  getLogsTimeoutMs,
}: {
  eth: Eth
  addresses: Hex[]
  planner: RangePlanner
  decode: Decoder
  readsFor: ReadPlanner
  logger: Logger
  getLogsTimeoutMs?: number
}) {
  async function fetchLogs(fromBlock: number, toBlock: number): Promise<RpcLog[]> {
    try {
      const logs = await eth.getLogs(
        { fromBlock, toBlock, address: addresses },
        { timeoutMs: getLogsTimeoutMs, retryTimeouts: fromBlock === toBlock },
      )
      planner.onSuccess(toBlock - fromBlock + 1, logs.length)
      return logs
    } catch (error) {
      const tooLarge = error instanceof RangeTooLargeError || error instanceof RpcTimeoutError
      if (!tooLarge || fromBlock >= toBlock) throw error
      const blocks = toBlock - fromBlock + 1
      planner.onTooLarge(blocks)
      const suggested = error instanceof RangeTooLargeError ? error.suggestedToBlock : undefined
      const mid =
        suggested !== undefined && suggested >= fromBlock && suggested < toBlock ? suggested : fromBlock + Math.floor((blocks - 1) / 2)
      logger.debug('range split', { fromBlock, toBlock, mid, reason: (error as Error).message.slice(0, 120) })
      const left = await fetchLogs(fromBlock, mid)
      const right = await fetchLogs(mid + 1, toBlock)
      return left.concat(right)
    }
  }

  /** Fills in each log's block timestamp (from `headers` when given, else fetched), in place: the log objects are this fetch's own. */
  async function stamp(logs: RpcLog[], headers?: Map<number, BlockHeader>): Promise<IndexedLog[]> {
    const missing = new Set<number>()
    for (const log of logs) if (log.blockTimestamp === undefined && !headers?.has(log.blockNumber)) missing.add(log.blockNumber)
    const fetched = new Map<number, number>()
    if (missing.size > 0) {
      const numbers = [...missing].sort((a, b) => a - b)
      for (let i = 0; i < numbers.length; i += 100) {
        const chunk = numbers.slice(i, i + 100)
        const blocks = await eth.rpc.batch<{ timestamp: string } | null>(
          chunk.map((n) => ({ method: 'eth_getBlockByNumber', params: [`0x${n.toString(16)}`, false] })),
        )
        blocks.forEach((b, j) => b && fetched.set(chunk[j]!, Number.parseInt(b.timestamp, 16)))
      }
    }
    for (const log of logs) log.blockTimestamp = headers?.get(log.blockNumber)?.timestamp ?? log.blockTimestamp ?? fetched.get(log.blockNumber) ?? 0
    return logs as IndexedLog[]
  }

  /**
   * Timestamps, decoded events and pinned reads (planned in the range's `turn`, when it has one).
   * `headers`: the blocks of a range fetched while following the head, whose last block may be the
   * node's newest.
   */
  async function prepare(logs: RpcLog[], headers?: Map<number, BlockHeader>, turn?: LearningTurn): Promise<PreparedLogs> {
    const stamped = await stamp(logs, headers)
    const entries: BatchEntry[] = new Array(stamped.length)
    for (let i = 0; i < stamped.length; i++) entries[i] = { log: stamped[i]!, event: decode(stamped[i]!) ?? null }
    const planned = entries.map((e) => ({ log: e.log, event: e.event ?? undefined }))
    let reads = await readsFor(planned, turn)
    const tip = headers && headers.size > 0 ? Math.max(...headers.keys()) : undefined
    if (tip !== undefined && reads.some((r) => r.blockNumber === tip)) reads = await rereadIfHeadMoved(planned, reads, tip)
    return { entries, reads }
  }

  /**
   * A read pinned to the node's newest block can be answered from a later state: anvil checks that
   * the block is its head, then answers from its live state, which a block mined meanwhile has
   * already changed (found as a flaky re-index: a balance read after the task was paid out).
   * Once the node is past the block, it answers from that block's own state, so the tip's reads
   * are made again if a block came while they were out. Nodes that always read the block's own
   * state give the same answer twice.
   */
  async function rereadIfHeadMoved(planned: Parameters<ReadPlanner>[0], reads: ReadRow[], tip: number): Promise<ReadRow[]> {
    const head = await eth.blockNumber()
    if (head <= tip) return reads
    logger.debug('reads of the newest block made again: the node moved past it meanwhile', { block: tip, head })
    const again = await readsFor(planned.filter((p) => p.log.blockNumber === tip))
    return reads.filter((r) => r.blockNumber !== tip).concat(again)
  }

  return { fetchLogs, stamp, prepare }
}

export type RangeFetcher = ReturnType<typeof createRangeFetcher>
