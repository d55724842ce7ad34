import type Database from 'better-sqlite3'
import { projectionSpecs } from './tables'

// Drops what the indexer wrote for one chain (raw layer, projections, checkpoint, headers, undo)
// so it can index from scratch. The metadata cache is kept: documents are content-addressed.

export function resetIndexedChain(sqlite: Database.Database, chainId: number): void {
  const tables = ['raw_logs', 'raw_reads', 'sync_checkpoints', 'indexer_blocks', 'indexer_undo', ...[...projectionSpecs.values()].map((s) => s.sqlName)]
  sqlite.transaction(() => {
    for (const table of tables) sqlite.prepare(`DELETE FROM "${table}" WHERE chain_id = ?`).run(chainId)
  }).immediate()
}

/** Deletes every projection row of the chain (rebuild starts from here). */
export function clearProjections(sqlite: Database.Database, chainId: number): void {
  for (const spec of projectionSpecs.values()) sqlite.prepare(`DELETE FROM "${spec.sqlName}" WHERE chain_id = ?`).run(chainId)
  sqlite.prepare('DELETE FROM indexer_undo WHERE chain_id = ?').run(chainId)
}
