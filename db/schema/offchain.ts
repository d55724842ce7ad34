import { sql } from 'drizzle-orm'
import { blob, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/** Content-addressed documents (task, application, proposal metadata) served at /ipfs/:cid. */
export const contentBlobs = sqliteTable('content_blobs', {
  cid: text().primaryKey(),
  bytes: blob({ mode: 'buffer' }).notNull(),
  mediaType: text().notNull().default('application/json'),
  createdAt: integer({ mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch() * 1000)`),
})

/**
 * Signed reasons for DAO votes (documents/votes.ts), by the proposal they are about: the document
 * itself is in content_blobs under `cid`. Off chain and kept across re-indexing; a reason is shown
 * only while its voter's vote on chain has the same option, so a row alone proves nothing.
 */
export const daoVoteReasons = sqliteTable(
  'dao_vote_reasons',
  {
    chainId: integer('chain_id').notNull(),
    plugin: text('plugin').notNull(),
    proposalId: text('proposal_id').notNull(),
    voter: text('voter').notNull(),
    option: text('option', { enum: ['yes', 'no', 'abstain'] }).notNull(),
    cid: text('cid').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.plugin, t.proposalId, t.voter, t.cid] })],
)
