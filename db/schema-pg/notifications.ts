import { bigint, index, jsonb, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core'
import { notificationChannels, type OutboxPayload } from '../schema/notifications'

// The PostgreSQL mirror of db/schema/notifications.ts (the comments are there): inbox read marks
// and the notifications sent outside the portal.

export const inboxReads = pgTable(
  'inbox_reads',
  {
    address: text().notNull(),
    itemKey: text().notNull(),
    readAt: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.address, t.itemKey] })],
)

export const notificationSettings = pgTable(
  'notification_settings',
  {
    address: text().primaryKey(),
    feedTokenHash: text(),
    webhookUrl: text(),
    webhookSecret: text(),
    webhookSince: bigint({ mode: 'number' }),
    email: text(),
    emailFrequency: text({ enum: ['immediate', 'hourly', 'daily'] })
      .notNull()
      .default('daily'),
    emailSince: bigint({ mode: 'number' }),
    lastDigestAt: bigint({ mode: 'number' }),
    updatedAt: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [uniqueIndex('notification_settings_feed_token').on(t.feedTokenHash)],
)

export const notificationSubscriptions = pgTable(
  'notification_subscriptions',
  {
    address: text().notNull(),
    channel: text({ enum: notificationChannels }).notNull(),
    kind: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.address, t.channel, t.kind] })],
)

export const notificationOutbox = pgTable(
  'notification_outbox',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    address: text().notNull(),
    channel: text({ enum: ['webhook', 'email'] }).notNull(),
    itemKey: text().notNull(),
    kind: text().notNull(),
    payload: jsonb().$type<OutboxPayload>().notNull(),
    status: text({ enum: ['pending', 'sent'] }).notNull(),
    attempts: bigint({ mode: 'number' }).notNull().default(0),
    nextAttemptAt: bigint({ mode: 'number' }).notNull(),
    lastError: text(),
    createdAt: bigint({ mode: 'number' }).notNull(),
    sentAt: bigint({ mode: 'number' }),
  },
  (t) => [
    uniqueIndex('notification_outbox_item').on(t.address, t.channel, t.itemKey),
    index('notification_outbox_due').on(t.status, t.nextAttemptAt),
  ],
)

export const emailConfirmations = pgTable(
  'email_confirmations',
  {
    tokenHash: text().primaryKey(),
    address: text().notNull(),
    email: text().notNull(),
    createdAt: bigint({ mode: 'number' }).notNull(),
    expiresAt: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [index('email_confirmations_address').on(t.address)],
)
