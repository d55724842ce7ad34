import { sql } from 'drizzle-orm'
import { bigint, pgTable, primaryKey, text } from 'drizzle-orm/pg-core'
import { bytea, epochMs } from './column-types'

/** Content-addressed documents (task, application, proposal metadata) served at /ipfs/:cid. */
export const contentBlobs = pgTable('content_blobs', {
  cid: text().primaryKey(),
  bytes: bytea().notNull(),
  mediaType: text().notNull().default('application/json'),
  createdAt: epochMs().notNull().default(sql`(extract(epoch from now()) * 1000)::bigint`),
})

/** Signed reasons for DAO votes (see db/schema/offchain.ts). */
export const daoVoteReasons = pgTable(
  'dao_vote_reasons',
  {
    chainId: bigint('chain_id', { mode: 'number' }).notNull(),
    plugin: text('plugin').notNull(),
    proposalId: text('proposal_id').notNull(),
    voter: text('voter').notNull(),
    option: text('option', { enum: ['yes', 'no', 'abstain'] }).notNull(),
    cid: text('cid').notNull(),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.plugin, t.proposalId, t.voter, t.cid] })],
)
