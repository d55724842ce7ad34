import http from 'node:http'
import { describe, expect, it } from 'vitest'
import { devnetAccounts } from '../../devnet/accounts'
import { HttpBrowser } from '../../test/http-browser'
import { startPortalServer } from '../../test/portal-server'

// Request bodies against the real server: capped before Remix (413 with the reason, the rest of
// an oversized upload never read), and read normally by the routes when within the limit.

const server = await startPortalServer()
const MB = 1024 * 1024

type Upload = { status: number; body: string; bytesSentBeforeAnswer: number; connectionClosed: boolean }

/** Streams `total` bytes as a chunked body (no Content-Length), stopping when the server answers. */
function chunkedUpload(path: string, total: number, headers: Record<string, string> = {}): Promise<Upload> {
  return new Promise((resolve, reject) => {
    let sent = 0
    let answered = false
    const chunk = Buffer.alloc(64 * 1024, 'a')
    const req = http.request(`${server.url}${path}`, {
      method: 'POST',
      headers: { Origin: server.origin, 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/plain', ...headers },
    })
    req.on('response', (res) => {
      answered = true
      const bytesSentBeforeAnswer = sent
      let body = ''
      res.on('data', (data: Buffer) => (body += data.toString()))
      res.on('end', () => {
        // The server closes the connection after answering; our next write fails or the socket ends.
        const socket = req.socket
        const closed = () => resolve({ status: res.statusCode ?? 0, body, bytesSentBeforeAnswer, connectionClosed: true })
        if (!socket || socket.destroyed) return closed()
        socket.once('close', closed)
        setTimeout(() => resolve({ status: res.statusCode ?? 0, body, bytesSentBeforeAnswer, connectionClosed: false }), 5_000)
      })
    })
    // Writing into a connection the server has closed fails (EPIPE / ECONNRESET): expected here.
    req.on('error', (error) => {
      if (!answered) reject(error)
    })
    const pump = () => {
      while (!answered && sent < total) {
        sent += chunk.length
        if (!req.write(chunk)) return void req.once('drain', pump)
      }
      if (!answered) req.end()
    }
    pump()
  })
}

describe('request body limits', () => {
  it('cuts off a 100 MB chunked upload with 413 long before it is sent in full', async () => {
    const upload = await chunkedUpload('/dao/requests', 100 * MB)
    expect(upload.status).toBe(413)
    expect(upload.body).toMatch(/larger than 65536 bytes/)
    // Socket buffers hold a few MB in flight; the point is that the rest is never sent.
    expect(upload.bytesSentBeforeAnswer).toBeLessThan(8 * MB)
    expect(upload.connectionClosed).toBe(true)
  })

  it('refuses a declared Content-Length above the limit before reading a byte', async () => {
    const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
      const req = http.request(`${server.url}/courses/openmesh-fundamentals/why-openmesh`, {
        method: 'POST',
        headers: { Origin: server.origin, 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': String(100 * MB), Accept: 'application/json' },
      })
      req.on('response', resolve)
      req.on('error', reject)
      req.flushHeaders() // headers only: the body is never sent
    })
    expect(response.statusCode).toBe(413)
    expect(response.headers.connection).toBe('close')
    const body = await new Promise<string>((resolve) => {
      let text = ''
      response.on('data', (data: Buffer) => (text += data.toString()))
      response.on('end', () => resolve(text))
    })
    expect(JSON.parse(body)).toEqual({ error: 'The request body is larger than 65536 bytes, the most this address accepts.' })
  })

  it('gives POST /ipfs its larger limit for whole task forms', async () => {
    const browser = new HttpBrowser(server.origin)
    const form = (size: number) => {
      const data = new FormData()
      data.set('intent', 'create-task')
      data.set('description', 'x'.repeat(size))
      return data
    }
    // Past the default limit but within /ipfs's: the route answers (anonymous: sign in first).
    const within = await browser.fetch('/ipfs', { method: 'POST', body: form(200 * 1024), headers: { Accept: 'application/json' } })
    expect(within.status).toBe(401)
    expect(await within.json()).toEqual({ error: 'Sign in with your wallet to store a document.' })
    const beyond = await browser.fetch('/ipfs', { method: 'POST', body: form(400 * 1024), headers: { Accept: 'application/json' } })
    expect(beyond.status).toBe(413)
    expect(await beyond.json()).toEqual({ error: 'The request body is larger than 307200 bytes, the most this address accepts.' })
  })

  it('hands a body within the limit to the route, which reads it as usual (JSON, multipart form)', async () => {
    const browser = new HttpBrowser(server.origin)
    // The route parsed the JSON: it names the field that was wrong.
    const verify = await browser.fetch('/auth/verify', { json: { message: 'hello', signature: 'not hex' }, headers: { Accept: 'application/json' } })
    expect(verify.status).toBe(400)
    expect(await verify.json()).toEqual({ error: 'The signature must be 0x-prefixed hex.' })

    await browser.signIn(devnetAccounts[1]!)
    const form = new FormData()
    form.set('intent', 'review')
    const stored = await browser.fetch('/ipfs', { method: 'POST', body: form, headers: { Accept: 'application/json' } })
    expect(stored.status).toBe(400)
    // conform's reply for the form the route parsed: its fields' errors.
    const reply = (await stored.json()) as { intent: string; reply: { error: Record<string, string[]> } }
    expect(reply.intent).toBe('review')
    expect(Object.keys(reply.reply.error).length).toBeGreaterThan(0)
  })
})
