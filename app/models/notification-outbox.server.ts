import { and, eq, inArray, lt, lte, sql } from 'drizzle-orm'
import type { Db } from '#db/client'
import { notificationOutbox, notificationSettings, type OutboxPayload } from '#db/schema'

// The outbox of notifications sent outside the portal (webhooks, e-mail). The notifier puts each
// new inbox item in once per channel (the unique (address, channel, item key) makes that
// idempotent, re-index included), then delivers what is due. A delivery is claimed with a lease
// (its next attempt moved past the time it may take), so two notifiers never send the same row at
// once; a failure moves it later with exponential backoff and keeps it: nothing is dropped.

export type OutboxRow = typeof notificationOutbox.$inferSelect

const LEASE_MS = 2 * 60 * 1000
const BACKOFF_BASE_MS = 30 * 1000
const BACKOFF_MAX_MS = 6 * 60 * 60 * 1000
/** Delivered rows are kept this long as the record that the item was sent. */
export const SENT_RETENTION_MS = 30 * 24 * 60 * 60 * 1000

/** The wait before the next attempt after `attempts` failed ones: 30 s, 1 min, 2 min… at most 6 h. */
export function backoffMs(attempts: number): number {
  return Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1))
}

export type NewNotification = { address: string; channel: 'webhook' | 'email'; itemKey: string; kind: string; payload: OutboxPayload }

/** Puts notifications in the outbox; one already there (sent or not) is left alone. Answers how many are new. */
export function enqueueNotifications(db: Db, notifications: NewNotification[], now = Date.now()): number {
  if (notifications.length === 0) return 0
  let added = 0
  db.transaction((tx) => {
    for (const n of notifications) {
      const result = tx
        .insert(notificationOutbox)
        .values({ ...n, status: 'pending', attempts: 0, nextAttemptAt: now, createdAt: now })
        .onConflictDoNothing()
        .run()
      added += result.changes
    }
  })
  return added
}

/** Claims the webhook deliveries due now whose owner still has a webhook: each with where it goes. */
export function claimDueWebhooks(db: Db, { now = Date.now(), limit = 20 }: { now?: number; limit?: number } = {}): (OutboxRow & { url: string; secret: string })[] {
  return db.transaction((tx) => {
    const due = tx
      .select({ row: notificationOutbox, url: notificationSettings.webhookUrl, secret: notificationSettings.webhookSecret })
      .from(notificationOutbox)
      .innerJoin(notificationSettings, eq(notificationSettings.address, notificationOutbox.address))
      .where(and(eq(notificationOutbox.status, 'pending'), eq(notificationOutbox.channel, 'webhook'), lte(notificationOutbox.nextAttemptAt, now), sql`${notificationSettings.webhookUrl} IS NOT NULL`))
      .orderBy(notificationOutbox.nextAttemptAt, notificationOutbox.id)
      .limit(limit)
      .all()
    lease(tx, due.map((d) => d.row.id), now)
    return due.map((d) => ({ ...d.row, url: d.url!, secret: d.secret ?? '' }))
  })
}

export type DueDigest = { address: string; to: string; rows: OutboxRow[] }

/**
 * Claims the e-mail that is due: each confirmation mail on its own, and per person with a confirmed
 * address whose digest interval has passed, every pending item in one digest.
 */
export function claimDueEmail(db: Db, { now = Date.now(), intervals }: { now?: number; intervals: Record<'immediate' | 'hourly' | 'daily', number> }): { confirmations: OutboxRow[]; digests: DueDigest[] } {
  return db.transaction((tx) => {
    const due = tx
      .select()
      .from(notificationOutbox)
      .where(and(eq(notificationOutbox.status, 'pending'), eq(notificationOutbox.channel, 'email'), lte(notificationOutbox.nextAttemptAt, now)))
      .orderBy(notificationOutbox.id)
      .limit(500)
      .all()
    const confirmations = due.filter((row) => row.kind === 'confirm-email').slice(0, 20)
    const byAddress = new Map<string, OutboxRow[]>()
    for (const row of due) if (row.kind !== 'confirm-email') byAddress.set(row.address, [...(byAddress.get(row.address) ?? []), row])
    const settings = byAddress.size
      ? tx.select().from(notificationSettings).where(inArray(notificationSettings.address, [...byAddress.keys()])).all()
      : []
    const digests: DueDigest[] = []
    for (const s of settings) {
      if (!s.email) continue
      if (s.lastDigestAt !== null && now - s.lastDigestAt < intervals[s.emailFrequency]) continue
      digests.push({ address: s.address, to: s.email, rows: byAddress.get(s.address)!.slice(0, 100) })
    }
    lease(tx, [...confirmations, ...digests.flatMap((d) => d.rows)].map((row) => row.id), now)
    return { confirmations, digests }
  })
}

function lease(tx: Pick<Db, 'update'>, ids: number[], now: number) {
  if (ids.length > 0) tx.update(notificationOutbox).set({ nextAttemptAt: now + LEASE_MS }).where(inArray(notificationOutbox.id, ids)).run()
}

export function markDelivered(db: Db, ids: number[], now = Date.now()): void {
  if (ids.length === 0) return
  db.update(notificationOutbox).set({ status: 'sent', sentAt: now, lastError: null }).where(inArray(notificationOutbox.id, ids)).run()
}

/** A digest went out: its rows are delivered and the person's next digest waits for their interval. */
export function markDigestSent(db: Db, digest: DueDigest, now = Date.now()): void {
  db.transaction((tx) => {
    tx.update(notificationOutbox).set({ status: 'sent', sentAt: now, lastError: null }).where(inArray(notificationOutbox.id, digest.rows.map((row) => row.id))).run()
    tx.update(notificationSettings).set({ lastDigestAt: now }).where(eq(notificationSettings.address, digest.address)).run()
  })
}

/** A delivery failed: it stays pending, tried again after the backoff for one more attempt. */
export function markFailed(db: Db, ids: number[], error: string, now = Date.now()): void {
  if (ids.length === 0) return
  const rows = db.select({ id: notificationOutbox.id, attempts: notificationOutbox.attempts }).from(notificationOutbox).where(inArray(notificationOutbox.id, ids)).all()
  db.transaction((tx) => {
    for (const row of rows) {
      const attempts = row.attempts + 1
      tx.update(notificationOutbox)
        .set({ attempts, nextAttemptAt: now + backoffMs(attempts), lastError: error.slice(0, 500) })
        .where(eq(notificationOutbox.id, row.id))
        .run()
    }
  })
}

/** Forgets delivered rows past their retention (the enqueuer never looks that far back). */
export function pruneDelivered(db: Db, now = Date.now()): number {
  return db.delete(notificationOutbox).where(and(eq(notificationOutbox.status, 'sent'), lt(notificationOutbox.sentAt, now - SENT_RETENTION_MS))).run().changes
}

/** The outbox rows of one person (tests and the settings page's "undelivered" count read it). */
export function listOutbox(db: Db, address: string): OutboxRow[] {
  return db.select().from(notificationOutbox).where(eq(notificationOutbox.address, address.toLowerCase())).orderBy(notificationOutbox.id).all()
}
