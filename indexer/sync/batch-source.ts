import type { Hex } from 'viem'
import type { Logger } from '../logger'
import type { Eth, RpcLog } from '../rpc/eth'
import type { Batch } from '../store/batch'
import { createLearningTurns, type LearningTurn, type LearningTurns } from '../reads/learning-turns'
import type { RangeFetcher } from './fetch-range'

// Where the backfill gets a range's batch (logs, decoded events, pinned reads, the last header)
// from: this thread (`createInProcessBatchSource`) or a fetch worker (fetch-worker-client.ts),
// which takes the JSON parsing and reads off the thread that writes SQLite (and sends the logs
// packed, see store/packed-logs.ts).

export type BatchSource = {
  fetch: (fromBlock: number, toBlock: number, chainHead: number) => Promise<Batch>
  /** Resolves once the source can fetch (the worker has loaded). */
  ready: () => Promise<void>
  close: () => Promise<void>
}

/** The parts of a batch made from a range's logs: by `RangeFetcher.prepare` here, packed in the fetch worker. */
export type PreparedRange = Pick<Batch, 'entries' | 'reads' | 'packed'>

/**
 * A range's logs and its last block's header, fetched together, made into a batch by `prepare`.
 * The range takes its learning turn when called, so call it in range order (see reads/learning-turns.ts).
 */
export async function fetchRangeBatch(
  { eth, fetcher, logger, turns }: { eth: Eth; fetcher: RangeFetcher; logger: Logger; turns: LearningTurns },
  { fromBlock, toBlock, chainHead }: { fromBlock: number; toBlock: number; chainHead: number },
  prepare: (logs: RpcLog[], turn: LearningTurn) => Promise<PreparedRange>,
): Promise<Batch> {
  const turn = turns.take()
  try {
    const started = Date.now()
    const [logs, header] = await Promise.all([fetcher.fetchLogs(fromBlock, toBlock), eth.header(toBlock)])
    if (!header) throw new Error(`block ${toBlock} is missing from the node`)
    const fetchMs = Date.now() - started
    const prepared = await prepare(logs, turn)
    logger.debug('range fetched', { fromBlock, toBlock, events: logs.length, reads: prepared.reads.length, fetchMs, prepareMs: Date.now() - started - fetchMs })
    return { fromBlock, toBlock, toBlockHash: header.hash as Hex, chainHead, ...prepared, headers: [header], recordUndo: false }
  } finally {
    // A range that failed has nothing to teach: the ranges after it must not wait for it.
    turn.learned()
  }
}

export function createInProcessBatchSource({ eth, fetcher, logger }: { eth: Eth; fetcher: RangeFetcher; logger: Logger }): BatchSource {
  const deps = { eth, fetcher, logger, turns: createLearningTurns() }
  return {
    fetch: (fromBlock, toBlock, chainHead) =>
      fetchRangeBatch(deps, { fromBlock, toBlock, chainHead }, (logs, turn) => fetcher.prepare(logs, undefined, turn)),
    ready: async () => {},
    close: async () => {},
  }
}
