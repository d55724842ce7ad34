import { parentPort, workerData } from 'node:worker_threads'
import { createDecoder, type DecodedEvent } from '../decode/decoder'
import { jsonReplacer, type Logger, type LogFields, type LogLevel } from '../logger'
import { createTaskInfoCache } from '../reads/escrow'
import { createLearningTurns, type LearningTurn } from '../reads/learning-turns'
import { createReadPlanner, eventsNeedingReads } from '../reads/plan'
import { createRpcClient } from '../rpc/client'
import { errorToWire } from '../errors'
import { createEth, type RpcLog } from '../rpc/eth'
import type { BatchEntry } from '../store/batch'
import type { IndexedLog } from '../rpc/eth'
import { packedBuffers, packLogs } from '../store/packed-logs'
import { fetchRangeBatch, type PreparedRange } from './batch-source'
import { createRangeFetcher } from './fetch-range'
import type { FetchWorkerData, FromWorker, ToWorker } from './fetch-worker-protocol'
import type { RangePlanner } from './range-planner'

// The backfill's fetch worker: eth_getLogs (JSON parsing included) and the pinned contract reads
// of each range run here, in parallel with the SQLite writes on the indexer's thread. Only final
// blocks come through here, so nothing it caches is ever rolled back. Logs go back packed
// (store/packed-logs.ts), undecoded: the writer decodes each as it applies it, so here only the events
// that need reads are decoded.

const port = parentPort!
const data = workerData as FetchWorkerData
const post = (message: FromWorker, transfer?: ArrayBuffer[]) => port.postMessage(message, transfer)

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
// The fetcher gets the full decoder (its `prepare` must decode every log); planning the reads
// needs only the events that have reads.
const decodeForReads = createDecoder(data.contracts, { only: eventsNeedingReads })
const readsFor = createReadPlanner({ eth, tasks, cache: createTaskInfoCache() })
const fetcher = createRangeFetcher({
  eth,
  addresses: data.contracts.map((c) => c.address),
  planner,
  decode: createDecoder(data.contracts),
  readsFor,
  logger,
  getLogsTimeoutMs: data.getLogsTimeoutMs,
})

/**
 * A range's logs, packed before the reads are awaited: the parsed log objects then die young
 * instead of surviving (and being copied by) the GCs that run while the reads are out.
 */
async function packAndRead(fetched: RpcLog[], turn: LearningTurn): Promise<PreparedRange> {
  const logs = await fetcher.stamp(fetched)
  const needingReads: { log: IndexedLog; event: DecodedEvent }[] = []
  for (const log of logs) {
    const event = decodeForReads(log)
    if (event) needingReads.push({ log, event })
  }
  const packed = packLogs(logs)
  // Not packable (never from a node's hex): the logs go as objects, undecoded, for the writer to decode.
  const entries: BatchEntry[] = packed ? [] : logs.map((log) => ({ log }))
  const reads = await readsFor(needingReads, turn)
  return packed ? { entries, reads, packed: [packed] } : { entries, reads }
}

// Fetch requests arrive in the order the ranges were asked for: each takes its learning turn on arrival.
const turns = createLearningTurns()

port.on('message', (message: ToWorker) => {
  if (message.type !== 'fetch') return
  const { id, fromBlock, toBlock, chainHead } = message
  fetchRangeBatch({ eth, fetcher, logger, turns }, { fromBlock, toBlock, chainHead }, packAndRead).then(
    (batch) => post({ type: 'batch', id, batch }, (batch.packed ?? []).flatMap(packedBuffers)),
    (error: unknown) => post({ type: 'error', id, error: errorToWire(error) }),
  )
})
post({ type: 'ready' })
