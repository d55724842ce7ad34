import { index, bigint, pgTable, text } from 'drizzle-orm/pg-core'
import { epochMs } from './column-types'

// Wallet sessions (app/session/). Off-chain only: never touched by a re-index.

/**
 * A signed-in browser. The cookie carries a random token; only its SHA-256 is stored here,
 * so a copy of the database cannot be replayed as cookies.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: text().primaryKey(),
    /** Checksummed address proven by the SIWE signature; a session never changes address. */
    address: text().notNull(),
    chainId: bigint({ mode: 'number' }).notNull(),
    createdAt: epochMs().notNull(),
    /** Refreshed at most every few minutes; idle expiry is lastSeenAt + SESSION_IDLE_DAYS. */
    lastSeenAt: epochMs().notNull(),
    /** Absolute expiry: createdAt + SESSION_MAX_DAYS, whatever the activity. */
    expiresAt: epochMs().notNull(),
  },
  (t) => [index('sessions_address').on(t.address), index('sessions_expires_at').on(t.expiresAt)],
)

/**
 * Server-issued SIWE nonces: single-use (deleted when consumed), short-lived, and bound to the
 * browser that asked for them (the SHA-256 of a random id in a short-lived signed cookie).
 */
export const authNonces = pgTable(
  'auth_nonces',
  {
    nonce: text().primaryKey(),
    bindingId: text().notNull(),
    /** The requesting IP (or its /56 for IPv6): pending nonces are capped per client as well as per browser. */
    clientKey: text().notNull().default(''),
    createdAt: epochMs().notNull(),
    expiresAt: epochMs().notNull(),
  },
  (t) => [index('auth_nonces_expires_at').on(t.expiresAt), index('auth_nonces_client_key').on(t.clientKey, t.createdAt)],
)
