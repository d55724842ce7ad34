import { CID } from 'multiformats/cid'
import type { Db } from '#db/client'
import { getContent } from '#db/content-store'
import { cidFromUri } from '#documents/uri'

// Metadata documents the portal wrote itself, read from the local content store so that a
// page can show them before the indexer's resolver has fetched them. Used by the task and DAO
// document loaders, which each decide what a parsed document must look like.

export type LocalJson = { ok: true; value: unknown } | { ok: false; error: string }

/**
 * The document at `uri` in the local content store, parsed as JSON; undefined when the URI names
 * no CID or the store does not hold it.
 */
export function readLocalJson(db: Db, uri: string): LocalJson | undefined {
  const cid = canonicalCid(cidFromUri(uri))
  if (!cid) return undefined
  const content = getContent(db, cid)
  if (!content) return undefined
  try {
    return { ok: true, value: JSON.parse(content.bytes.toString('utf8')) as unknown }
  } catch {
    return { ok: false, error: 'The document is not valid JSON.' }
  }
}

/** The content store's key for a CID in any spelling (CIDv1, base32), or null for a malformed one. */
function canonicalCid(cid: string | null): string | null {
  if (!cid) return null
  try {
    return CID.parse(cid).toV1().toString()
  } catch {
    return null
  }
}
