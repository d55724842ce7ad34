import { createHash, randomBytes } from 'node:crypto'
import { and, eq, gt, isNotNull, lt, or } from 'drizzle-orm'
import type { Db } from '#db/client'
import { emailConfirmations, notificationOutbox, notificationSettings, notificationSubscriptions, type NotificationChannel } from '#db/schema'
import { inboxKinds, isInboxKind, type InboxKind } from '~/notifications/kinds'
import { addressKey } from '~/utils/address'

// Where each person wants to hear about their inbox outside the portal, per channel and kind:
// a private Atom feed (a random token in its URL; only its hash is kept, so the URL is shown once
// and can be revoked), a webhook (its URL and the HMAC key that signs deliveries), and e-mail
// digests (an address confirmed by a mailed link, and how often).

export type EmailFrequency = 'immediate' | 'hourly' | 'daily'

export type NotificationSettingsView = {
  hasFeed: boolean
  webhookUrl: string | null
  webhookSecret: string | null
  email: string | null
  /** An address waiting for its confirmation link to be followed. */
  pendingEmail: string | null
  emailFrequency: EmailFrequency
  subscriptions: Record<NotificationChannel, InboxKind[]>
  /** Notifications still in the outbox (not delivered yet, retried with backoff), per channel. */
  undelivered: { webhook: number; email: number; lastError: string | null }
}

const CONFIRMATION_LIFETIME_MS = 2 * 24 * 60 * 60 * 1000

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

export function getNotificationSettings(db: Db, address: string, now = Date.now()): NotificationSettingsView {
  const key = addressKey(address)
  const row = db.select().from(notificationSettings).where(eq(notificationSettings.address, key)).get()
  const subscriptions: Record<NotificationChannel, InboxKind[]> = { feed: [], webhook: [], email: [] }
  for (const sub of db.select().from(notificationSubscriptions).where(eq(notificationSubscriptions.address, key)).all()) {
    if (isInboxKind(sub.kind)) subscriptions[sub.channel].push(sub.kind)
  }
  for (const channel of Object.keys(subscriptions) as NotificationChannel[]) subscriptions[channel].sort((a, b) => inboxKinds.indexOf(a) - inboxKinds.indexOf(b))
  const pending = db
    .select({ email: emailConfirmations.email })
    .from(emailConfirmations)
    .where(and(eq(emailConfirmations.address, key), gt(emailConfirmations.expiresAt, now)))
    .orderBy(emailConfirmations.createdAt)
    .all()
    .at(-1)
  const outbox = db
    .select({ channel: notificationOutbox.channel, lastError: notificationOutbox.lastError })
    .from(notificationOutbox)
    .where(and(eq(notificationOutbox.address, key), eq(notificationOutbox.status, 'pending')))
    .all()
  return {
    hasFeed: Boolean(row?.feedTokenHash),
    webhookUrl: row?.webhookUrl ?? null,
    webhookSecret: row?.webhookSecret ?? null,
    email: row?.email ?? null,
    pendingEmail: pending && pending.email !== row?.email ? pending.email : null,
    emailFrequency: row?.emailFrequency ?? 'daily',
    subscriptions,
    undelivered: {
      webhook: outbox.filter((o) => o.channel === 'webhook').length,
      email: outbox.filter((o) => o.channel === 'email').length,
      lastError: outbox.find((o) => o.lastError)?.lastError ?? null,
    },
  }
}

function upsertSettings(db: Pick<Db, 'insert'>, address: string, set: Partial<typeof notificationSettings.$inferInsert>, now: number) {
  db.insert(notificationSettings)
    .values({ address, updatedAt: now, ...set })
    .onConflictDoUpdate({ target: notificationSettings.address, set: { ...set, updatedAt: now } })
    .run()
}

/** Which kinds the person wants on a channel (replacing the previous choice). */
export function setSubscriptions(db: Db, address: string, channel: NotificationChannel, kinds: InboxKind[]): void {
  const key = addressKey(address)
  db.transaction((tx) => {
    tx.delete(notificationSubscriptions).where(and(eq(notificationSubscriptions.address, key), eq(notificationSubscriptions.channel, channel))).run()
    for (const kind of new Set(kinds)) tx.insert(notificationSubscriptions).values({ address: key, channel, kind }).run()
  })
}

/** A new private feed URL token (the old one stops working); shown to its owner once. */
export function createFeedToken(db: Db, address: string, now = Date.now()): string {
  const token = randomBytes(32).toString('base64url')
  upsertSettings(db, addressKey(address), { feedTokenHash: hashToken(token) }, now)
  return token
}

export function revokeFeedToken(db: Db, address: string, now = Date.now()): void {
  upsertSettings(db, addressKey(address), { feedTokenHash: null }, now)
}

/** Whose feed a token opens; null for an unknown or revoked one. */
export function findFeedOwner(db: Db, token: string): string | null {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null
  return db.select({ address: notificationSettings.address }).from(notificationSettings).where(eq(notificationSettings.feedTokenHash, hashToken(token))).get()?.address ?? null
}

/**
 * Sets the webhook. A new URL gets a new signing key, and only what happens from now on is sent
 * there (subscribing does not replay the past); the same URL keeps both.
 */
export function setWebhook(db: Db, address: string, url: string, { since, now = Date.now() }: { since: number; now?: number }): void {
  const key = addressKey(address)
  const current = db.select().from(notificationSettings).where(eq(notificationSettings.address, key)).get()
  if (current?.webhookUrl === url && current.webhookSecret) return
  upsertSettings(db, key, { webhookUrl: url, webhookSecret: `whsec_${randomBytes(24).toString('hex')}`, webhookSince: since }, now)
}

/** Stops the webhook; what is still in its outbox stays there (undelivered) until a webhook is set again. */
export function removeWebhook(db: Db, address: string, now = Date.now()): void {
  upsertSettings(db, addressKey(address), { webhookUrl: null, webhookSecret: null, webhookSince: null }, now)
}

/**
 * Starts confirming a new e-mail address: answers the token of the link to mail (and puts that
 * mail in the outbox, where the notifier sends it at once). The address only receives digests
 * once its owner follows the link.
 */
export function requestEmailConfirmation(db: Db, args: { address: string; email: string; confirmUrl: (token: string) => string; now?: number }): void {
  const now = args.now ?? Date.now()
  const key = addressKey(args.address)
  const token = randomBytes(32).toString('base64url')
  const tokenHash = hashToken(token)
  db.transaction((tx) => {
    tx.delete(emailConfirmations).where(or(eq(emailConfirmations.address, key), lt(emailConfirmations.expiresAt, now))).run()
    tx.insert(emailConfirmations).values({ tokenHash, address: key, email: args.email, createdAt: now, expiresAt: now + CONFIRMATION_LIFETIME_MS }).run()
    tx.insert(notificationOutbox)
      .values({
        address: key,
        channel: 'email',
        itemKey: `confirm-email:${tokenHash}`,
        kind: 'confirm-email',
        payload: {
          title: 'Confirm your e-mail address for Openmesh Portal notifications',
          text: `Someone signed in as ${args.address} asked to receive Openmesh Portal notifications at this address. If that was you, open this link within two days and press "Confirm": ${args.confirmUrl(token)}\nIf not, ignore this message: nothing will be sent.`,
          url: args.confirmUrl(token),
          at: Math.floor(now / 1000),
          to: args.email,
        },
        status: 'pending',
        nextAttemptAt: now,
        createdAt: now,
      })
      .run()
  })
}

/** The pending confirmation a token stands for (not yet used, not expired), or null. */
export function findEmailConfirmation(db: Db, token: string, now = Date.now()): { address: string; email: string } | null {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null
  const row = db.select().from(emailConfirmations).where(eq(emailConfirmations.tokenHash, hashToken(token))).get()
  return row && row.expiresAt > now ? { address: row.address, email: row.email } : null
}

/** Follows a confirmation link: the address becomes the person's, digests start from `since`. Single use. */
export function confirmEmail(db: Db, token: string, { since, now = Date.now() }: { since: number; now?: number }): { address: string; email: string } | null {
  const found = findEmailConfirmation(db, token, now)
  if (!found) return null
  db.transaction((tx) => {
    tx.delete(emailConfirmations).where(eq(emailConfirmations.address, found.address)).run()
    upsertSettings(tx, found.address, { email: found.email, emailSince: since }, now)
  })
  return found
}

export function setEmailFrequency(db: Db, address: string, frequency: EmailFrequency, now = Date.now()): void {
  upsertSettings(db, addressKey(address), { emailFrequency: frequency }, now)
}

export function removeEmail(db: Db, address: string, now = Date.now()): void {
  const key = addressKey(address)
  db.transaction((tx) => {
    tx.delete(emailConfirmations).where(eq(emailConfirmations.address, key)).run()
    upsertSettings(tx, key, { email: null, emailSince: null }, now)
  })
}

export type Subscriber = {
  address: string
  webhook: { url: string; secret: string; since: number } | null
  email: { to: string; since: number; frequency: EmailFrequency; lastDigestAt: number | null } | null
  kinds: Record<'webhook' | 'email', InboxKind[]>
}

/** Everyone with a webhook or a confirmed e-mail address and at least one kind subscribed there (the notifier's work list). */
export function listSubscribers(db: Db): Subscriber[] {
  const rows = db
    .select()
    .from(notificationSettings)
    .where(or(isNotNull(notificationSettings.webhookUrl), isNotNull(notificationSettings.email)))
    .all()
  if (rows.length === 0) return []
  const subs = db.select().from(notificationSubscriptions).all()
  return rows.flatMap((row) => {
    const kinds = (channel: NotificationChannel) => subs.filter((s) => s.address === row.address && s.channel === channel).map((s) => s.kind).filter(isInboxKind)
    const subscriber: Subscriber = {
      address: row.address,
      webhook: row.webhookUrl && row.webhookSecret ? { url: row.webhookUrl, secret: row.webhookSecret, since: row.webhookSince ?? row.updatedAt } : null,
      email: row.email ? { to: row.email, since: row.emailSince ?? row.updatedAt, frequency: row.emailFrequency, lastDigestAt: row.lastDigestAt } : null,
      kinds: { webhook: kinds('webhook'), email: kinds('email') },
    }
    return (subscriber.webhook && subscriber.kinds.webhook.length > 0) || (subscriber.email && subscriber.kinds.email.length > 0) ? [subscriber] : []
  })
}
