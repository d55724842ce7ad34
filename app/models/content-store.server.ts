import { CID } from 'multiformats/cid'
import { getBlock, getContent, MAX_CONTENT_BYTES, putJsonDocument } from '#db/content-store'
import type { DocumentKind } from '#documents/kinds'
import { uriForCid } from '#documents/uri'
import { writtenDocument } from '#documents/write'
import { getDb } from '~/db.server'

/** The stored document for a CID in any valid spelling, or undefined (also for a malformed CID). */
export function getContentByCid(cid: string): { cid: string; bytes: Buffer; mediaType: string } | undefined {
  let parsed: CID
  try {
    parsed = CID.parse(cid)
  } catch {
    return undefined
  }
  // The store keys documents by their canonical CIDv1 base32 string.
  const canonical = parsed.toV1().toString()
  const content = getContent(getDb(), canonical)
  return content ? { cid: canonical, ...content } : undefined
}

/** The block an IPFS client asks for by `cid` (any version or codec of a stored document's hash). */
export function getBlockByCid(cid: CID): Promise<Uint8Array | undefined> {
  return getBlock(getDb(), cid)
}

/**
 * Stores a form's metadata document as Openmesh's frontends write it (documents/write.ts: rich
 * text as HTML, the frontends' key order), checked by its kind's schema once more, the last line
 * before it becomes permanent. Answers its `ipfs://` URI.
 */
export async function storeMetadataDocument(
  kind: DocumentKind,
  document: Record<string, unknown>,
  options: Parameters<typeof putJsonDocument>[2] = {},
): Promise<{ cid: string; uri: string }> {
  const valid = writtenDocument(kind, document)
  const cid = await putJsonDocument(getDb(), valid, options)
  return { cid, uri: uriForCid(cid) }
}
