import type { Db } from '#db/client'
import { getIndexerStatus } from '#db/indexer-status'

// "Now" as the chain sees it, in unix seconds, for what the contracts will decide by
// block.timestamp: whether a vote is still open, an optimistic action executable, a cancel
// immediate; and for relative dates. The newest indexed block's timestamp is the better clock, as
// on the devnet the chain runs ahead of the wall clock (the seed moves it forward); the wall clock
// is a floor, since on an idle chain no block is mined for a while and the next one will not be
// older than either.

export function getChainNow(db: Db, chainId: number, wallClock = Math.floor(Date.now() / 1000)): number {
  return Math.max(getIndexerStatus(db, chainId)?.indexedBlockTime ?? 0, wallClock)
}
