import type Database from 'better-sqlite3'
import type { CheckpointStore } from './checkpoint'
import { projectionSpecs, type TableSpec } from './tables'

// Rolls the chain's data back to a common ancestor: replays the undo log newest first (restoring
// every projection row exactly as it was before the first rolled-back block), then deletes the raw
// logs, reads and headers above the ancestor and moves the checkpoint there. One transaction.

export function createRollback(sqlite: Database.Database, chainId: number, checkpoints: CheckpointStore) {
  const specs = new Map<string, TableSpec>([...projectionSpecs.values()].map((s) => [s.sqlName, s]))
  const statements = new Map<string, { restore: Database.Statement; remove: Database.Statement }>()
  const prepared = (spec: TableSpec) => {
    let s = statements.get(spec.sqlName)
    if (!s) {
      const sqlOf = (key: string) => spec.columns.find((c) => c.key === key)!.sqlName
      s = {
        restore: sqlite.prepare(
          `INSERT OR REPLACE INTO "${spec.sqlName}" (${spec.columns.map((c) => `"${c.sqlName}"`).join(', ')}) VALUES (${spec.columns.map(() => '?').join(', ')})`,
        ),
        remove: sqlite.prepare(`DELETE FROM "${spec.sqlName}" WHERE ${spec.primaryKey.map((k) => `"${sqlOf(k)}" = ?`).join(' AND ')}`),
      }
      statements.set(spec.sqlName, s)
    }
    return s
  }
  const undoRows = sqlite.prepare(
    'SELECT table_name AS tableName, row_key AS rowKey, before FROM indexer_undo WHERE chain_id = ? AND block_number > ? ORDER BY id DESC',
  )
  const deletes = [
    sqlite.prepare('DELETE FROM indexer_undo WHERE chain_id = ? AND block_number > ?'),
    sqlite.prepare('DELETE FROM raw_logs WHERE chain_id = ? AND block_number > ?'),
    sqlite.prepare('DELETE FROM raw_reads WHERE chain_id = ? AND block_number > ?'),
    sqlite.prepare('DELETE FROM indexer_blocks WHERE chain_id = ? AND block_number > ?'),
  ]
  const refreshTitles = [
    sqlite.prepare(
      "UPDATE tasks SET title = (SELECT m.title FROM metadata_documents m WHERE m.chain_id = tasks.chain_id AND m.uri = tasks.metadata_uri AND m.status = 'ok') WHERE chain_id = ?",
    ),
    sqlite.prepare(
      "UPDATE dao_proposals SET title = (SELECT m.title FROM metadata_documents m WHERE m.chain_id = dao_proposals.chain_id AND m.uri = dao_proposals.metadata_uri AND m.status = 'ok') WHERE chain_id = ?",
    ),
  ]

  return sqlite.transaction((ancestor: { number: number; hash: `0x${string}` }, chainHead: number, finalityDepth: number) => {
    let restored = 0
    for (const row of undoRows.all(chainId, ancestor.number) as { tableName: string; rowKey: string; before: string | null }[]) {
      const spec = specs.get(row.tableName)
      if (!spec) throw new Error(`undo log names unknown table ${row.tableName}`)
      const s = prepared(spec)
      if (row.before === null) s.remove.run(...(JSON.parse(row.rowKey) as unknown[]))
      else s.restore.run(...(JSON.parse(row.before) as unknown[]))
      restored++
    }
    for (const statement of deletes) statement.run(chainId, ancestor.number)
    for (const statement of refreshTitles) statement.run(chainId)
    checkpoints.write({ blockNumber: ancestor.number, blockHash: ancestor.hash, chainHead, finalityDepth })
    return restored
  })
}
