import { createHash } from 'node:crypto'
import type Database from 'better-sqlite3'
import { projectionSpecs } from './store/tables'

// A row-level digest of what the indexer derived from a chain: raw logs, pinned reads, every
// projection and the checkpoint position. Timing-dependent bookkeeping (head seen, wall-clock
// times, undo images, remembered headers, metadata fetch attempts) is left out, so two DBs that
// indexed the same chain digest equal however they got there.

export type ChainDigest = { digest: string; tables: Record<string, { rows: number; digest: string }> }

export function digestChain(sqlite: Database.Database, chainId: number): ChainDigest {
  const sources: { table: string; sql: string }[] = [
    { table: 'raw_logs', sql: 'SELECT * FROM raw_logs WHERE chain_id = ? ORDER BY block_number, transaction_index, log_index, block_hash' },
    { table: 'raw_reads', sql: 'SELECT * FROM raw_reads WHERE chain_id = ? ORDER BY block_number, block_hash, kind, key' },
    { table: 'sync_checkpoints', sql: 'SELECT chain_id, block_number, block_hash FROM sync_checkpoints WHERE chain_id = ?' },
  ]
  for (const spec of projectionSpecs.values()) {
    const sqlOf = (key: string) => spec.columns.find((c) => c.key === key)!.sqlName
    sources.push({ table: spec.sqlName, sql: `SELECT * FROM "${spec.sqlName}" WHERE chain_id = ? ORDER BY ${spec.primaryKey.map((k) => `"${sqlOf(k)}"`).join(', ')}` })
  }
  const all = createHash('sha256')
  const tables: ChainDigest['tables'] = {}
  for (const { table, sql } of sources) {
    const hash = createHash('sha256')
    let rows = 0
    for (const row of sqlite.prepare(sql).raw().iterate(chainId) as Iterable<unknown[]>) {
      hash.update(JSON.stringify(row))
      hash.update('\n')
      rows++
    }
    const digest = hash.digest('hex')
    tables[table] = { rows, digest }
    all.update(`${table}:${rows}:${digest}\n`)
  }
  return { digest: all.digest('hex'), tables }
}
