import type Database from 'better-sqlite3'
import { OutOfOrderBatchError } from '../errors'
import type { DecodedEvent, Decoder } from '../decode/decoder'
import type { Projector } from '../projections/projector'
import type { IndexedLog } from '../rpc/eth'
import { compareLogs, type Batch, type BatchEntry } from './batch'
import { createPackedReader, packedInOrder, unpackLogs } from './packed-logs'
import type { CheckpointStore } from './checkpoint'
import type { ProjectionStore } from './projection-store'

// One SQLite transaction per batch: raw logs, pinned reads, projections, remembered headers and
// the checkpoint are written together or not at all, so a crash at any instant loses nothing and
// duplicates nothing. A log already stored (same chain, block hash, log index) is skipped, so a
// duplicated delivery never counts twice; a batch that does not continue the checkpoint is refused.

export function createBatchWriter({
  sqlite,
  chainId,
  finalityDepth,
  checkpoints,
  store,
  project,
  decode,
}: {
  sqlite: Database.Database
  chainId: number
  finalityDepth: number
  checkpoints: CheckpointStore
  store: ProjectionStore
  project: Projector
  decode: Decoder
}) {
  const insertLog = sqlite.prepare(
    `INSERT OR IGNORE INTO raw_logs (chain_id, block_hash, log_index, block_number, block_timestamp, transaction_hash, transaction_index, address, topics, data)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const insertRead = sqlite.prepare(
    'INSERT OR IGNORE INTO raw_reads (chain_id, block_hash, block_number, kind, key, result) VALUES (?, ?, ?, ?, ?, ?)',
  )

  const write = sqlite.transaction((batch: Batch): number => {
    const checkpoint = checkpoints.get()
    if (checkpoint && checkpoint.blockNumber !== batch.fromBlock - 1) {
      throw new OutOfOrderBatchError(`batch ${batch.fromBlock}-${batch.toBlock} does not follow checkpoint ${checkpoint.blockNumber}`)
    }
    store.begin()
    project.begin()
    for (const r of batch.reads) insertRead.run(chainId, r.blockHash, r.blockNumber, r.kind, r.key, r.result)
    let inserted = 0
    const apply = (log: IndexedLog, event: DecodedEvent | null | undefined) => {
      if (log.blockNumber < batch.fromBlock || log.blockNumber > batch.toBlock) return
      const result = insertLog.run(
        chainId,
        log.blockHash,
        log.logIndex,
        log.blockNumber,
        log.blockTimestamp,
        log.transactionHash,
        log.transactionIndex,
        log.address,
        topicsJson(log.topics),
        log.data,
      )
      if (result.changes === 0) return
      inserted++
      const decoded = event === undefined ? decode(log) : event
      if (!decoded) return
      store.setUndoBlock(batch.recordUndo ? log.blockNumber : null)
      project.apply(log, decoded)
    }
    const packed = batch.packed ?? []
    if (batch.entries.length === 0 && packedInOrder(packed)) {
      // The backfill's usual case: each log is made from the buffers as it is applied.
      for (const p of packed) {
        const reader = createPackedReader(p)
        for (let i = 0; i < reader.count; i++) apply(reader.log(i), undefined)
      }
    } else {
      const entries: BatchEntry[] = [...batch.entries]
      for (const p of packed) for (const log of unpackLogs(p)) entries.push({ log })
      entries.sort((a, b) => compareLogs(a.log, b.log))
      for (const { log, event } of entries) apply(log, event)
    }
    store.setUndoBlock(null)
    store.flush()
    project.flush()
    checkpoints.rememberBlocks(batch.headers)
    checkpoints.write({ blockNumber: batch.toBlock, blockHash: batch.toBlockHash, chainHead: batch.chainHead, finalityDepth })
    const finalized = batch.chainHead - finalityDepth
    checkpoints.prune(Math.min(finalized, batch.toBlock), finalized)
    return inserted
  })

  return { write: (batch: Batch) => write.immediate(batch) }
}

export type BatchWriter = ReturnType<typeof createBatchWriter>

/** JSON of a topic list (0x hex strings need no escaping): cheaper than JSON.stringify on the hot path. */
function topicsJson(topics: readonly string[]): string {
  return topics.length === 0 ? '[]' : `["${topics.join('","')}"]`
}
