import http from 'node:http'
import { describe, expect, it } from 'vitest'
import { devnetAccounts } from '#devnet/accounts'
import { HttpBrowser } from '../../test/http-browser'
import { startPortalServer } from '../../test/portal-server'

// Request bodies against the real server: capped before Remix (413 with the reason, the rest of
// an oversized upload never read), and read normally by the routes when within the limit.

const server = await startPortalServer()
const MB = 1024 * 1024

type Upload = { status: number; body: string; bytesSentUntilClosed: number; connectionClosed: boolean }

/**
 * Streams `total` bytes as a chunked body (no Content-Length) like a client that does not listen:
 * it keeps writing after the answer, until the body is sent or the server closes the connection.
 */
function chunkedUpload(path: string, total: number, headers: Record<string, string> = {}): Promise<Upload> {
  return new Promise((resolve, reject) => {
    let sent = 0
    let status = 0
    let body = ''
    let closed = false
    const chunk = Buffer.alloc(64 * 1024, 'a')
    const req = http.request(`${server.url}${path}`, {
      method: 'POST',
      headers: { Origin: server.origin, 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/plain', ...headers },
    })
    req.on('response', (res) => {
      status = res.statusCode ?? 0
      res.on('data', (data: Buffer) => (body += data.toString()))
    })
    const finish = () => resolve({ status, body, bytesSentUntilClosed: sent, connectionClosed: closed })
    req.on('socket', (socket) => socket.once('close', () => ((closed = true), finish())))
    // Writing into a connection the server has closed fails (EPIPE / ECONNRESET): expected here.
    req.on('error', (error) => {
      if (!status) reject(error)
    })
    const pump = () => {
      while (!closed && sent < total) {
        sent += chunk.length
        if (!req.write(chunk)) return void req.once('drain', pump)
      }
      if (!closed) req.end()
    }
    pump()
  })
}

describe('request body limits', () => {
  it('cuts off a 100 MB chunked upload with 413 long before it is sent in full', async () => {
    const upload = await chunkedUpload('/dao/requests', 100 * MB)
    expect(upload.status).toBe(413)
    expect(upload.body).toMatch(/larger than 65536 bytes/)
    expect(upload.connectionClosed).toBe(true)
    // The server read about 1 MB; the kernel's socket buffers take some more (on loopback up to
    // 4 MB sent and 32 MB received). The rest of the 100 MB was never taken: without the limit,
    // all of it is.
    expect(upload.bytesSentUntilClosed).toBeLessThan(50 * MB)
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
    const closed = new Promise<void>((resolve) => response.socket.once('close', () => resolve()))
    const body = await new Promise<string>((resolve) => {
      let text = ''
      response.on('data', (data: Buffer) => (text += data.toString()))
      response.on('end', () => resolve(text))
    })
    expect(JSON.parse(body)).toEqual({ error: 'The request body is larger than 65536 bytes, the most this address accepts.' })
    // The body never came: the server closes the connection after a moment rather than wait for it.
    await closed
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
