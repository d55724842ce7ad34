import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'

// Projections of on-chain events, owned by the indexer. Amounts are decimal strings
// (lossless bigint); block numbers fit in SQLite's 64-bit integers.

/** Every decoded log, unique on (chain, block hash, log index): the source projections are rebuilt from. */
export const rawLogs = sqliteTable(
  'raw_logs',
  {
    chainId: integer().notNull(),
    blockHash: text().notNull(),
    logIndex: integer().notNull(),
    blockNumber: integer().notNull(),
    blockTimestamp: integer().notNull(),
    transactionHash: text().notNull(),
    transactionIndex: integer().notNull(),
    address: text().notNull(),
    topics: text().notNull(),
    data: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.blockHash, t.logIndex] }),
    index('raw_logs_order').on(t.chainId, t.blockNumber, t.transactionIndex, t.logIndex),
  ],
)

/** How far the indexer got per chain, written in the same transaction as the data. */
export const syncCheckpoints = sqliteTable('sync_checkpoints', {
  chainId: integer().primaryKey(),
  blockNumber: integer().notNull(),
  blockHash: text().notNull(),
  chainHead: integer().notNull(),
  updatedAt: integer().notNull(),
  /** Set when the indexer stopped on an error the operator must act on (e.g. a deep reorg). */
  haltedReason: text(),
})

export const tasks = sqliteTable(
  'tasks',
  {
    chainId: integer().notNull(),
    taskId: integer().notNull(),
    metadataUri: text().notNull(),
    title: text(),
    deadline: integer().notNull(),
    manager: text().notNull(),
    disputeManager: text().notNull(),
    creator: text().notNull(),
    state: text({ enum: ['open', 'taken', 'closed'] }).notNull(),
    escrow: text().notNull(),
    nativeBudget: text().notNull(),
    createdBlock: integer().notNull(),
    createdAt: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.taskId] })],
)
