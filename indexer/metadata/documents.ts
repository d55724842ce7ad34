import { z } from 'zod'
import type { MetadataKind } from './kinds'

// Metadata documents are untrusted JSON: only the known fields are kept, as bounded strings,
// and nothing in them is ever interpreted (the app escapes them when rendering).

const text = (max: number) =>
  z
    .union([z.string(), z.number()])
    .transform((v) => String(v).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').slice(0, max))
    .optional()
    .catch(undefined)
const link = z.object({ name: text(200), url: text(2_000) }).catch({ name: undefined, url: undefined })
const list = <T extends z.ZodTypeAny>(item: T, max: number) =>
  z
    .array(item)
    .transform((items) => items.slice(0, max))
    .optional()
    .catch(undefined)

const schemas: Record<MetadataKind, z.ZodTypeAny> = {
  task: z.object({
    title: text(200),
    description: text(50_000),
    tags: list(z.union([z.object({ tag: text(60) }), z.string().transform((tag) => ({ tag: tag.slice(0, 60) }))]), 30),
    projectSize: text(60),
    teamSize: text(60),
    resources: text(20_000),
    links: list(link, 30),
  }),
  application: z.object({ teamSize: text(60), plan: text(50_000), background: text(50_000) }),
  submission: z.object({ explanation: text(50_000) }),
  review: z.object({ feedback: text(50_000) }),
  cancel: z.object({ reason: text(50_000) }),
  proposal: z.object({ title: text(200), summary: text(50_000), description: text(50_000), resources: list(link, 30) }),
  action: z.object({ title: text(200), description: text(50_000) }),
  rejection: z.object({ reason: text(50_000), description: text(50_000) }),
}

export class InvalidDocumentError extends Error {
  override name = 'InvalidDocumentError'
}

/** Parses and trims a document; throws InvalidDocumentError when it is not a JSON object. */
export function parseDocument(kind: MetadataKind, bytes: Uint8Array): { content: Record<string, unknown>; title: string | null } {
  let json: unknown
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch {
    throw new InvalidDocumentError('not UTF-8 JSON')
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new InvalidDocumentError('not a JSON object')
  const parsed = schemas[kind].safeParse(json)
  if (!parsed.success) throw new InvalidDocumentError(`does not match the ${kind} document shape`)
  const content = Object.fromEntries(Object.entries(parsed.data as Record<string, unknown>).filter(([, v]) => v !== undefined))
  const title = typeof content.title === 'string' && content.title.trim() ? content.title.trim() : null
  return { content, title }
}
