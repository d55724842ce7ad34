import { CID } from 'multiformats/cid'
import { getContent, MAX_CONTENT_BYTES, putJsonDocument } from '#db/content-store'
import { documentSchemas, richTextFields, type DocumentKind } from '#documents/kinds'
import { markdownToRichText } from '#documents/rich-text'
import { uriForCid } from '#documents/uri'
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

/**
 * Stores a form's metadata document as Openmesh's frontends write it: its rich-text fields, typed
 * as markdown, become the HTML an editor would have written (documents/rich-text.ts); the kind's
 * schema checks it once more (the last line before it becomes permanent) and puts its keys in the
 * frontends' order. Answers its `ipfs://` URI.
 */
export async function storeMetadataDocument(kind: DocumentKind, document: Record<string, unknown>): Promise<{ cid: string; uri: string }> {
  const rich = Object.fromEntries(
    richTextFields[kind].flatMap((field) => (typeof document[field] === 'string' ? [[field, markdownToRichText(document[field] as string)]] : [])),
  )
  const valid = documentSchemas[kind].parse({ ...document, ...rich })
  const cid = await putJsonDocument(getDb(), valid)
  return { cid, uri: uriForCid(cid) }
}
