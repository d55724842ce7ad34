import type Database from 'better-sqlite3'
import type { Hex } from 'viem'
import { PROJECTION_VERSION } from '../projections/version'
import type { BlockHeader } from '../rpc/eth'

// The sync checkpoint and the remembered headers of unfinalized blocks, per chain.
// Invariant: checkpoint.blockNumber is the last block whose logs are all in raw_logs and projected,
// and indexer_blocks holds its header (so the next block's parentHash can be checked against it).

export type Checkpoint = {
  chainId: number
  blockNumber: number
  blockHash: Hex
  chainHead: number
  updatedAt: number
  haltedReason: string | null
  finalityDepth: number
  /** The projection code that wrote the rows (projections/version.ts). */
  projectionVersion: number
}

export function createCheckpointStore(sqlite: Database.Database, chainId: number) {
  const select = sqlite.prepare(
    'SELECT chain_id AS chainId, block_number AS blockNumber, block_hash AS blockHash, chain_head AS chainHead, updated_at AS updatedAt, halted_reason AS haltedReason, finality_depth AS finalityDepth, projection_version AS projectionVersion FROM sync_checkpoints WHERE chain_id = ?',
  )
  const upsert = sqlite.prepare(
    // A new checkpoint's rows are this code's; an existing one keeps its version until a rebuild.
    `INSERT INTO sync_checkpoints (chain_id, block_number, block_hash, chain_head, updated_at, halted_reason, finality_depth, projection_version)
     VALUES (@chainId, @blockNumber, @blockHash, @chainHead, @updatedAt, NULL, @finalityDepth, ${PROJECTION_VERSION})
     ON CONFLICT (chain_id) DO UPDATE SET block_number = excluded.block_number, block_hash = excluded.block_hash,
       chain_head = excluded.chain_head, updated_at = excluded.updated_at, halted_reason = NULL, finality_depth = excluded.finality_depth`,
  )
  const updateHead = sqlite.prepare('UPDATE sync_checkpoints SET chain_head = ?, updated_at = ? WHERE chain_id = ?')
  const updateHalted = sqlite.prepare('UPDATE sync_checkpoints SET halted_reason = ?, updated_at = ? WHERE chain_id = ?')
  const updateVersion = sqlite.prepare('UPDATE sync_checkpoints SET projection_version = ? WHERE chain_id = ?')
  const insertBlock = sqlite.prepare(
    'INSERT OR REPLACE INTO indexer_blocks (chain_id, block_number, block_hash, parent_hash, timestamp) VALUES (?, ?, ?, ?, ?)',
  )
  const selectBlock = sqlite.prepare(
    'SELECT block_number AS number, block_hash AS hash, parent_hash AS parentHash, timestamp FROM indexer_blocks WHERE chain_id = ? AND block_number = ?',
  )
  const selectBlocksDesc = sqlite.prepare(
    'SELECT block_number AS number, block_hash AS hash, parent_hash AS parentHash, timestamp FROM indexer_blocks WHERE chain_id = ? AND block_number <= ? ORDER BY block_number DESC',
  )
  const pruneBlocks = sqlite.prepare('DELETE FROM indexer_blocks WHERE chain_id = ? AND block_number < ?')
  const pruneUndo = sqlite.prepare('DELETE FROM indexer_undo WHERE chain_id = ? AND block_number <= ?')

  return {
    get: () => select.get(chainId) as Checkpoint | undefined,
    write(cp: { blockNumber: number; blockHash: Hex; chainHead: number; finalityDepth: number }) {
      upsert.run({ chainId, ...cp, updatedAt: Date.now() })
    },
    touchHead(chainHead: number) {
      updateHead.run(chainHead, Date.now(), chainId)
    },
    setHalted(reason: string | null) {
      updateHalted.run(reason, Date.now(), chainId)
    },
    /** After a rebuild: the rows are this code's. */
    markProjectionsCurrent() {
      updateVersion.run(PROJECTION_VERSION, chainId)
    },
    rememberBlocks(headers: readonly BlockHeader[]) {
      for (const h of headers) insertBlock.run(chainId, h.number, h.hash, h.parentHash, h.timestamp)
    },
    block: (number: number) => selectBlock.get(chainId, number) as BlockHeader | undefined,
    /** Remembered headers at or below `number`, newest first. */
    blocksFrom: (number: number) => selectBlocksDesc.all(chainId, number) as BlockHeader[],
    /** Forgets what a reorg can no longer touch: headers below `keepFrom`, undo images at or below `finalized`. */
    prune(keepFrom: number, finalized: number) {
      pruneBlocks.run(chainId, keepFrom)
      pruneUndo.run(chainId, finalized)
    },
  }
}

export type CheckpointStore = ReturnType<typeof createCheckpointStore>
