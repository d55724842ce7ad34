import { sql } from 'drizzle-orm'
import { blob, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/** Content-addressed documents (task, application, proposal metadata) served at /ipfs/:cid. */
export const contentBlobs = sqliteTable('content_blobs', {
  cid: text().primaryKey(),
  bytes: blob({ mode: 'buffer' }).notNull(),
  mediaType: text().notNull().default('application/json'),
  createdAt: integer({ mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch() * 1000)`),
})
