import { eq, lte } from 'drizzle-orm'
import type { Address } from 'viem'
import type { Db } from '#db/client'
import { sessions } from '#db/schema'
import { hashToken, randomToken } from '~/session/tokens.server'

export type SessionRow = typeof sessions.$inferSelect
export type SessionLifetimes = { idleMs: number; maxMs: number }

/** lastSeenAt is written at most this often: reading a page should not always mean a write. */
const TOUCH_INTERVAL_MS = 5 * 60 * 1000

/**
 * A new session with a new random token (never a reused id: a token an attacker planted before
 * sign-in is worthless after it). The browser's previous session, if any, is deleted with it.
 */
export function createSession(
  db: Db,
  args: { address: Address; chainId: number; lifetimes: SessionLifetimes; previousToken?: string | null; now?: Date },
): { token: string; session: SessionRow } {
  const now = args.now ?? new Date()
  const token = randomToken()
  const session: SessionRow = {
    id: hashToken(token),
    address: args.address,
    chainId: args.chainId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + args.lifetimes.maxMs),
  }
  db.transaction((tx) => {
    tx.delete(sessions).where(lte(sessions.expiresAt, now)).run()
    if (args.previousToken) tx.delete(sessions).where(eq(sessions.id, hashToken(args.previousToken))).run()
    tx.insert(sessions).values(session).run()
  })
  return { token, session }
}

/** The live session for a token, or null; an idle or expired session is deleted on sight. */
export function findSession(db: Db, token: string, lifetimes: SessionLifetimes, now = new Date()): SessionRow | null {
  const id = hashToken(token)
  const session = db.select().from(sessions).where(eq(sessions.id, id)).get()
  if (!session) return null
  const idleUntil = session.lastSeenAt.getTime() + lifetimes.idleMs
  const until = Math.min(session.expiresAt.getTime(), idleUntil, session.createdAt.getTime() + lifetimes.maxMs)
  if (now.getTime() >= until) {
    db.delete(sessions).where(eq(sessions.id, id)).run()
    return null
  }
  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
    db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id)).run()
    return { ...session, lastSeenAt: now }
  }
  return session
}

export function deleteSession(db: Db, token: string): void {
  db.delete(sessions).where(eq(sessions.id, hashToken(token))).run()
}
