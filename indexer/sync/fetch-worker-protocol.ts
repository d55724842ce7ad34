import type { IndexedContract } from '../config'
import type { LogFields, LogLevel } from '../logger'
import type { WireError } from '../errors'
import type { Batch } from '../store/batch'

// Messages between the backfill (fetch-worker-client.ts) and its fetch worker (fetch-worker.ts).

export type FetchWorkerData = {
  rpcUrl: string
  fallbackRpcUrl?: string
  rpcTimeoutMs: number
  getLogsTimeoutMs: number
  contracts: IndexedContract[]
}

export type ToWorker = { type: 'fetch'; id: number; fromBlock: number; toBlock: number; chainHead: number }

export type FromWorker =
  | { type: 'ready' }
  | { type: 'batch'; id: number; batch: Batch }
  | { type: 'error'; id: number; error: WireError }
  /** The range planner lives with the backfill: the worker reports what each eth_getLogs taught. */
  | { type: 'planner'; event: 'success'; blocks: number; logs: number }
  | { type: 'planner'; event: 'tooLarge'; blocks: number }
  | { type: 'log'; level: LogLevel; msg: string; fields?: LogFields }
