import { eq } from 'drizzle-orm'
import { CID } from 'multiformats/cid'
import * as json from 'multiformats/codecs/json'
import * as raw from 'multiformats/codecs/raw'
import { sha256 } from 'multiformats/hashes/sha2'
import type { Db } from './client'
import { contentBlobs } from './schema'

// The local content store: documents addressed by their CIDv1 (sha2-256), so a metadata URI
// `ipfs://<cid>` written on chain can be checked against the bytes wherever they come from.

/** Max size of one stored document; metadata is small JSON, anything bigger is refused. */
export const MAX_CONTENT_BYTES = 256 * 1024

export async function cidForBytes(bytes: Uint8Array, codec: 'json' | 'raw' = 'json'): Promise<string> {
  const digest = await sha256.digest(bytes)
  return CID.createV1(codec === 'json' ? json.code : raw.code, digest).toString()
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

/** Canonical JSON bytes (sorted keys) so the same document always gets the same CID. */
export function canonicalJsonBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(sortKeys(value)))
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
 * Stores a document under its CID. `charge` runs in the same transaction when the document is
 * new (not when those bytes were stored already): it may throw to refuse it, and then nothing
 * is stored.
 */
export async function putJsonDocument(
  db: Db,
  value: unknown,
  options: { charge?: (tx: DbTransaction, byteLength: number) => void } = {},
): Promise<string> {
  const bytes = canonicalJsonBytes(value)
  if (bytes.byteLength > MAX_CONTENT_BYTES) throw new Error(`document is ${bytes.byteLength} bytes, above the ${MAX_CONTENT_BYTES} limit`)
  const cid = await cidForBytes(bytes, 'json')
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
