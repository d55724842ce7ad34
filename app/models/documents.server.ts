import { and, eq, inArray } from 'drizzle-orm'
import type { Db } from '#db/client'
import { metadataDocuments } from '#db/schema'
import { asRecord, readLinks, readText } from '#documents/fields'
import { isFetchableUri } from '#documents/uri'
import { readLocalJson } from './local-content.server'

// Metadata documents by URI, for every page that shows one (tasks, proposals, optimistic actions):
// the indexer's cache first (validated, CID-checked, read with documents/ by its kind), else the
// local content store (documents the portal wrote itself, visible before the resolver gets to
// them). The content is untrusted: callers read it with documents/ and the page escapes or
// sanitizes what they keep.

export type DocumentState = 'ok' | 'pending' | 'unavailable' | 'invalid' | 'none'
export type LoadedDocument = { state: DocumentState; content: Record<string, unknown> | null; error: string | null }

const NONE: LoadedDocument = { state: 'none', content: null, error: null }
const PENDING: LoadedDocument = { state: 'pending', content: null, error: null }

export function loadDocuments(db: Db, chainId: number, uris: string[]): Map<string, LoadedDocument> {
  const wanted = [...new Set(uris.filter((uri) => uri !== ''))]
  const result = new Map<string, LoadedDocument>()
  if (wanted.length === 0) return result
  const rows = db
    .select({ uri: metadataDocuments.uri, status: metadataDocuments.status, content: metadataDocuments.content, error: metadataDocuments.error })
    .from(metadataDocuments)
    .where(and(eq(metadataDocuments.chainId, chainId), inArray(metadataDocuments.uri, wanted)))
    .all()
  const cached = new Map(rows.map((row) => [row.uri, { state: row.status, content: asRecord(row.content) ?? null, error: row.error }]))
  for (const uri of wanted) {
    const row = cached.get(uri)
    if (row?.state === 'ok' || row?.state === 'invalid') result.set(uri, row)
    // The indexer files every URI it meets; one it has not met yet is judged here the way it would be.
    else if (!row && !isFetchableUri(uri)) result.set(uri, { state: 'invalid', content: null, error: 'its address is not an ipfs:// or http(s):// URI' })
    else result.set(uri, readLocal(db, uri) ?? row ?? PENDING)
  }
  return result
}

/** The document of `uri` among loaded ones: 'none' for the empty URI (no document was given). */
export function documentOf(documents: Map<string, LoadedDocument>, uri: string): LoadedDocument {
  return uri === '' ? NONE : documents.get(uri) ?? PENDING
}

/** The local content store's copy of a document, parsed as JSON; undefined when it holds none. */
export function readLocal(db: Db, uri: string): LoadedDocument | undefined {
  const local = readLocalJson(db, uri)
  if (!local) return undefined
  if (!local.ok) return { state: 'invalid', content: null, error: local.error }
  const parsed = asRecord(local.value)
  return parsed ? { state: 'ok', content: parsed, error: null } : { state: 'invalid', content: null, error: 'The document is not a JSON object.' }
}

/** A text field of a loaded document, cut to `max` characters; undefined when missing, blank or not text. */
export function textField(doc: LoadedDocument, field: string, max = 50_000): string | undefined {
  const value = readText(doc.content?.[field], max)
  return value && value.trim() !== '' ? value : undefined
}

export type DocumentLink = { name: string; url: string }

/** A list of links of a loaded document; a link without a name is named by its URL. */
export function linksField(doc: LoadedDocument, field: string): DocumentLink[] {
  return (readLinks(doc.content?.[field]) ?? []).slice(0, 30).map((link) => ({ name: link.name ?? link.url, url: link.url }))
}
