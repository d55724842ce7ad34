import { Worker } from 'node:worker_threads'
import type { Logger } from '../logger'
import { errorFromWire, RetryableError } from '../errors'
import type { Batch } from '../store/batch'
import type { BatchSource } from './batch-source'
import type { FetchWorkerData, FromWorker, ToWorker } from './fetch-worker-protocol'
import type { RangePlanner } from './range-planner'

// The backfill's side of the fetch worker. The worker starts at once and is unref'd while idle, so
// it never keeps the process alive. Loading TypeScript and viem there takes ~1 s: until it is
// ready, ranges are fetched on this thread (a small backfill never waits for it). If it dies,
// pending ranges fail as retryable and later ones are fetched on this thread again.

export function createWorkerBatchSource({
  data,
  planner,
  logger,
  fallback,
}: {
  data: FetchWorkerData
  planner: RangePlanner
  logger: Logger
  /** Used until the worker has loaded, and once it has failed. */
  fallback: BatchSource
}): BatchSource {
  const pending = new Map<number, { resolve: (batch: Batch) => void; reject: (error: Error) => void }>()
  let nextId = 0
  let failed = false
  let closed = false
  let loaded = false

  const worker = new Worker(new URL('./fetch-worker-entry.mjs', import.meta.url), { execArgv: [], workerData: data })
  worker.unref()
  let markReady: () => void
  const ready = new Promise<void>((resolve) => (markReady = resolve))

  const settle = (id: number) => {
    const waiter = pending.get(id)
    pending.delete(id)
    if (pending.size === 0) worker.unref()
    return waiter
  }

  worker.on('message', (message: FromWorker) => {
    switch (message.type) {
      case 'ready':
        loaded = true
        markReady()
        break
      case 'batch':
        settle(message.id)?.resolve(message.batch)
        break
      case 'error':
        settle(message.id)?.reject(errorFromWire(message.error))
        break
      case 'planner':
        if (message.event === 'success') planner.onSuccess(message.blocks, message.logs)
        else planner.onTooLarge(message.blocks)
        break
      case 'log':
        logger[message.level](message.msg, message.fields)
        break
    }
  })
  const fail = (reason: string) => {
    if (failed || closed) return
    failed = true
    markReady()
    logger.warn('fetch worker stopped, fetching on the indexer thread', { reason })
    for (const id of [...pending.keys()]) settle(id)?.reject(new RetryableError(`fetch worker stopped: ${reason}`))
  }
  worker.on('error', (error) => fail(error.message))
  worker.on('exit', (code) => fail(`exit code ${code}`))

  return {
    fetch(fromBlock, toBlock, chainHead) {
      if (failed || closed || !loaded) return fallback.fetch(fromBlock, toBlock, chainHead)
      const id = nextId++
      return new Promise<Batch>((resolve, reject) => {
        pending.set(id, { resolve, reject })
        worker.ref()
        worker.postMessage({ type: 'fetch', id, fromBlock, toBlock, chainHead } satisfies ToWorker)
      })
    },
    ready: () => ready,
    async close() {
      if (closed) return
      closed = true
      markReady()
      for (const id of [...pending.keys()]) settle(id)?.reject(new Error('indexer stopped'))
      await worker.terminate()
    },
  }
}
