import { createHmac, timingSafeEqual } from 'node:crypto'
import type { OutboxPayload } from '#db/schema'
import { outboundRequest } from './outbound-http.server'

// A webhook delivery: one POST per notification with a body Discord (`content`) and Slack
// (`text`) both post as a message, plus the notification itself as data (`notification`) for any
// other receiver. Untrusted text (task and proposal titles) cannot ping anyone: Discord is told to
// parse no mentions, and Slack's control sequences (<!channel>, <@U…>, links) are escaped.
// Signed like Stripe and GitHub sign theirs: HMAC-SHA256 over `<timestamp>.<body>` with the
// person's webhook secret, so the receiver can check who sent it and refuse replays.

export const SIGNATURE_HEADER = 'X-Openmesh-Signature'
export const TIMESTAMP_HEADER = 'X-Openmesh-Timestamp'
const DELIVERY_HEADER = 'X-Openmesh-Delivery'

const MAX_MESSAGE = 1_900 // under Discord's 2,000-character limit

function webhookBody(delivery: { id: number; kind: string; itemKey: string; payload: OutboxPayload }): string {
  const line = `${delivery.payload.title}\n${delivery.payload.url}`.slice(0, MAX_MESSAGE)
  return JSON.stringify({
    content: line,
    text: escapeSlack(line),
    username: 'Openmesh Portal',
    allowed_mentions: { parse: [] },
    notification: { id: delivery.id, kind: delivery.kind, key: delivery.itemKey, title: delivery.payload.title, url: delivery.payload.url, at: delivery.payload.at },
  })
}

function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`
}

/** The receiver's check (used by the tests; documented for webhook owners). */
export function verifyWebhookSignature(secret: string, timestamp: string, body: string, signature: string): boolean {
  const expected = Buffer.from(signWebhook(secret, Number(timestamp), body))
  const given = Buffer.from(signature)
  return expected.length === given.length && timingSafeEqual(expected, given)
}

export type DeliveryResult = { ok: true } | { ok: false; error: string }

/** POSTs one notification; any 2xx is delivered, anything else (3xx included: redirects are not followed) is an error to retry. */
export async function deliverWebhook(
  delivery: { id: number; kind: string; itemKey: string; payload: OutboxPayload; url: string; secret: string },
  { allowPrivate, now = Date.now(), timeoutMs = 10_000 }: { allowPrivate: boolean; now?: number; timeoutMs?: number },
): Promise<DeliveryResult> {
  const body = webhookBody(delivery)
  const timestamp = Math.floor(now / 1000)
  try {
    const response = await outboundRequest(delivery.url, {
      method: 'POST',
      body,
      headers: {
        'Content-Type': 'application/json',
        'Content-Length': String(Buffer.byteLength(body)),
        [SIGNATURE_HEADER]: signWebhook(delivery.secret, timestamp, body),
        [TIMESTAMP_HEADER]: String(timestamp),
        [DELIVERY_HEADER]: String(delivery.id),
      },
      allowPrivate,
      timeoutMs,
      maxBytes: 64 * 1024,
    })
    if (response.status >= 200 && response.status < 300) return { ok: true }
    return { ok: false, error: `the webhook answered HTTP ${response.status}` }
  } catch (error) {
    return { ok: false, error: `the webhook could not be reached: ${(error as Error).message}` }
  }
}
