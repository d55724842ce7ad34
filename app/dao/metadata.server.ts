import { and, eq, inArray } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { metadataDocuments } from '../../db/schema'
import { readLocalJson } from '~/models/local-content.server'

// Metadata documents of proposals, optimistic actions and rejections: the indexer's cache
// first (validated, CID-checked), else the local content store (documents the portal wrote
// itself, visible before the resolver gets to them). The content is untrusted: only string
// fields are read, and the page escapes or sanitizes them.

export type DocumentState = 'ok' | 'pending' | 'unavailable' | 'invalid' | 'none'
export type LoadedDocument = { state: DocumentState; content: Record<string, unknown> | null; error: string | null }

const NONE: LoadedDocument = { state: 'none', content: null, error: null }

export function loadDocuments(db: Db, chainId: number, uris: string[]): Map<string, LoadedDocument> {
  const wanted = [...new Set(uris.filter((uri) => uri !== ''))]
  const result = new Map<string, LoadedDocument>()
  if (wanted.length === 0) return result
  const rows = db
    .select({ uri: metadataDocuments.uri, status: metadataDocuments.status, content: metadataDocuments.content, error: metadataDocuments.error })
    .from(metadataDocuments)
    .where(and(eq(metadataDocuments.chainId, chainId), inArray(metadataDocuments.uri, wanted)))
    .all()
  for (const row of rows) result.set(row.uri, { state: row.status, content: asRecord(row.content), error: row.error })
  for (const uri of wanted) {
    const cached = result.get(uri)
    if (cached?.state === 'ok' || cached?.state === 'invalid') continue
    const local = readLocal(db, uri)
    result.set(uri, local ?? cached ?? { state: 'pending', content: null, error: null })
  }
  return result
}

export function documentOf(documents: Map<string, LoadedDocument>, uri: string): LoadedDocument {
  return uri === '' ? NONE : documents.get(uri) ?? { state: 'pending', content: null, error: null }
}

/** A string field of a document, trimmed to `max` characters; undefined when missing or not text. */
export function textField(doc: LoadedDocument, field: string, max = 50_000): string | undefined {
  const value = doc.content?.[field]
  return typeof value === 'string' && value.trim() !== '' ? value.slice(0, max) : undefined
}

export type DocumentLink = { name: string; url: string }

export function linksField(doc: LoadedDocument, field: string): DocumentLink[] {
  const value = doc.content?.[field]
  if (!Array.isArray(value)) return []
  return value.slice(0, 30).flatMap((entry) => {
    const item = asRecord(entry)
    const url = typeof item?.url === 'string' ? item.url.slice(0, 2_000) : ''
    if (!url) return []
    const name = typeof item?.name === 'string' && item.name.trim() ? item.name.slice(0, 200) : url
    return [{ name, url }]
  })
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null
}

function readLocal(db: Db, uri: string): LoadedDocument | undefined {
  const local = readLocalJson(db, uri)
  if (!local) return undefined
  if (!local.ok) return { state: 'invalid', content: null, error: local.error }
  const parsed = asRecord(local.value)
  return parsed ? { state: 'ok', content: parsed, error: null } : { state: 'invalid', content: null, error: 'The document is not a JSON object.' }
}
