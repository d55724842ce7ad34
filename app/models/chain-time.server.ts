import type { Db } from '../../db/client'
import { sqliteOf } from './task-search.server'

/**
 * "Now" as the chain sees it, in unix seconds: the wall clock, or the newest indexed block's
 * timestamp when the chain runs ahead of it (a devnet whose clock was moved forward). The task
 * pages use it for relative dates and for what the contract will decide by `block.timestamp`
 * (e.g. whether a cancel is immediate).
 */
export function chainNow(db: Db, chainId: number): number {
  const wall = Math.floor(Date.now() / 1000)
  const row = sqliteOf(db)
    .prepare('SELECT timestamp FROM indexer_blocks WHERE chain_id = ? ORDER BY block_number DESC LIMIT 1')
    .get(chainId) as { timestamp: number } | undefined
  return Math.max(wall, row?.timestamp ?? 0)
}
