import { bigint, index, pgTable, primaryKey, text } from 'drizzle-orm/pg-core'
import { epochMs } from './column-types'

// Abuse limits shared by every web process on this database (server/security/). Off-chain,
// short-lived counters: losing them only resets someone's allowance early.

/**
 * One fixed-window counter per rate-limit key (the limiter's prefix + an IP or a session).
 * A row whose resetAt has passed counts as empty: the next hit starts a new window.
 */
export const rateLimitHits = pgTable(
  'rate_limit_hits',
  {
    key: text().primaryKey(),
    hits: bigint({ mode: 'number' }).notNull(),
    resetAt: epochMs().notNull(),
  },
  (t) => [index('rate_limit_hits_reset_at').on(t.resetAt)],
)

/** Documents each signed-in address stored through POST /ipfs, per UTC day. */
export const documentQuotaUsage = pgTable(
  'document_quota_usage',
  {
    /** Lower-case address. */
    address: text().notNull(),
    /** UTC day, YYYY-MM-DD. */
    day: text().notNull(),
    documents: bigint({ mode: 'number' }).notNull(),
    bytes: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.address, t.day] })],
)
