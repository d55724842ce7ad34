import { and, eq, sql } from 'drizzle-orm'
import type { Db } from './client'
import { indexerBlocks, syncCheckpoints } from './schema'

// How far the indexer got on a chain, as every reader needs it (the app's status page, banners,
// read-your-writes, chain time; the indexer's `status` command): one primary-key read of the
// checkpoint and its block's header, which the indexer keeps in indexer_blocks (see its invariants).

export type IndexerStatus = {
  /** Last fully indexed block: every event at or below it is visible in the projections. */
  indexedBlock: number
  /** That block's timestamp: the chain's clock as far as the projections know it. */
  indexedBlockTime: number | null
  /** The chain head the indexer saw last. */
  chainHead: number
  lag: number
  /** ms since epoch of the indexer's last write (batch or head poll). */
  updatedAt: number
  /** Why the indexer stopped (e.g. a reorg deeper than finality); null while healthy. */
  halted: string | null
}

/** The indexer's progress on a chain, or undefined before its first batch. */
export function getIndexerStatus(db: Db, chainId: number): IndexerStatus | undefined {
  const row = statusQueryOf(db).get({ chainId })
  if (!row) return undefined
  const { checkpoint } = row
  return {
    indexedBlock: checkpoint.blockNumber,
    indexedBlockTime: row.blockTime,
    chainHead: checkpoint.chainHead,
    lag: Math.max(0, checkpoint.chainHead - checkpoint.blockNumber),
    updatedAt: checkpoint.updatedAt,
    halted: checkpoint.haltedReason ?? null,
  }
}

// Every page reads the status two or three times (the layout's stale notice, chain time): the
// query is built and prepared once per database handle rather than on each call.
const statusQueries = new WeakMap<Db, ReturnType<typeof prepareStatusQuery>>()

function prepareStatusQuery(db: Db) {
  return db
    .select({ checkpoint: syncCheckpoints, blockTime: indexerBlocks.timestamp })
    .from(syncCheckpoints)
    .leftJoin(indexerBlocks, and(eq(indexerBlocks.chainId, syncCheckpoints.chainId), eq(indexerBlocks.blockNumber, syncCheckpoints.blockNumber)))
    .where(eq(syncCheckpoints.chainId, sql.placeholder('chainId')))
    .prepare()
}

function statusQueryOf(db: Db) {
  let query = statusQueries.get(db)
  if (!query) statusQueries.set(db, (query = prepareStatusQuery(db)))
  return query
}
