import { z } from 'zod'
import { stripHiddenChars } from '../app/utils/hidden-chars'

// The kinds of field a metadata document is made of. Each kind is defined once with its two
// readings:
//  - `write`: what the portal itself writes (forms, POST /ipfs) — strict, with the limits below;
//  - `read`: what a document written by anyone is taken as — lenient about shape, never trusting:
//    bounded, control characters removed, a wrong type becomes "missing" (undefined), never an error.
// `defineDocument` builds both readings of a whole document from its fields, so the indexer (which
// parses untrusted JSON) and the app (which writes and renders) cannot drift apart.

/** What the portal writes. */
export const LIMITS = {
  title: 120,
  tag: 32,
  tags: 10,
  longText: 20_000,
  shortText: 5_000,
  linkName: 80,
  url: 2_000,
  links: 10,
} as const

/**
 * What is kept of a document written by anyone: every field is bounded. A text field is read up to
 * the portal's own limit unless its definition says otherwise; a tag as far as the board's search
 * indexes it (db/migrations/0003_task_search.sql cuts tags at 32 characters).
 */
export const READ_LIMITS = {
  title: LIMITS.title * 4,
  /** Long texts of the DAO's documents, which the portal does not limit when it writes them. */
  text: 50_000,
  tag: LIMITS.tag,
  tags: 50,
  linkName: LIMITS.linkName,
  url: LIMITS.url,
  links: 50,
} as const

export type Field<Write extends z.ZodTypeAny | undefined, Read> = {
  /** Undefined for a field the portal reads but never writes. */
  write: Write
  /** Never fails: undefined when the value is missing or unusable. */
  read: z.ZodType<Read | undefined, z.ZodTypeDef, unknown>
  /** A rich-text field (†): HTML from a rich-text editor, see ./rich-text.ts. */
  rich?: true
}

type AnyField = Field<z.ZodTypeAny | undefined, unknown>

// ─── Lenient readers (exported for the app's readers of single fields) ──────────────────────

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g

/**
 * Untrusted text: a string (or a number, as some writers send) with control characters and the
 * bidi/zero-width characters that could disguise it (app/utils/hidden-chars.ts) removed, cut to `max`.
 */
export function readText(value: unknown, max: number = READ_LIMITS.text): string | undefined {
  if (typeof value !== 'string' && !(typeof value === 'number' && Number.isFinite(value))) return undefined
  return stripHiddenChars(String(value).replace(CONTROL, '')).slice(0, max)
}

/** A non-negative whole number, also from its decimal text ("40"). */
function readCount(value: unknown): number | undefined {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
  return typeof number === 'number' && Number.isFinite(number) && number >= 0 ? Math.floor(number) : undefined
}

export type ReadLink = { name?: string; url: string }

/** `[{ name, url }]`: entries without a text url are dropped. */
export function readLinks(value: unknown): ReadLink[] | undefined {
  if (!Array.isArray(value)) return undefined
  return value.slice(0, READ_LIMITS.links).flatMap((entry) => {
    const item = asRecord(entry)
    const url = readText(item?.url, READ_LIMITS.url)?.trim()
    if (!url) return []
    const name = readText(item?.name, READ_LIMITS.linkName)?.trim()
    return [name ? { name, url } : { url }]
  })
}

export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
}

const lenient = <T>(read: (value: unknown) => T | undefined) => z.unknown().transform((value) => read(value))

// ─── Field kinds ────────────────────────────────────────────────────────────────────────────

/** Free text, read up to `readMax` (default: `max`). `required`: the portal writes it non-empty (trimmed). `written: false`: read only. */
export function text<Written extends boolean = true>(
  max: number,
  { required = false, readMax = max, written }: { required?: boolean; readMax?: number; written?: Written } = {},
) {
  const write = required ? z.string().trim().min(1).max(max) : z.string().max(max)
  return {
    write: (written === false ? undefined : write) as Written extends false ? undefined : z.ZodString,
    read: lenient((value) => readText(value, readMax)),
  }
}

/**
 * How much longer than its source a rich-text field may be: the portal's forms take markdown up to
 * a field's limit and store the HTML it renders to (./rich-text.ts), which is longer.
 */
export const RICH_TEXT_EXPANSION = 4

/**
 * A rich-text field (†): HTML as react-quill or Aragon's editor write it, read up to the length the
 * portal may write (an HTML text cut shorter would lose its closing tags, which the sanitizer
 * supplies, but also the end of the text). Plain text or markdown written by other tools is read as
 * it is; the pages tell the two apart when they render (app/utils/rich-text.server.ts).
 */
export function richText(max: number, { required = false }: { required?: boolean } = {}) {
  return { ...text(max * RICH_TEXT_EXPANSION, { required }), rich: true as const }
}

/** A whole number of at least `min` (team size, project size). */
export function count(min: number) {
  return { write: z.number().int().min(min), read: lenient(readCount) }
}

/** A course's slug, as in its URL. */
export const courseSlugSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'Use the course slug from its URL, e.g. "intro-to-openmesh"')

/** Optional: a task that requires a course names it. */
export function courseSlug() {
  return {
    write: courseSlugSchema.optional(),
    read: lenient((value) => {
      const parsed = courseSlugSchema.safeParse(value)
      return parsed.success ? parsed.data : undefined
    }),
  }
}

/** `[{ tag }]` as OpenR&D writes it; plain strings are read as tags too. */
export function tagList() {
  return {
    write: z.array(z.object({ tag: z.string().trim().min(1).max(LIMITS.tag) })).max(LIMITS.tags),
    read: lenient((value): { tag: string }[] | undefined => {
      if (!Array.isArray(value)) return undefined
      return value
        .flatMap((entry) => {
          const tag = readText(typeof entry === 'string' ? entry : asRecord(entry)?.tag, READ_LIMITS.tag)?.trim()
          return tag ? [{ tag }] : []
        })
        .slice(0, READ_LIMITS.tags)
    }),
  }
}

const httpUrl = z
  .string()
  .trim()
  .max(LIMITS.url)
  .url('Enter a full URL, e.g. https://…')
  .refine((value) => /^https?:\/\//i.test(value), 'Links must start with http:// or https://')

/** A link the portal writes: a name and an http(s) URL. */
export const linkSchema = z.object({
  name: z.string().trim().min(1, 'Name the link').max(LIMITS.linkName),
  url: httpUrl,
})

export function linkList<Written extends boolean = true>({ written }: { written?: Written } = {}) {
  const write = z.array(linkSchema).max(LIMITS.links)
  return { write: (written === false ? undefined : write) as Written extends false ? undefined : typeof write, read: lenient(readLinks) }
}

const addressPattern = /^0x[0-9a-fA-F]{40}$/

/** An EVM address (a crowdfunded task's `managementExtension`); read only when it is one. */
export function evmAddress() {
  return {
    write: z.string().regex(addressPattern, 'An address is 0x and 40 hex digits').optional(),
    read: lenient((value) => (typeof value === 'string' && addressPattern.test(value) ? value : undefined)),
  }
}

/** A short opaque value kept as text (a crowdfunded task's CREATE2 `nonce`). */
export function token(max: number) {
  return { write: z.string().max(max).optional(), read: lenient((value) => readText(value, max)) }
}

/** A decimal amount written as text (an RFP's `maxProjectFunding`), kept as the writer spelled it. */
export function decimalText(max: number) {
  return {
    write: z.string().trim().regex(/^\d+(\.\d+)?$/, 'Enter an amount, e.g. 2500 or 0.5').max(max),
    read: lenient((value) => readText(value, max)?.trim() || undefined),
  }
}

/** A task's resources: the portal writes text; OpenR&D documents may hold a list of links instead. */
export function textOrLinks(max: number) {
  return {
    write: z.string().max(max),
    read: lenient((value): string | ReadLink[] | undefined => (Array.isArray(value) ? readLinks(value) : readText(value, max))),
  }
}

// ─── Whole documents ────────────────────────────────────────────────────────────────────────

type WriteShape<F extends Record<string, AnyField>> = {
  [K in keyof F as F[K]['write'] extends z.ZodTypeAny ? K : never]: Exclude<F[K]['write'], undefined>
}
type ReadValue<F extends AnyField> = F['read'] extends z.ZodType<infer R, z.ZodTypeDef, unknown> ? Exclude<R, undefined> : never
/** A document as read: every field optional, each of its read type. */
export type ReadDocument<F extends Record<string, AnyField>> = { [K in keyof F]?: ReadValue<F[K]> }

export type DocumentDefinition<F extends Record<string, AnyField>> = {
  fields: F
  /** Its rich-text (†) fields, by name. */
  richFields: readonly (keyof F & string)[]
  /** What the portal writes (strict). */
  write: z.ZodObject<WriteShape<F>>
  /** A document written by anyone, as far as it can be read; null when it is not a JSON object. */
  read: (content: unknown) => ReadDocument<F> | null
}

export function defineDocument<F extends Record<string, AnyField>>(fields: F): DocumentDefinition<F> {
  const writeShape = Object.fromEntries(
    Object.entries(fields).flatMap(([key, field]) => (field.write ? [[key, field.write]] : [])),
  ) as WriteShape<F>
  const entries = Object.entries(fields)
  return {
    fields,
    richFields: entries.flatMap(([key, field]) => (field.rich ? [key as keyof F & string] : [])),
    // The object's keys are in the order the fields are defined, and zod keeps that order when it
    // parses: what the portal writes has the frontends' key order, whatever order a form built it in.
    write: z.object(writeShape),
    read(content) {
      const doc = asRecord(content)
      if (!doc) return null
      // Only the document's own fields are looked at; a missing or unusable one is left out.
      const out: Record<string, unknown> = {}
      for (const [key, field] of entries) {
        const value = field.read.parse(doc[key])
        if (value !== undefined) out[key] = value
      }
      return out as ReadDocument<F>
    },
  }
}
