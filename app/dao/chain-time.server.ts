import { and, desc, eq } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { indexerBlocks, rawLogs } from '../../db/schema'
import { getIndexerStatus } from '../../indexer/status'

// "Now" for deciding whether a vote is still open or an optimistic action can be executed. The
// contracts compare against block.timestamp, and on the devnet the chain clock runs ahead of
// the wall clock (the seed moves it forward), so the latest indexed block's timestamp is the
// better clock. The wall clock is a floor: on an idle devnet no block is mined for a while,
// and the next block will not be older than either of them.

export function latestIndexedBlockTime(db: Db, chainId: number): number | null {
  const checkpoint = getIndexerStatus(db, chainId)
  if (checkpoint) {
    const block = db
      .select({ timestamp: indexerBlocks.timestamp })
      .from(indexerBlocks)
      .where(and(eq(indexerBlocks.chainId, chainId), eq(indexerBlocks.blockNumber, checkpoint.indexedBlock)))
      .get()
    if (block) return block.timestamp
  }
  const log = db
    .select({ timestamp: rawLogs.blockTimestamp })
    .from(rawLogs)
    .where(eq(rawLogs.chainId, chainId))
    .orderBy(desc(rawLogs.blockNumber))
    .limit(1)
    .get()
  return log?.timestamp ?? null
}

export function getChainNow(db: Db, chainId: number, wallClock = Math.floor(Date.now() / 1000)): number {
  return Math.max(latestIndexedBlockTime(db, chainId) ?? 0, wallClock)
}
