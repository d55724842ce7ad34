import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'

// The receiving ends of notifications, for the tests (vitest and e2e): a webhook listener and an
// SMTP server on 127.0.0.1, speaking the real protocols, each keeping what it received. A test
// can make either refuse (`failWith`) to check that nothing is lost while it does.

export type ReceivedWebhook = { headers: http.IncomingHttpHeaders; body: string; json: unknown }

export type WebhookListener = {
  url: string
  received: ReceivedWebhook[]
  /** While set, every POST is answered with this status (and not kept). */
  failWith: number | null
  close(): Promise<void>
}

export async function startWebhookListener(): Promise<WebhookListener> {
  const listener: WebhookListener = { url: '', received: [], failWith: null, close: async () => {} }
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      if (listener.failWith !== null) {
        response.writeHead(listener.failWith).end('refused by the test')
        return
      }
      const body = Buffer.concat(chunks).toString('utf8')
      let json: unknown = null
      try {
        json = JSON.parse(body)
      } catch {
        // kept as text: the test says what it expected
      }
      listener.received.push({ headers: request.headers, body, json })
      response.writeHead(204).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  listener.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`
  listener.close = () => new Promise<void>((resolve) => server.close(() => resolve()))
  return listener
}

export type ReceivedMail = { from: string; to: string[]; raw: string; text: string }

export type SmtpReceiver = {
  url: string
  port: number
  mails: ReceivedMail[]
  /** While set, every message is refused with this SMTP error (and not kept). */
  failWith: string | null
  close(): Promise<void>
}

/** `port` 0 picks a free one; the e2e portal is told a fixed one (playwright.config.ts, SMTP_URL). */
export async function startSmtpReceiver({ port: wanted = 0 }: { port?: number } = {}): Promise<SmtpReceiver> {
  const receiver: SmtpReceiver = { url: '', port: 0, mails: [], failWith: null, close: async () => {} }
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        if (receiver.failWith !== null) return callback(Object.assign(new Error(receiver.failWith), { responseCode: 451 }))
        const raw = Buffer.concat(chunks).toString('utf8')
        receiver.mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw,
          text: decodeQuotedPrintable(raw),
        })
        callback()
      })
    },
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(wanted, '127.0.0.1', () => resolve())
  })
  const port = (server.server.address() as AddressInfo).port
  receiver.port = port
  receiver.url = `smtp://127.0.0.1:${port}`
  receiver.close = () => new Promise<void>((resolve) => server.close(() => resolve()))
  return receiver
}

/** Enough of quoted-printable to read a mail's text and links (soft breaks and =XX bytes). */
function decodeQuotedPrintable(raw: string): string {
  const joined = raw.replace(/=\r?\n/g, '')
  return Buffer.from(joined.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8')
}
