import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { base58btc } from 'multiformats/bases/base58'
import { CID } from 'multiformats/cid'
import * as raw from 'multiformats/codecs/raw'
import { sha256 } from 'multiformats/hashes/sha2'
import type { MultihashDigest } from 'multiformats/hashes/interface'
import { privateKeyToAccount } from 'viem/accounts'
import { describe, expect, it } from 'vitest'
import { putJsonDocument } from '#db/content-store'
import { certificates, courseCompletions } from '#db/schema'
import { devnetAccounts } from '#devnet/accounts'
import { putTask } from '~/models/testing/task-row-fixtures'
import { siweMessage, TestBrowser, useTestPortal } from '~/testing/portal-harness'

// The content routes against a real SQLite file and a real session: GET /ipfs/:cid serves stored
// documents inertly; POST /ipfs validates a task form with its schema and stores its document.

const { database } = await useTestPortal({ COURSES_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'portal-no-courses-')) })

const { loader: getDocument } = await import('./ipfs.$cid')
const { action: storeDocument } = await import('./ipfs')
const { action: nonceAction } = await import('./auth.nonce')
const { action: verifyAction } = await import('./auth.verify')

const ada = privateKeyToAccount(devnetAccounts[0]!.privateKey)

async function signedInBrowser(): Promise<TestBrowser> {
  const browser = new TestBrowser()
  const { nonce } = (await (await browser.call(nonceAction, '/auth/nonce')).json()) as { nonce: string }
  const message = siweMessage({ address: ada.address, nonce })
  const response = await browser.call(verifyAction, '/auth/verify', { json: { message, signature: await ada.signMessage({ message }) } })
  expect(response.status).toBe(200)
  return browser
}

/** GET /ipfs/<cid>[?query]: `path` is the CID, optionally followed by a query string. */
function get(path: string, headers: Record<string, string> = {}) {
  const cid = path.split('?')[0]!
  return getDocument({ request: new Request(`http://localhost:3000/ipfs/${path}`, { headers }), params: { cid }, context: {} })
}

function post(browser: TestBrowser, fields: Record<string, string>, init: { origin?: string | null } = {}) {
  return browser.call(storeDocument, '/ipfs', {
    body: new URLSearchParams(fields).toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    ...init,
  })
}

const inAMonth = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10)
const taskForm = {
  intent: 'create-task',
  chainId: '31337',
  title: 'Write the indexer runbook',
  description: 'What to do when the indexer halts.',
  tags: 'docs, ops',
  deadline: inAMonth,
  manager: ada.address,
  disputeManager: ada.address,
  nativeBudget: '1',
  'links[0].name': 'Repo',
  'links[0].url': 'https://github.com/openmesh-network',
}

describe('GET /ipfs/:cid', () => {
  it('serves a stored document as inert JSON that can be cached forever', async () => {
    const cid = await putJsonDocument(database.db, { title: '<script>alert(1)</script>' })
    const response = await get(cid)
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('application/json; charset=utf-8')
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(response.headers.get('Content-Security-Policy')).toContain('sandbox')
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable')
    expect(await response.json()).toEqual({ title: '<script>alert(1)</script>' })
    // The same CID in another spelling (base58btc) names the same document.
    const other = CID.parse(cid).toString(base58btc)
    expect(other).not.toBe(cid)
    expect((await get(other)).status).toBe(200)
    expect((await get(cid, { 'If-None-Match': `"${cid}"` })).status).toBe(304)
  })

  it('answers 404 for an unknown CID and 400 for a malformed one', async () => {
    const unknown = await (await import('#db/content-store')).cidForBytes(new TextEncoder().encode('{"never":"stored"}'))
    expect((await get(unknown)).status).toBe(404)
    for (const bad of ['not-a-cid', 'Qm', '../../etc/passwd', '']) {
      const response = await get(bad)
      expect(response.status).toBe(400)
      expect(await response.text()).toMatch(/not a CID/)
    }
  })
})

describe('GET /ipfs/:cid as a trustless gateway', () => {
  const RAW = 'application/vnd.ipld.raw'

  it('answers the raw block for Accept: application/vnd.ipld.raw, its hash the CID’s multihash', async () => {
    const cid = await putJsonDocument(database.db, { title: 'Raw block', body: '<p>x</p>' })
    const response = await get(cid, { Accept: RAW })
    expect(response.status).toBe(200)
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'content-type': RAW,
      'content-disposition': `attachment; filename="${cid}.bin"`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'public, max-age=29030400, immutable',
      etag: `"${cid}.raw"`,
      'x-ipfs-path': `/ipfs/${cid}`,
      'x-ipfs-roots': cid,
      'content-location': `/ipfs/${cid}?format=raw`,
      'access-control-allow-origin': '*',
      vary: 'Accept',
    })
    const bytes = new Uint8Array(await response.arrayBuffer())
    expect(Buffer.from(bytes).toString('utf8')).toBe('{"title":"Raw block","body":"<p>x</p>"}')
    expect(Buffer.from((await sha256.digest(bytes)).digest)).toEqual(Buffer.from(CID.parse(cid).multihash.digest))
    expect(response.headers.get('content-length')).toBe(String(bytes.byteLength))
    expect((await get(cid, { Accept: RAW, 'If-None-Match': `"${cid}.raw"` })).status).toBe(304)
    // A browser's Accept still gets the document, as before.
    const page = await get(cid, { Accept: 'text/html,application/xhtml+xml,*/*;q=0.8' })
    expect(page.headers.get('content-type')).toBe('application/json; charset=utf-8')
  })

  it('serves ?format=raw over the Accept header, and a CARv1 of the block for format=car', async () => {
    const { CarReader } = await import('@ipld/car/reader')
    const cid = await putJsonDocument(database.db, { title: 'In a CAR' })
    const raw = await get(`${cid}?format=raw`, { Accept: 'application/vnd.ipld.car' })
    expect(raw.headers.get('content-type')).toBe(RAW)
    expect(raw.headers.get('content-location')).toBeNull()

    for (const request of [get(`${cid}?format=car`), get(cid, { Accept: 'application/vnd.ipld.car; version=1; order=dfs; dups=y' })]) {
      const car = await request
      expect(car.status).toBe(200)
      expect(car.headers.get('content-disposition')).toBe(`attachment; filename="${cid}.car"`)
      expect(car.headers.get('content-type')).toMatch(/^application\/vnd\.ipld\.car; version=1; order=dfs; dups=[yn]$/)
      const reader = await CarReader.fromBytes(new Uint8Array(await car.arrayBuffer()))
      expect((await reader.getRoots()).map(String)).toEqual([cid])
      const blocks = []
      for await (const block of reader.blocks()) blocks.push(block)
      expect(blocks.map((b) => [b.cid.toString(), Buffer.from(b.bytes).toString('utf8')])).toEqual([[cid, '{"title":"In a CAR"}']])
    }
  })

  it('finds the block by its hash under a CIDv0 (Qm…) or any CIDv1 spelling of it', async () => {
    const cid = CID.parse(await putJsonDocument(database.db, { title: 'Any spelling' }))
    const v0 = CID.createV0(cid.multihash as MultihashDigest<typeof sha256.code>).toString()
    expect(v0).toMatch(/^Qm/)
    for (const spelling of [v0, cid.toString(base58btc)]) {
      const response = await get(spelling, { Accept: RAW })
      expect(response.status).toBe(200)
      expect(Buffer.from(await response.arrayBuffer()).toString('utf8')).toBe('{"title":"Any spelling"}')
    }
    // A v0 CID of something never stored: 404, not a malformed request.
    const unknownV0 = CID.createV0(await sha256.digest(new TextEncoder().encode('nothing'))).toString()
    expect((await get(unknownV0, { Accept: RAW })).status).toBe(404)
  })

  it('answers HEAD with the headers and no body', async () => {
    const cid = await putJsonDocument(database.db, { title: 'Just the headers' })
    const response = await getDocument({ request: new Request(`http://localhost:3000/ipfs/${cid}?format=raw`, { method: 'HEAD' }), params: { cid }, context: {} })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe(RAW)
    expect(response.headers.get('content-length')).toBe(String('{"title":"Just the headers"}'.length))
    expect(response.body).toBeNull()
  })

  it('refuses formats it cannot serve with 400, and says 404 (or 412 if only cached) for unknown blocks', async () => {
    const cid = await putJsonDocument(database.db, { title: 'Formats' })
    for (const [path, headers, reason] of [
      [`${cid}?format=tar`, {}, /format=tar is not served/],
      [`${cid}?format=car&car-version=2`, {}, /only version=1/],
      [cid, { Accept: 'application/vnd.ipld.car; version=2' }, /only version=1/],
      [`${cid}?format=car&car-dups=maybe`, {}, /dups/],
    ] as const) {
      const response = await get(path, headers)
      expect(response.status).toBe(400)
      expect(await response.text()).toMatch(reason)
    }
    const unknown = CID.createV1(raw.code, await sha256.digest(new TextEncoder().encode('{"never":"stored"}'))).toString()
    expect((await get(unknown, { Accept: RAW })).status).toBe(404)
    expect((await get(`${unknown}?format=car`)).status).toBe(404)
    expect((await get(unknown, { Accept: RAW, 'Cache-Control': 'only-if-cached' })).status).toBe(412)
  })
})

describe('POST /ipfs', () => {
  it('refuses other origins, anonymous visitors and oversized bodies', async () => {
    const anonymous = new TestBrowser()
    expect((await post(anonymous, taskForm, { origin: 'https://evil.example' })).status).toBe(403)
    expect((await post(anonymous, taskForm, { origin: null })).status).toBe(403)
    expect((await post(anonymous, taskForm)).status).toBe(401)
    const browser = await signedInBrowser()
    const huge = await post(browser, { ...taskForm, description: 'x'.repeat(400 * 1024) })
    expect(huge.status).toBe(413)
  })

  it('validates the form with its schema and answers the field errors', async () => {
    const browser = await signedInBrowser()
    const response = await post(browser, { ...taskForm, title: '', 'links[0].url': 'javascript:alert(1)', nativeBudget: 'lots' })
    expect(response.status).toBe(400)
    const body = (await response.json()) as { reply: { status: string; error: Record<string, string[]> } }
    expect(body.reply.status).toBe('error')
    expect(Object.keys(body.reply.error).sort()).toEqual(['links[0].url', 'nativeBudget', 'title'])
    expect((await post(browser, { intent: 'something-else' })).status).toBe(400)
    // An intent that names an inherited property of an object is no form either.
    for (const intent of ['constructor', '__proto__', 'toString']) expect((await post(browser, { intent })).status).toBe(400)
  })

  it('stores the task document as the openrd-frontend writes it and answers its raw CID, which GET serves back', async () => {
    const browser = await signedInBrowser()
    const response = await post(browser, { ...taskForm, description: 'What to do when the indexer **halts**:\n\n- page the on-call' })
    expect(response.status).toBe(201)
    const { cid, uri } = (await response.json()) as { cid: string; uri: string }
    expect(uri).toBe(`ipfs://${cid}`)
    const served = Buffer.from(await (await get(cid)).arrayBuffer())
    // Compact JSON in the frontend's key order; the description (rich text) written as HTML.
    expect(served.toString('utf8')).toBe(
      JSON.stringify({
        title: 'Write the indexer runbook',
        tags: [{ tag: 'docs' }, { tag: 'ops' }],
        projectSize: 0,
        teamSize: 1,
        description: '<p>What to do when the indexer <strong>halts</strong>:</p>\n<ul>\n<li>page the on-call</li>\n</ul>',
        resources: '',
        links: [{ name: 'Repo', url: 'https://github.com/openmesh-network' }],
      }),
    )
    // The CID any IPFS node computes for those bytes (CIDv1, raw, sha2-256).
    expect(cid).toBe(CID.create(1, raw.code, await sha256.digest(served)).toString())
    // Storing the same form again gives the same CID.
    expect(((await (await post(browser, { ...taskForm, description: 'What to do when the indexer **halts**:\n\n- page the on-call' })).json()) as { cid: string }).cid).toBe(cid)
  })

  it('refuses an application to a course-gated task until the course is completed', async () => {
    const gated = await putJsonDocument(database.db, {
      title: 'Gated',
      description: '',
      tags: [],
      projectSize: 1,
      teamSize: 1,
      resources: '',
      links: [],
      requiredCourse: 'contributing-with-openrd',
    })
    const open = await putJsonDocument(database.db, { title: 'Open to all', description: '', tags: [], links: [] })
    const base = { chainId: 31337, deadline: 2_000_000_000, manager: '0x' + 'a'.repeat(40), state: 'open' as const, nativeBudget: '10', createdAt: 1 }
    putTask(database.sqlite, { ...base, taskId: 7, metadataUri: `ipfs://${gated}`, title: 'Gated' })
    putTask(database.sqlite, { ...base, taskId: 8, metadataUri: `ipfs://${open}`, title: 'Open to all' })
    const browser = await signedInBrowser()
    const application = { intent: 'apply', chainId: '31337', plan: 'I will do it.', nativeReward: '1' }
    const refused = await post(browser, { ...application, taskId: '7' })
    expect(refused.status).toBe(403)
    expect(((await refused.json()) as { error: string }).error).toContain('/courses/contributing-with-openrd')
    expect((await post(browser, { ...application, taskId: '8' })).status).toBe(201)
    expect((await post(browser, { ...application, taskId: '99' })).status).toBe(404)

    // Once the courses feature records the completion, the same application goes through.
    const address = ada.address.toLowerCase()
    database.db.insert(certificates).values({ id: 'cert-1', address, courseSlug: 'contributing-with-openrd', courseTitle: 'Contributing', courseVersion: 'v1', issuedAt: 1, issuer: address, signature: '0x' }).run()
    database.db.insert(courseCompletions).values({ address, courseSlug: 'contributing-with-openrd', courseVersion: 'v1', completedAt: 1, certificateId: 'cert-1' }).run()
    expect((await post(browser, { ...application, taskId: '7' })).status).toBe(201)
  })
})
