import { eq } from 'drizzle-orm'
import type { Db } from '../db/client'
import { syncCheckpoints } from '../db/schema/chain'

export type IndexerStatus = {
  /** Last fully indexed block: every event at or below it is visible in the projections. */
  indexedBlock: number
  /** The chain head the indexer saw last. */
  chainHead: number
  lag: number
  /** ms since epoch of the indexer's last write (batch or head poll). */
  updatedAt: number
  /** Why the indexer stopped (e.g. a reorg deeper than finality); null while healthy. */
  halted: string | null
}

/** The indexer's progress on a chain, or undefined before its first batch. Cheap: one primary-key read. */
export function getIndexerStatus(db: Db, chainId: number): IndexerStatus | undefined {
  const row = db.select().from(syncCheckpoints).where(eq(syncCheckpoints.chainId, chainId)).get()
  if (!row) return undefined
  return {
    indexedBlock: row.blockNumber,
    chainHead: row.chainHead,
    lag: Math.max(0, row.chainHead - row.blockNumber),
    updatedAt: row.updatedAt,
    halted: row.haltedReason ?? null,
  }
}
