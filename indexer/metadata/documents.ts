import { readDocument, type DocumentKind } from '#documents/kinds'
import { InvalidDocumentError } from '../errors'

// A fetched document's bytes → what the cache keeps: the fields its kind defines (documents/),
// bounded, unknown ones dropped. Nothing in it is ever interpreted (the app escapes it when rendering).

/** Parses and trims a document; throws InvalidDocumentError when it is not a JSON object. */
export function parseDocument(kind: DocumentKind, bytes: Uint8Array): { content: Record<string, unknown>; title: string | null } {
  let json: unknown
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch (error) {
    throw new InvalidDocumentError('not UTF-8 JSON', { cause: error })
  }
  const content: Record<string, unknown> | null = readDocument(kind, json)
  if (!content) throw new InvalidDocumentError('not a JSON object')
  const title = typeof content.title === 'string' && content.title.trim() ? content.title.trim() : null
  return { content, title }
}
