import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { useTempDatabase } from '../../test/setup'
import { MetadataRejectedError, MetadataUnavailableError } from '../errors'
import { fetchMetadataBytes, type FetchOptions } from './fetch'

// Metadata at http(s):// URLs is read (as Openmesh's own frontends read it), with the same time
// limit, size cap and SSRF refusal as everything else from the chain. The "document host" here is
// a real HTTP server on 127.0.0.1: a private address, so the fetcher refuses it unless the test
// lists its origin in allowPrivateOrigins, as an operator would for a host of their own.

const db = useTempDatabase()
let host: http.Server
let origin = ''
let hits = 0
const doc = '{"title":"Served over plain http","description":"<p>hi</p>"}'

beforeAll(async () => {
  host = http.createServer((req, res) => {
    hits++
    const path = new URL(req.url!, 'http://x').pathname
    if (path === '/task.json') return res.writeHead(200, { 'content-type': 'application/json' }).end(doc)
    if (path === '/big.json') {
      const body = `{"title":"${'x'.repeat(5_000)}"}`
      return res.writeHead(200, { 'content-length': Buffer.byteLength(body) }).end(body)
    }
    // No content-length: the cap must hold while streaming, not only on the declared size.
    if (path === '/big-chunked.json') {
      res.writeHead(200)
      for (let i = 0; i < 10; i++) res.write('x'.repeat(1_000))
      return res.end()
    }
    if (path === '/slow.json') return setTimeout(() => res.end(doc), 5_000).unref()
    if (path === '/moved.json') return res.writeHead(302, { location: '/task.json' }).end()
    if (path === '/off-site.json') return res.writeHead(302, { location: 'http://127.0.0.2:1/task.json' }).end()
    res.writeHead(404).end()
  })
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(host.address() as AddressInfo).port}`
})
afterAll(async () => {
  host.closeAllConnections()
  await new Promise<void>((resolve) => host.close(() => resolve()))
})

function options(overrides: Partial<FetchOptions> = {}): FetchOptions {
  return { db: db.db, gatewayUrl: 'http://127.0.0.1:9/ipfs/', timeoutMs: 1_500, maxBytes: 2_000, allowPrivateOrigins: [origin], ...overrides }
}

const failure = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as Error)

describe('http(s):// metadata URIs', () => {
  it('reads a document at a plain http URL', async () => {
    const { bytes, source } = await fetchMetadataBytes(`${origin}/task.json`, options())
    expect(source).toBe('web')
    expect(new TextDecoder().decode(bytes)).toBe(doc)
  })

  it('follows a redirect on the same origin', async () => {
    const { bytes } = await fetchMetadataBytes(`${origin}/moved.json`, options())
    expect(new TextDecoder().decode(bytes)).toBe(doc)
  })

  it('refuses a private host unless the operator allowed its origin, before connecting', async () => {
    const before = hits
    const error = await failure(fetchMetadataBytes(`${origin}/task.json`, options({ allowPrivateOrigins: undefined })))
    expect(error).toBeInstanceOf(MetadataRejectedError)
    expect(error?.message).toBe(`${origin}/ resolves to a private address (127.0.0.1): refused`)
    // Allowing one origin allows no other port on the same address.
    const otherPort = await failure(fetchMetadataBytes(`http://127.0.0.1:1/task.json`, options()))
    expect(otherPort?.message).toBe('http://127.0.0.1:1/ resolves to a private address (127.0.0.1): refused')
    expect(hits).toBe(before)
  })

  it('refuses a redirect to plain http on another host', async () => {
    const error = await failure(fetchMetadataBytes(`${origin}/off-site.json`, options()))
    expect(error).toBeInstanceOf(MetadataRejectedError)
    expect(error?.message).toBe('redirect to http: refused')
  })

  it('caps the size, declared or streamed', async () => {
    const declared = await failure(fetchMetadataBytes(`${origin}/big.json`, options()))
    expect(declared).toBeInstanceOf(MetadataRejectedError)
    expect(declared?.message).toMatch(/^document is 50\d\d bytes, above 2000$/)
    const streamed = await failure(fetchMetadataBytes(`${origin}/big-chunked.json`, options()))
    expect(streamed).toBeInstanceOf(MetadataRejectedError)
    expect(streamed?.message).toBe('document is above 2000 bytes')
  })

  it('gives up on a slow host within the time limit, as unavailable (retried later)', async () => {
    const started = Date.now()
    const error = await failure(fetchMetadataBytes(`${origin}/slow.json`, options({ timeoutMs: 300 })))
    expect(Date.now() - started).toBeLessThan(2_000)
    expect(error).toBeInstanceOf(MetadataUnavailableError)
    expect(error?.message).toBe('no answer within 300 ms')
  })

  it('says HTTP errors as they are', async () => {
    const error = await failure(fetchMetadataBytes(`${origin}/missing.json`, options()))
    expect(error).toBeInstanceOf(MetadataUnavailableError)
    expect(error?.message).toBe('HTTP 404')
  })
})
