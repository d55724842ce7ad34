import { sql } from 'drizzle-orm'
import { pgTable, text } from 'drizzle-orm/pg-core'
import { bytea, epochMs } from './column-types'

/** Content-addressed documents (task, application, proposal metadata) served at /ipfs/:cid. */
export const contentBlobs = pgTable('content_blobs', {
  cid: text().primaryKey(),
  bytes: bytea().notNull(),
  mediaType: text().notNull().default('application/json'),
  createdAt: epochMs().notNull().default(sql`(extract(epoch from now()) * 1000)::bigint`),
})
