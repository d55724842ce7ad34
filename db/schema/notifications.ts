import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'

// The inbox's read marks and the notifications sent outside the portal (app/notifications/):
// off-chain, never touched by a re-index. Inbox items themselves are derived from the chain
// projections and the app's own rows at read time; they are named by a stable key (see
// app/models/inbox.server.ts), never by a row id, so a rebuilt projection keeps its read marks.
// Addresses are lowercase; times are unix milliseconds unless a column says otherwise.

export const notificationChannels = ['feed', 'webhook', 'email'] as const
export type NotificationChannel = (typeof notificationChannels)[number]

/** An inbox item the person has read, by the item's stable key. */
export const inboxReads = sqliteTable(
  'inbox_reads',
  {
    address: text().notNull(),
    itemKey: text().notNull(),
    readAt: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.address, t.itemKey] })],
)

/** Where a person wants notifications outside the portal. */
export const notificationSettings = sqliteTable(
  'notification_settings',
  {
    address: text().primaryKey(),
    /** SHA-256 (hex) of the random token in the private Atom feed's URL; null: no feed. */
    feedTokenHash: text(),
    webhookUrl: text(),
    /** HMAC-SHA256 key of the webhook's signature header; shown to its owner to verify deliveries. */
    webhookSecret: text(),
    /**
     * Items from before this moment are never sent to the webhook (subscribing does not replay
     * history). Unix ms on the chain's clock (app/models/chain-time.server.ts), the clock item times are on.
     */
    webhookSince: integer(),
    /** The address digests go to, once confirmed; a new address waits in email_confirmations. */
    email: text(),
    emailFrequency: text({ enum: ['immediate', 'hourly', 'daily'] })
      .notNull()
      .default('daily'),
    /** As webhookSince, for e-mail. */
    emailSince: integer(),
    lastDigestAt: integer(),
    updatedAt: integer().notNull(),
  },
  (t) => [uniqueIndex('notification_settings_feed_token').on(t.feedTokenHash)],
)

/** Opt-in per person, channel and inbox kind (app/notifications/kinds.ts). */
export const notificationSubscriptions = sqliteTable(
  'notification_subscriptions',
  {
    address: text().notNull(),
    channel: text({ enum: notificationChannels }).notNull(),
    kind: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.address, t.channel, t.kind] })],
)

/** The notification as it is sent: rendered once, when it is put in the outbox. */
export type OutboxPayload = {
  title: string
  text: string
  /** Absolute URL of the page the notification is about. */
  url: string
  /** When it happened, unix seconds. */
  at: number
  /** Only for an e-mail confirmation: where it goes (not yet the person's confirmed address). */
  to?: string
}

/**
 * Every notification to deliver by webhook or e-mail, until it is delivered and after (the row is
 * the record that it was sent, so an item is sent once per channel). A failed delivery stays
 * pending with a later `nextAttemptAt`: nothing is dropped.
 */
export const notificationOutbox = sqliteTable(
  'notification_outbox',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    address: text().notNull(),
    channel: text({ enum: ['webhook', 'email'] }).notNull(),
    itemKey: text().notNull(),
    kind: text().notNull(),
    payload: text({ mode: 'json' }).$type<OutboxPayload>().notNull(),
    status: text({ enum: ['pending', 'sent'] }).notNull(),
    attempts: integer().notNull().default(0),
    nextAttemptAt: integer().notNull(),
    lastError: text(),
    createdAt: integer().notNull(),
    sentAt: integer(),
  },
  (t) => [
    uniqueIndex('notification_outbox_item').on(t.address, t.channel, t.itemKey),
    index('notification_outbox_due').on(t.status, t.nextAttemptAt),
  ],
)

/** A new e-mail address waiting for its owner to follow the link mailed to it. */
export const emailConfirmations = sqliteTable(
  'email_confirmations',
  {
    /** SHA-256 (hex) of the token in the link. */
    tokenHash: text().primaryKey(),
    address: text().notNull(),
    email: text().notNull(),
    createdAt: integer().notNull(),
    expiresAt: integer().notNull(),
  },
  (t) => [index('email_confirmations_address').on(t.address)],
)
