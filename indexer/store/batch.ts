import type { Hex } from 'viem'
import type { DecodedEvent } from '../decode/decoder'
import type { ReadRow } from '../reads/plan'
import type { BlockHeader, IndexedLog, RpcLog } from '../rpc/eth'
import type { PackedLogs } from './packed-logs'

// What a batch is: a block range's logs (decoded or not, as objects or packed), their pinned
// reads and the headers to remember, written by apply-batch.ts in one transaction.

/** `event` null: the decoder does not know the log; undefined: not decoded yet. */
export type BatchEntry = { log: IndexedLog; event?: DecodedEvent | null }

export type Batch = {
  fromBlock: number
  toBlock: number
  toBlockHash: Hex
  chainHead: number
  entries: BatchEntry[]
  /** More logs, packed (from the fetch worker), undecoded; applied after `entries` in log order. */
  packed?: PackedLogs[]
  reads: ReadRow[]
  /** Headers to remember: every unfinalized block of the batch, and at least the `toBlock` one. */
  headers: BlockHeader[]
  /** Record before-images for rollback (the batch touches blocks a reorg may still replace). */
  recordUndo: boolean
}

export const compareLogs = (a: RpcLog, b: RpcLog) =>
  a.blockNumber - b.blockNumber || a.transactionIndex - b.transactionIndex || a.logIndex - b.logIndex
