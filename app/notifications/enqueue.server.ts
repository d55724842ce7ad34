import type { Db } from '#db/client'
import { deriveInboxItems } from '~/models/inbox.server'
import { enqueueNotifications, SENT_RETENTION_MS, type NewNotification } from '~/models/notification-outbox.server'
import { listSubscribers } from '~/models/notification-settings.server'

// The notifier's first half: for everyone with a webhook or an e-mail address, the inbox items of
// the kinds they chose that are new since they subscribed go into the outbox, once per channel.
// Items are the inbox's own (same keys, same titles), so what reaches a webhook is what the inbox
// shows. "Since they subscribed" is on the chain's clock, the clock item times are on.

/** Never look further back than this (the outbox forgets delivered rows after SENT_RETENTION_MS). */
const LOOKBACK_S = Math.floor(SENT_RETENTION_MS / 1000 / 4)

export function enqueueInboxNotifications(db: Db, { chainId, chainNow, origin, now = Date.now() }: { chainId: number; chainNow: number; origin: string; now?: number }): number {
  const notifications: NewNotification[] = []
  for (const subscriber of listSubscribers(db)) {
    const items = deriveInboxItems(db, { chainId, address: subscriber.address, now: chainNow })
    for (const channel of ['webhook', 'email'] as const) {
      const target = subscriber[channel]
      const kinds = new Set(subscriber.kinds[channel])
      if (!target || kinds.size === 0) continue
      const since = Math.max(Math.floor(target.since / 1000), chainNow - LOOKBACK_S)
      for (const item of items) {
        if (!kinds.has(item.kind) || item.at < since) continue
        notifications.push({
          address: subscriber.address,
          channel,
          itemKey: item.key,
          kind: item.kind,
          payload: { title: item.title, text: item.title, url: new URL(item.href, origin).toString(), at: item.at },
        })
      }
    }
  }
  return enqueueNotifications(db, notifications, now)
}
