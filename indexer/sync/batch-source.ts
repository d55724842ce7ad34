import type { Hex } from 'viem'
import type { Logger } from '../logger'
import type { Eth } from '../rpc/eth'
import type { Batch } from '../store/apply-batch'
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

export function createInProcessBatchSource({ eth, fetcher, logger }: { eth: Eth; fetcher: RangeFetcher; logger: Logger }): BatchSource {
  return {
    async fetch(fromBlock, toBlock, chainHead) {
      const started = Date.now()
      const [logs, header] = await Promise.all([fetcher.fetchLogs(fromBlock, toBlock), eth.header(toBlock)])
      if (!header) throw new Error(`block ${toBlock} is missing from the node`)
      const fetchMs = Date.now() - started
      const { entries, reads } = await fetcher.prepare(logs)
      logger.debug('range fetched', { fromBlock, toBlock, events: logs.length, reads: reads.length, fetchMs, prepareMs: Date.now() - started - fetchMs })
      return { fromBlock, toBlock, toBlockHash: header.hash as Hex, chainHead, entries, reads, headers: [header], recordUndo: false }
    },
    ready: async () => {},
    close: async () => {},
  }
}
