import { eq } from 'drizzle-orm'
import { CID } from 'multiformats/cid'
import * as json from 'multiformats/codecs/json'
import * as raw from 'multiformats/codecs/raw'
import { sha256 } from 'multiformats/hashes/sha2'
import type { Db } from './client'
import { contentBlobs } from './schema'

// The local content store: documents addressed by their CID, so a metadata URI `ipfs://<cid>`
// written on chain can be checked against the bytes wherever they come from.
//
// A document is stored as Openmesh's frontends upload it (shared/reference-abi/README.md, "IPFS
// metadata"): the compact JSON.stringify of the object, keys in the order given, under a CIDv1
// with the raw codec (0x55) and sha2-256 — `bafkrei…`, the CID web3.storage (and any IPFS node
// adding the file with raw leaves as one block) gives those bytes. Documents stored before under
// the json codec (0x0200) keep their CIDs and still resolve: a lookup is by the exact CID string
// and the check compares the sha2-256 digest, whatever the codec.

/** Max size of one stored document; metadata is small JSON, anything bigger is refused. */
export const MAX_CONTENT_BYTES = 256 * 1024

/** The CIDv1 (sha2-256) of `bytes`: raw codec, as the portal stores documents; json only for the old ones. */
export async function cidForBytes(bytes: Uint8Array, codec: 'raw' | 'json' = 'raw'): Promise<string> {
  const digest = await sha256.digest(bytes)
  return CID.createV1(codec === 'raw' ? raw.code : json.code, digest).toString()
}

/** True when `bytes` hash to `cid` (any CID version or codec using sha2-256). */
export async function bytesMatchCid(bytes: Uint8Array, cid: string): Promise<boolean> {
  let parsed: CID
  try {
    parsed = CID.parse(cid)
  } catch {
    return false
  }
  if (parsed.multihash.code !== sha256.code) return false
  const digest = await sha256.digest(bytes)
  return Buffer.from(digest.digest).equals(Buffer.from(parsed.multihash.digest))
}

/** A document's bytes as the frontends upload them: compact JSON, keys in the object's own order. */
export function documentBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(value))
}

/** JSON bytes with sorted keys: a stable encoding for tests that build documents field by field in any order. */
export function canonicalJsonBytes(value: unknown): Uint8Array {
  return documentBytes(sortKeys(value))
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as Record<string, unknown>)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    )
  }
  return value
}

export type DbTransaction = Parameters<Parameters<Db['transaction']>[0]>[0]

/**
 * Stores a document (compact JSON, its own key order) under its raw CID. `charge` runs in the
 * same transaction when the document is new (not when those bytes were stored already): it may
 * throw to refuse it, and then nothing is stored.
 */
export async function putJsonDocument(
  db: Db,
  value: unknown,
  options: { charge?: (tx: DbTransaction, byteLength: number) => void } = {},
): Promise<string> {
  const bytes = documentBytes(value)
  if (bytes.byteLength > MAX_CONTENT_BYTES) throw new Error(`document is ${bytes.byteLength} bytes, above the ${MAX_CONTENT_BYTES} limit`)
  const cid = await cidForBytes(bytes)
  db.transaction(
    (tx) => {
      const inserted = tx
        .insert(contentBlobs)
        .values({ cid, bytes: Buffer.from(bytes), mediaType: 'application/json' })
        .onConflictDoNothing()
        .run()
      if (inserted.changes > 0) options.charge?.(tx, bytes.byteLength)
    },
    // IMMEDIATE: a charge reads then writes; two processes charging at once take turns.
    { behavior: 'immediate' },
  )
  return cid
}

export function getContent(db: Db, cid: string): { bytes: Buffer; mediaType: string } | undefined {
  const row = db.select().from(contentBlobs).where(eq(contentBlobs.cid, cid)).get()
  return row ? { bytes: row.bytes, mediaType: row.mediaType } : undefined
}

/**
 * The block an IPFS node holds for `cid`: the stored bytes whose sha2-256 digest is the CID's
 * multihash, whatever codec or version the CID names — as IPFS blockstores key blocks by
 * multihash. So the raw `bafkrei…`, the old json `bagaaiera…` and any other spelling of the same
 * hash find the same document. The bytes are checked against the digest before they are answered.
 */
export async function getBlock(db: Db, cid: CID): Promise<Uint8Array | undefined> {
  if (cid.multihash.code !== sha256.code) return undefined
  const candidates = new Set([cid.toV1().toString(), CID.createV1(raw.code, cid.multihash).toString(), CID.createV1(json.code, cid.multihash).toString()])
  for (const key of candidates) {
    const content = getContent(db, key)
    if (content && (await bytesMatchCid(content.bytes, cid.toString()))) return content.bytes
  }
  return undefined
}
