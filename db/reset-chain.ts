import { eq, getTableColumns, is } from 'drizzle-orm'
import { SQLiteTable } from 'drizzle-orm/sqlite-core'
import type { Db } from './client'
import * as chainSchema from './schema/chain'

/**
 * Deletes everything indexed from one chain (raw logs, projections, checkpoint) in one
 * transaction, leaving off-chain data alone. Used when a devnet starts from a fresh chain:
 * the old rows describe blocks that no longer exist. Every chain table has a chainId column.
 */
export function resetChainProjection(db: Db, chainId: number): void {
  const tables = (Object.values(chainSchema) as unknown[]).filter((value): value is SQLiteTable => is(value, SQLiteTable))
  db.transaction((tx) => {
    for (const table of tables) {
      const columns = getTableColumns(table) as Record<string, unknown>
      const chainIdColumn = columns.chainId
      if (!chainIdColumn) throw new Error('every chain table needs a chainId column')
      tx.delete(table).where(eq(chainIdColumn as never, chainId)).run()
    }
  })
}
