import crypto from 'node:crypto'
import { and, desc, eq, lte, type SQL } from 'drizzle-orm'
import type { Db } from '#db/client'
import { authNonces } from '#db/schema'

/** A nonce older than this cannot sign anyone in (and the binding cookie lives as long). */
export const NONCE_TTL_MS = 10 * 60 * 1000
/** Open sign-in attempts kept per browser (several tabs); older ones are dropped. */
const MAX_PENDING_PER_BINDING = 5
/**
 * Open sign-in attempts kept per client (IP): a client that drops its cookies gets a new
 * binding per request, so without this cap each request would add a row for ten minutes.
 */
export const MAX_PENDING_PER_CLIENT = 20

/**
 * A fresh nonce for the browser identified by `bindingId`, asked for by `clientKey` (its IP as
 * the web server counts it): 128 random bits as 32 hex characters (EIP-4361 wants at least 8
 * alphanumerics), stored until used or expired. Expired nonces go first; then the oldest of
 * the browser's and of the client's pending ones beyond their caps.
 */
export function issueNonce(db: Db, args: { bindingId: string; clientKey?: string; now?: Date }): string {
  const { bindingId, clientKey = '', now = new Date() } = args
  const nonce = crypto.randomBytes(16).toString('hex')
  db.transaction((tx) => {
    tx.delete(authNonces).where(lte(authNonces.expiresAt, now)).run()
    const dropBeyond = (where: SQL, cap: number) => {
      const pending = tx.select({ nonce: authNonces.nonce }).from(authNonces).where(where).orderBy(desc(authNonces.createdAt)).all()
      for (const old of pending.slice(cap - 1)) tx.delete(authNonces).where(eq(authNonces.nonce, old.nonce)).run()
    }
    dropBeyond(eq(authNonces.bindingId, bindingId), MAX_PENDING_PER_BINDING)
    if (clientKey) dropBeyond(eq(authNonces.clientKey, clientKey), MAX_PENDING_PER_CLIENT)
    tx.insert(authNonces)
      .values({ nonce, bindingId, clientKey, createdAt: now, expiresAt: new Date(now.getTime() + NONCE_TTL_MS) })
      .run()
  })
  return nonce
}

export type ConsumeNonceResult = 'ok' | 'unknown' | 'expired' | 'other-browser'

/**
 * Uses up a nonce. Only the browser it was issued to can use it, and only once: the row is
 * deleted in an IMMEDIATE transaction, so of two concurrent requests (even from two
 * processes) exactly one sees 'ok'. A nonce presented by another browser is left in place,
 * so an attacker cannot burn someone else's sign-in attempt.
 */
export function consumeNonce(db: Db, args: { nonce: string; bindingId: string | null; now?: Date }): ConsumeNonceResult {
  const now = args.now ?? new Date()
  return db.transaction(
    (tx) => {
      const row = tx.select().from(authNonces).where(eq(authNonces.nonce, args.nonce)).get()
      if (!row) return 'unknown'
      if (args.bindingId === null || row.bindingId !== args.bindingId) return 'other-browser'
      tx.delete(authNonces)
        .where(and(eq(authNonces.nonce, args.nonce), eq(authNonces.bindingId, args.bindingId)))
        .run()
      return row.expiresAt.getTime() <= now.getTime() ? 'expired' : 'ok'
    },
    { behavior: 'immediate' },
  )
}
