import { CID } from 'multiformats/cid'
import * as json from 'multiformats/codecs/json'
import * as raw from 'multiformats/codecs/raw'
import { sha256 } from 'multiformats/hashes/sha2'
import { describe, expect, it } from 'vitest'
import { useTempDatabase } from '../test/setup'
import { bytesMatchCid, getBlock, getContent, MAX_CONTENT_BYTES, putJsonDocument } from './content-store'
import { contentBlobs } from './schema'

// The store keeps a document as Openmesh's frontends upload it: the compact JSON.stringify bytes,
// keys in the document's own order, under the CID any IPFS node computes for those bytes added as
// one raw block (CIDv1, raw codec, sha2-256: bafkrei…).

const { db } = useTempDatabase()

describe('the content store', () => {
  it('stores compact JSON in the document’s key order under its raw CIDv1', async () => {
    const document = { title: 'Index the RFPs', tags: [{ tag: 'indexer' }], projectSize: 40, teamSize: 2, description: '<p>All of them</p>' }
    const cid = await putJsonDocument(db, document)
    const bytes = new TextEncoder().encode(JSON.stringify(document))
    expect(cid).toBe(CID.create(1, raw.code, await sha256.digest(bytes)).toString())
    expect(cid).toMatch(/^bafkrei[a-z2-7]{52}$/)
    const stored = getContent(db, cid)!
    // Not sorted: `title` stays before `description`, as the frontends write it.
    expect(stored.bytes.toString('utf8')).toBe('{"title":"Index the RFPs","tags":[{"tag":"indexer"}],"projectSize":40,"teamSize":2,"description":"<p>All of them</p>"}')
    expect(await bytesMatchCid(stored.bytes, cid)).toBe(true)
  })

  it('gives the same CID as a known web3.storage upload of the same bytes', async () => {
    // `{"reason":"no"}` uploaded as a file: the raw block's CID, independently computed.
    const cid = await putJsonDocument(db, { reason: 'no' })
    expect(cid).toBe(CID.createV1(0x55, await sha256.digest(new TextEncoder().encode('{"reason":"no"}'))).toString())
  })

  it('still resolves documents stored under the old json codec', async () => {
    const bytes = Buffer.from('{"title":"Stored before raw CIDs"}')
    const oldCid = CID.createV1(json.code, await sha256.digest(bytes)).toString()
    expect(oldCid).toMatch(/^bagaaiera/)
    db.insert(contentBlobs).values({ cid: oldCid, bytes, mediaType: 'application/json' }).run()
    expect(getContent(db, oldCid)?.bytes.toString('utf8')).toBe('{"title":"Stored before raw CIDs"}')
    expect(await bytesMatchCid(bytes, oldCid)).toBe(true)
    // Storing the same document again files it under its raw CID, beside the old one.
    const rawCid = await putJsonDocument(db, { title: 'Stored before raw CIDs' })
    expect(rawCid).not.toBe(oldCid)
    expect(getContent(db, rawCid)?.bytes.equals(bytes)).toBe(true)
  })

  it('refuses a document above the size limit and bytes that do not match a CID', async () => {
    await expect(putJsonDocument(db, { body: 'x'.repeat(MAX_CONTENT_BYTES) })).rejects.toThrow(/above the 262144 limit/)
    const cid = await putJsonDocument(db, { title: 'A' })
    expect(await bytesMatchCid(Buffer.from('{"title":"B"}'), cid)).toBe(false)
    expect(await bytesMatchCid(Buffer.from('{"title":"A"}'), 'not-a-cid')).toBe(false)
  })

  it('finds a document as an IPFS block by its hash, under any CID version or codec, and nothing else', async () => {
    const cid = CID.parse(await putJsonDocument(db, { title: 'A block' }))
    const bytes = '{"title":"A block"}'
    const spellings = [cid, CID.createV0(cid.multihash as Parameters<typeof CID.createV0>[0]), CID.createV1(json.code, cid.multihash), CID.createV1(0x70, cid.multihash)]
    for (const spelling of spellings) expect(Buffer.from((await getBlock(db, spelling))!).toString('utf8')).toBe(bytes)
    expect(await getBlock(db, CID.createV1(raw.code, await sha256.digest(new TextEncoder().encode('other'))))).toBeUndefined()
    // Bytes under a key they do not hash to (a corrupted row) are never answered.
    const forged = CID.createV1(raw.code, await sha256.digest(new TextEncoder().encode('{"title":"forged"}')))
    db.insert(contentBlobs).values({ cid: forged.toString(), bytes: Buffer.from('{"title":"not that"}'), mediaType: 'application/json' }).run()
    expect(await getBlock(db, forged)).toBeUndefined()
  })
})
