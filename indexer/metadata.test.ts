import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { CID } from 'multiformats/cid'
import * as json from 'multiformats/codecs/json'
import { sha256 } from 'multiformats/hashes/sha2'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { canonicalJsonBytes } from '#db/content-store'
import { useTempDatabase } from '../test/setup'
import { silentLogger } from './logger'
import { createMetadataResolver } from './metadata/resolver'
import { decodeDagPb, unixfsFileBytes } from './metadata/unixfs'

// Metadata resolution against a local fake IPFS gateway: raw blocks checked against their CID
// (json and dag-pb/UnixFS, one directory level), size cap, timeouts, untrusted content, and
// failures recorded as a state that is retried later.

const db = useTempDatabase()
const chainId = 7
const blocks = new Map<string, Uint8Array>()
const hang = new Set<string>()
let gateway: http.Server
let gatewayUrl = ''
let clock = 1_000_000

beforeAll(async () => {
  gateway = http.createServer((req, res) => {
    const cid = decodeURIComponent(new URL(req.url!, 'http://x').pathname.replace('/ipfs/', ''))
    if (hang.has(cid)) return // never answers
    if (cid === 'redirect-out') return res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data' }).end()
    const bytes = blocks.get(cid)
    if (!bytes) return res.writeHead(404).end()
    res.writeHead(200, { 'content-type': 'application/vnd.ipld.raw' }).end(Buffer.from(bytes))
  })
  await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve))
  gatewayUrl = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/ipfs/`
})
afterAll(() => new Promise<void>((resolve) => gateway.close(() => resolve())))

async function jsonCid(bytes: Uint8Array) {
  return CID.createV1(json.code, await sha256.digest(bytes)).toString()
}

/** A single-block UnixFS file as dag-pb, addressed by a CIDv0 (Qm…). */
async function unixfsFile(content: Uint8Array) {
  const unixfs = Buffer.concat([Buffer.from([0x08, 0x02, 0x12]), varint(content.length), Buffer.from(content), Buffer.from([0x18]), varint(content.length)])
  const node = Buffer.concat([Buffer.from([0x0a]), varint(unixfs.length), unixfs])
  const cid = CID.createV0(await sha256.digest(node))
  return { cid, node }
}

async function unixfsDirectory(entries: { name: string; cid: CID; size: number }[]) {
  const links = entries.map((e) => {
    const hash = Buffer.from(e.cid.bytes)
    const name = Buffer.from(e.name)
    const link = Buffer.concat([Buffer.from([0x0a]), varint(hash.length), hash, Buffer.from([0x12]), varint(name.length), name, Buffer.from([0x18]), varint(e.size)])
    return Buffer.concat([Buffer.from([0x12]), varint(link.length), link])
  })
  const data = Buffer.from([0x08, 0x01])
  const node = Buffer.concat([...links, Buffer.from([0x0a]), varint(data.length), data])
  return { cid: CID.createV0(await sha256.digest(node)), node }
}

function varint(n: number) {
  const out: number[] = []
  while (n >= 0x80) {
    out.push((n & 0x7f) | 0x80)
    n = Math.floor(n / 128)
  }
  out.push(n)
  return Buffer.from(out)
}

function register(uri: string, kind = 'task') {
  db.sqlite
    .prepare("INSERT OR IGNORE INTO metadata_documents (chain_id, uri, kind, status, attempts, next_attempt_at) VALUES (?, ?, ?, 'pending', 0, 0)")
    .run(chainId, uri, kind)
}

function state(uri: string) {
  return db.sqlite.prepare('SELECT status, title, content, error, attempts, next_attempt_at AS nextAttemptAt FROM metadata_documents WHERE chain_id = ? AND uri = ?').get(chainId, uri) as {
    status: string
    title: string | null
    content: string | null
    error: string | null
    attempts: number
    nextAttemptAt: number
  }
}

function resolver(overrides: { maxBytes?: number; timeoutMs?: number; gatewayUrl?: string } = {}) {
  return createMetadataResolver({
    sqlite: db.sqlite,
    db: db.db,
    chainId,
    gatewayUrl: overrides.gatewayUrl ?? gatewayUrl,
    timeoutMs: overrides.timeoutMs ?? 2_000,
    maxBytes: overrides.maxBytes ?? 64 * 1024,
    retryAfterMs: 60_000,
    concurrency: 2,
    logger: silentLogger,
    signal: new AbortController().signal,
    now: () => clock,
  })
}

describe('metadata resolver', () => {
  it('fetches raw blocks from the gateway and checks them against the CID', async () => {
    const good = canonicalJsonBytes({ title: 'From the gateway', description: '<script>alert(1)</script>', extra: 'dropped' })
    const goodCid = await jsonCid(good)
    blocks.set(goodCid, good)
    const forged = canonicalJsonBytes({ title: 'Forged' })
    const forgedCid = await jsonCid(canonicalJsonBytes({ title: 'Original' }))
    blocks.set(forgedCid, forged)
    register(`ipfs://${goodCid}`)
    register(`ipfs://${forgedCid}`)
    await resolver().resolveDue()

    const ok = state(`ipfs://${goodCid}`)
    expect(ok.status).toBe('ok')
    expect(ok.title).toBe('From the gateway')
    // Stored as data, unknown fields dropped, never interpreted.
    expect(JSON.parse(ok.content!)).toEqual({ title: 'From the gateway', description: '<script>alert(1)</script>' })
    const bad = state(`ipfs://${forgedCid}`)
    expect(bad.status).toBe('invalid')
    expect(bad.error).toMatch(/do not match/)
    expect(bad.title).toBeNull()
  })

  it('encodes UnixFS like IPFS does (the empty file is QmbFMke1…)', async () => {
    const empty = Buffer.from([0x0a, 0x04, 0x08, 0x02, 0x18, 0x00])
    expect(CID.createV0(await sha256.digest(empty)).toString()).toBe('QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH')
    expect(unixfsFileBytes(decodeDagPb(empty))).toEqual(new Uint8Array())
  })

  it('reads UnixFS files (dag-pb, CIDv0) and follows a directory path', async () => {
    const content = canonicalJsonBytes({ title: 'A UnixFS file' })
    const file = await unixfsFile(content)
    blocks.set(file.cid.toString(), file.node)
    const dir = await unixfsDirectory([{ name: 'task.json', cid: file.cid, size: file.node.length }])
    blocks.set(dir.cid.toString(), dir.node)
    register(`ipfs://${file.cid}`)
    register(`ipfs://${dir.cid}/task.json`)
    await resolver().resolveDue()
    expect(state(`ipfs://${file.cid}`)).toMatchObject({ status: 'ok', title: 'A UnixFS file' })
    expect(state(`ipfs://${dir.cid}/task.json`)).toMatchObject({ status: 'ok', title: 'A UnixFS file' })
  })

  it('refuses documents above the size cap and what is not a JSON object', async () => {
    const big = canonicalJsonBytes({ title: 'x'.repeat(5_000) })
    const bigCid = await jsonCid(big)
    blocks.set(bigCid, big)
    const notJson = new TextEncoder().encode('not json at all')
    const notJsonCid = await jsonCid(notJson)
    blocks.set(notJsonCid, notJson)
    register(`ipfs://${bigCid}`)
    register(`ipfs://${notJsonCid}`)
    register('ftp://example.com/plain-ftp.json')
    await resolver({ maxBytes: 1_000 }).resolveDue()
    expect(state(`ipfs://${bigCid}`)).toMatchObject({ status: 'invalid' })
    expect(state(`ipfs://${bigCid}`).error).toMatch(/above 1000 bytes/)
    expect(state(`ipfs://${notJsonCid}`)).toMatchObject({ status: 'invalid', error: 'not UTF-8 JSON' })
    expect(state('ftp://example.com/plain-ftp.json')).toMatchObject({ status: 'invalid' })
  })

  it('does not follow redirects from untrusted URIs to plain http elsewhere', async () => {
    const doc = canonicalJsonBytes({ title: 'Moved' })
    const cid = await jsonCid(doc)
    blocks.set(cid, doc)
    // The gateway answers this CID with a redirect off-site.
    const original = gatewayUrl
    gatewayUrl = `${gatewayUrl}redirect-out#`
    register(`ipfs://${cid}`)
    await resolver().resolveDue()
    gatewayUrl = original
    expect(state(`ipfs://${cid}`)).toMatchObject({ status: 'invalid', error: 'redirect to http: refused' })
  })

  it('says which host it could not reach, and why', async () => {
    const closed = http.createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise<void>((resolve) => closed.close(() => resolve()))
    const cid = await jsonCid(canonicalJsonBytes({ title: 'Nowhere' }))
    register(`ipfs://${cid}`)
    await resolver({ gatewayUrl: `http://127.0.0.1:${port}/ipfs/` }).resolveDue()
    // What the page shows after "Metadata unavailable:", not undici's bare "fetch failed".
    expect(state(`ipfs://${cid}`)).toMatchObject({ status: 'unavailable', error: `cannot reach 127.0.0.1:${port} (ECONNREFUSED)` })
  })

  it('marks a document unavailable on timeout and retries it later', async () => {
    const doc = canonicalJsonBytes({ title: 'Slow' })
    const cid = await jsonCid(doc)
    blocks.set(cid, doc)
    hang.add(cid)
    register(`ipfs://${cid}`)
    const started = Date.now()
    await resolver({ timeoutMs: 300 }).resolveDue()
    expect(Date.now() - started).toBeLessThan(2_000)
    const failed = state(`ipfs://${cid}`)
    expect(failed).toMatchObject({ status: 'unavailable', attempts: 1 })
    expect(failed.nextAttemptAt).toBeGreaterThan(clock)

    hang.delete(cid)
    expect(await resolver().resolveDue()).toBe(0) // not due yet
    clock = failed.nextAttemptAt
    await resolver().resolveDue()
    expect(state(`ipfs://${cid}`)).toMatchObject({ status: 'ok', title: 'Slow', attempts: 2 })
  })
})
