import type { Db } from '#db/client'
import { getChainNow } from '~/models/chain-time.server'
import { listEnsAddressesToResolve } from '~/models/ens-names.server'
import { claimDueEmail, claimDueWebhooks, markDelivered, markDigestSent, markFailed, pruneDelivered } from '~/models/notification-outbox.server'
import { refreshEns, type EnsConfig } from '~/profiles/ens.server'
import { enqueueInboxNotifications } from './enqueue.server'
import { confirmationMail, digestMail, type Mailer } from './mailer.server'
import { deliverWebhook } from './webhook.server'

// The notifier: a loop in its own process (scripts/notifier.ts, started by `npm start`; see
// docs/decisions/046-notifications-outbox-retries-digests.md) that turns new inbox items into outbox rows and delivers
// what is due. It only reads what the indexer wrote, so a slow webhook or a dead mail server can
// never hold the indexer up; a failed delivery stays in the outbox and is retried with backoff.

const DIGEST_INTERVALS = { immediate: 0, hourly: 60 * 60 * 1000, daily: 24 * 60 * 60 * 1000 }

export type NotifierLog = (level: 'info' | 'warn' | 'error', msg: string, fields?: Record<string, unknown>) => void

export type NotifierDeps = {
  db: Db
  chainId: number
  /** Absolute links in notifications start with it. */
  origin: string
  allowPrivate: boolean
  /** Null when no SMTP server is configured: e-mail then waits in the outbox. */
  mailer: Mailer | null
  ens: EnsConfig | null
  log: NotifierLog
}

export type TickReport = { enqueued: number; webhooksSent: number; webhooksFailed: number; mailsSent: number; mailsFailed: number }

export function createNotifier(deps: NotifierDeps) {
  const { db, chainId, origin, log } = deps
  let lastPrune = 0

  async function deliverWebhooks(now: number, report: TickReport) {
    for (const delivery of claimDueWebhooks(db, { now })) {
      const result = await deliverWebhook(delivery, { allowPrivate: deps.allowPrivate, now })
      if (result.ok) {
        markDelivered(db, [delivery.id], now)
        report.webhooksSent++
      } else {
        markFailed(db, [delivery.id], result.error, now)
        report.webhooksFailed++
        log('warn', 'webhook delivery failed, kept in the outbox', { id: delivery.id, address: delivery.address, error: result.error, attempts: delivery.attempts + 1 })
      }
    }
  }

  async function deliverEmail(now: number, report: TickReport) {
    const mailer = deps.mailer
    if (!mailer) return
    const { confirmations, digests } = claimDueEmail(db, { now, intervals: DIGEST_INTERVALS })
    const send = async (ids: number[], mail: Parameters<Mailer['send']>[0], onSent: () => void, address: string) => {
      try {
        await mailer.send(mail)
        onSent()
        report.mailsSent++
      } catch (error) {
        markFailed(db, ids, `the mail server refused or was unreachable: ${(error as Error).message}`, now)
        report.mailsFailed++
        log('warn', 'e-mail delivery failed, kept in the outbox', { address, error: (error as Error).message })
      }
    }
    for (const row of confirmations) await send([row.id], confirmationMail(row), () => markDelivered(db, [row.id], now), row.address)
    for (const digest of digests) {
      await send(digest.rows.map((row) => row.id), digestMail(digest.to, digest.rows, new URL('/notifications', origin).toString()), () => markDigestSent(db, digest, now), digest.address)
    }
  }

  async function refreshEnsNames(now: number) {
    if (!deps.ens) return
    for (const address of listEnsAddressesToResolve(db, { chainId, now, limit: 5 })) await refreshEns(db, address as `0x${string}`, deps.ens, now)
  }

  /** One pass: enqueue, deliver, and now and then prune and refresh ENS names. */
  async function tick(now = Date.now()): Promise<TickReport> {
    const report: TickReport = { enqueued: 0, webhooksSent: 0, webhooksFailed: 0, mailsSent: 0, mailsFailed: 0 }
    report.enqueued = enqueueInboxNotifications(db, { chainId, chainNow: getChainNow(db, chainId, Math.floor(now / 1000)), origin, now })
    await deliverWebhooks(now, report)
    await deliverEmail(now, report)
    if (now - lastPrune > 60 * 60 * 1000) {
      lastPrune = now
      pruneDelivered(db, now)
    }
    await refreshEnsNames(now)
    return report
  }

  /** Runs `tick` every `intervalMs` until the signal aborts; an error in one pass is logged and the next pass runs. */
  async function run({ intervalMs, signal }: { intervalMs: number; signal: AbortSignal }): Promise<void> {
    while (!signal.aborted) {
      try {
        const report = await tick()
        if (report.enqueued || report.webhooksSent || report.webhooksFailed || report.mailsSent || report.mailsFailed) log('info', 'notifier pass', report)
      } catch (error) {
        log('error', 'notifier pass failed', { error: (error as Error).message })
      }
      await pause(intervalMs, signal)
    }
  }

  return { tick, run }
}

/**
 * Waits `ms`, or less if the signal aborts. The listener goes with the wait: one added per pass
 * and kept until shutdown would pile up (Node warned of 11 on the signal within seconds).
 */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal.addEventListener('abort', done, { once: true })
  })
}
