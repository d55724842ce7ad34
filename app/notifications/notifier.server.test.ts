import { getEventListeners } from 'node:events'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { certificates } from '#db/schema'
import { addTestCleanup, useTempDatabase } from '../../test/setup'
import { backoffMs, listOutbox } from '~/models/notification-outbox.server'
import { confirmEmail, getNotificationSettings, requestEmailConfirmation, setEmailFrequency, setSubscriptions, setWebhook } from '~/models/notification-settings.server'
import { createSmtpMailer } from './mailer.server'
import { createNotifier, type NotifierLog } from './notifier.server'
import { startSmtpReceiver, startWebhookListener, type SmtpReceiver, type WebhookListener } from './testing/local-receivers'
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyWebhookSignature } from './webhook.server'

// The notifier end to end on its real parts: a SQLite file, a webhook listener and an SMTP server
// on 127.0.0.1 (real HTTP, real SMTP). The inbox items are certificates, the simplest kind the
// inbox derives (from the certificates table, as the course pages write it).

const { db } = useTempDatabase()
const chainId = 999 // no deployment: no governing bodies, only the rows this file writes
const ADA = '0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266'
const ORIGIN = 'http://portal.test'
const T0 = Date.UTC(2026, 11, 4, 12)

let hook: WebhookListener
let smtp: SmtpReceiver
const warnings: string[] = []
const log: NotifierLog = (level, msg, fields) => {
  if (level !== 'info') warnings.push(`${msg} ${JSON.stringify(fields)}`)
}

function issueCertificate(slug: string, title: string, at: number) {
  db.insert(certificates)
    .values({ id: `0x${slug.padEnd(64, '0')}`, address: ADA, courseSlug: slug, courseTitle: title, courseVersion: '1', issuedAt: Math.floor(at / 1000), issuer: ADA, signature: '0x00' })
    .run()
}

beforeAll(async () => {
  hook = await startWebhookListener()
  smtp = await startSmtpReceiver()
  addTestCleanup(() => Promise.all([hook.close(), smtp.close()]))
})

describe('the notifier', () => {
  let notifier: ReturnType<typeof createNotifier>
  let mailer: ReturnType<typeof createSmtpMailer>
  beforeAll(() => {
    mailer = createSmtpMailer({ smtpUrl: smtp.url, from: 'Openmesh Portal <portal@localhost>' })
    notifier = createNotifier({ db, chainId, origin: ORIGIN, allowPrivate: true, mailer, ens: null, log })
  })
  afterAll(() => mailer.close())

  it('sends a new inbox item to the webhook, signed, and the confirmation mail to the new address', async () => {
    setWebhook(db, ADA, hook.url, { since: T0 - 1_000, now: T0 - 1_000 })
    setSubscriptions(db, ADA, 'webhook', ['certificate-issued'])
    setSubscriptions(db, ADA, 'email', ['certificate-issued'])
    requestEmailConfirmation(db, { address: ADA, email: 'ada@example.test', confirmUrl: (token) => `${ORIGIN}/notifications/confirm/${token}`, now: T0 - 1_000 })
    issueCertificate('aa', '<script>alert(1)</script> @everyone Basics', T0)

    const report = await notifier.tick(T0)
    // One item for the webhook; the e-mail channel waits for the address to be confirmed.
    expect(report).toMatchObject({ enqueued: 1, webhooksSent: 1, webhooksFailed: 0, mailsSent: 1 })

    expect(hook.received).toHaveLength(1)
    const [delivery] = hook.received
    const body = delivery!.json as { content: string; text: string; allowed_mentions: { parse: string[] }; notification: { kind: string; url: string } }
    expect(body.content).toContain('Certificate issued: <script>alert(1)</script> @everyone Basics')
    expect(body.allowed_mentions).toEqual({ parse: [] }) // Discord pings nobody
    expect(body.text).toContain('&lt;script&gt;') // nor can Slack's <!channel> syntax
    expect(body.notification).toMatchObject({ kind: 'certificate-issued', url: `${ORIGIN}/certificates/0x${'aa'.padEnd(64, '0')}` })
    const secret = getNotificationSettings(db, ADA).webhookSecret!
    expect(verifyWebhookSignature(secret, String(delivery!.headers[TIMESTAMP_HEADER.toLowerCase()]), delivery!.body, String(delivery!.headers[SIGNATURE_HEADER.toLowerCase()]))).toBe(true)
    expect(verifyWebhookSignature('whsec_someone-else', String(delivery!.headers[TIMESTAMP_HEADER.toLowerCase()]), delivery!.body, String(delivery!.headers[SIGNATURE_HEADER.toLowerCase()]))).toBe(false)

    // The address is not confirmed yet: only the confirmation went out, the item waits for it.
    expect(smtp.mails).toHaveLength(1)
    expect(smtp.mails[0]!.to).toEqual(['ada@example.test'])
    expect(smtp.mails[0]!.text).toContain('Confirm your e-mail address')
  })

  it('mails a digest once the address is confirmed, with untrusted titles escaped', async () => {
    const token = /\/notifications\/confirm\/([A-Za-z0-9_-]{43})/.exec(smtp.mails[0]!.text)?.[1]
    expect(token).toBeDefined()
    expect(confirmEmail(db, token!, { since: T0 - 1_000, now: T0 + 1_000 })).toEqual({ address: ADA, email: 'ada@example.test' })

    const report = await notifier.tick(T0 + 2_000)
    expect(report).toMatchObject({ enqueued: 1, webhooksSent: 0, mailsSent: 1 })
    const digest = smtp.mails[1]!
    expect(digest.to).toEqual(['ada@example.test'])
    expect(digest.text).toContain('Subject: Openmesh Portal: Certificate issued:')
    expect(digest.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;') // the HTML part
    expect(digest.text).not.toContain('<script>alert(1)</script></a>')
    expect(digest.text).toContain(`${ORIGIN}/notifications`) // how to stop them
  })

  it('sends each item once: another pass sends nothing', async () => {
    const report = await notifier.tick(T0 + 3_000)
    expect(report).toEqual({ enqueued: 0, webhooksSent: 0, webhooksFailed: 0, mailsSent: 0, mailsFailed: 0 })
    expect(hook.received).toHaveLength(1)
    expect(smtp.mails).toHaveLength(2)
  })

  it('keeps a notification the webhook refused and retries it after the backoff', async () => {
    hook.failWith = 500
    issueCertificate('bb', 'Governing the DAO', T0 + 10_000)
    const failed = await notifier.tick(T0 + 10_000)
    expect(failed).toMatchObject({ webhooksSent: 0, webhooksFailed: 1 })
    const row = listOutbox(db, ADA).find((r) => r.channel === 'webhook' && r.itemKey.includes('bb'))!
    expect(row).toMatchObject({ status: 'pending', attempts: 1 })
    expect(row.lastError).toContain('HTTP 500')
    expect(warnings.some((w) => w.includes('webhook delivery failed'))).toBe(true)

    hook.failWith = null
    const tooSoon = await notifier.tick(T0 + 10_000 + backoffMs(1) - 1_000)
    expect(tooSoon.webhooksSent).toBe(0)
    const retried = await notifier.tick(T0 + 10_000 + backoffMs(1) + 1)
    expect(retried.webhooksSent).toBe(1)
    expect(hook.received.at(-1)!.body).toContain('Governing the DAO')
    expect(listOutbox(db, ADA).find((r) => r.id === row.id)).toMatchObject({ status: 'sent', lastError: null })
  })

  it('keeps e-mail the mail server refused and sends it once the server takes it', async () => {
    setEmailFrequency(db, ADA, 'immediate')
    smtp.failWith = 'mailbox busy, try later'
    const at = T0 + 200_000
    issueCertificate('cc', 'Openmesh fundamentals', at)
    const failed = await notifier.tick(at)
    expect(failed.mailsFailed).toBe(1)
    const pending = listOutbox(db, ADA).filter((r) => r.channel === 'email' && r.status === 'pending')
    // "Governing the DAO" waited for the daily digest; now that mail is immediate it goes with this one.
    expect(pending.map((r) => r.itemKey)).toEqual([expect.stringContaining('bb'), expect.stringContaining('cc')])
    expect(pending[0]!.lastError).toContain('mailbox busy')

    smtp.failWith = null
    const mails = smtp.mails.length
    const sent = await notifier.tick(at + backoffMs(1) + 1)
    expect(sent.mailsSent).toBe(1)
    expect(smtp.mails).toHaveLength(mails + 1)
    expect(smtp.mails.at(-1)!.text).toContain('Subject: Openmesh Portal: 2 new notifications')
    expect(smtp.mails.at(-1)!.text).toContain('Openmesh fundamentals')
    expect(smtp.mails.at(-1)!.text).toContain('Governing the DAO')
    expect(listOutbox(db, ADA).filter((r) => r.status === 'pending')).toEqual([])
  })

  it('keeps e-mail while no mail server answers at all', async () => {
    const dead = createNotifier({ db, chainId, origin: ORIGIN, allowPrivate: true, mailer: createSmtpMailer({ smtpUrl: 'smtp://127.0.0.1:1', from: 'portal@localhost' }), ens: null, log })
    const at = T0 + 900_000
    issueCertificate('dd', 'Contributing to OpenR&D', at)
    const report = await dead.tick(at)
    expect(report.mailsFailed).toBe(1)
    expect(listOutbox(db, ADA).filter((r) => r.status === 'pending').map((r) => r.itemKey)).toEqual([expect.stringContaining('dd')])
  })

  it('runs pass after pass without piling listeners on its stop signal, and stops when it aborts', async () => {
    const idle = createNotifier({ db, chainId, origin: ORIGIN, allowPrivate: true, mailer: null, ens: null, log })
    const stop = new AbortController()
    const running = idle.run({ intervalMs: 1, signal: stop.signal })
    await new Promise((resolve) => setTimeout(resolve, 300))
    // One wait at a time holds one listener; each pass used to leave its own behind.
    expect(getEventListeners(stop.signal, 'abort').length).toBeLessThanOrEqual(1)
    stop.abort()
    await running
  })
})
