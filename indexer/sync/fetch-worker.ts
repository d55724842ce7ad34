import { parentPort, workerData } from 'node:worker_threads'
import { createDecoder } from '../decode/decoder'
import { jsonReplacer, type Logger, type LogFields, type LogLevel } from '../logger'
import { createTaskInfoCache } from '../reads/escrow'
import { createReadPlanner } from '../reads/plan'
import { createRpcClient } from '../rpc/client'
import { errorToWire } from '../rpc/errors'
import { createEth } from '../rpc/eth'
import { createInProcessBatchSource } from './batch-source'
import { createRangeFetcher } from './fetch-range'
import type { FetchWorkerData, FromWorker, ToWorker } from './fetch-worker-protocol'
import type { RangePlanner } from './range-planner'

// The backfill's fetch worker: eth_getLogs (JSON parsing included), decoding and the pinned
// contract reads of each range run here, in parallel with the SQLite writes on the indexer's
// thread. Only final blocks come through here, so nothing it caches is ever rolled back.

const port = parentPort!
const data = workerData as FetchWorkerData
const post = (message: FromWorker) => port.postMessage(message)

// Log fields cross as the JSON the indexer's logger would write (bigints and errors made plain).
const send = (level: LogLevel) => (msg: string, fields?: LogFields) =>
  post({ type: 'log', level, msg, fields: fields && (JSON.parse(JSON.stringify(fields, jsonReplacer)) as LogFields) })
const logger: Logger = { debug: send('debug'), info: send('info'), warn: send('warn'), error: send('error'), child: () => logger }

// The planner's size is decided on the other side; here it only hears what each answer taught.
const planner: RangePlanner = {
  size: () => 0,
  ceiling: () => 0,
  onSuccess: (blocks, logs) => post({ type: 'planner', event: 'success', blocks, logs }),
  onTooLarge: (blocks) => post({ type: 'planner', event: 'tooLarge', blocks }),
}

const eth = createEth(createRpcClient({ url: data.rpcUrl, fallbackUrl: data.fallbackRpcUrl, logger, timeoutMs: data.rpcTimeoutMs }))
const tasks = data.contracts.find((c) => c.kind === 'tasks')?.address
const decode = createDecoder(data.contracts)
const fetcher = createRangeFetcher({
  eth,
  addresses: data.contracts.map((c) => c.address),
  planner,
  decode,
  readsFor: createReadPlanner({ eth, tasks, cache: createTaskInfoCache() }),
  logger,
  getLogsTimeoutMs: data.getLogsTimeoutMs,
})
const source = createInProcessBatchSource({ eth, fetcher, logger })

port.on('message', (message: ToWorker) => {
  if (message.type !== 'fetch') return
  const { id, fromBlock, toBlock, chainHead } = message
  source.fetch(fromBlock, toBlock, chainHead).then(
    (batch) => post({ type: 'batch', id, batch }),
    (error: unknown) => post({ type: 'error', id, error: errorToWire(error) }),
  )
})
post({ type: 'ready' })
