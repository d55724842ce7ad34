import { z } from 'zod'

// The JSON documents behind the `ipfs://<cid>` strings the Tasks contract stores, in the shapes
// Openmesh's OpenR&D app writes them (see ../shared/reference-abi/README.md), plus an optional
// `requiredCourse` on a task. Two sets of schemas:
//  - `*DocumentSchema` describe what the portal writes (strict: limits, http(s) links only);
//  - `read*` functions read documents written by anyone (lenient about shape, never trusting:
//    unknown fields are dropped, wrong types become "missing", strings stay plain text).

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

export const courseSlugSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'Use the course slug from its URL, e.g. "intro-to-openmesh"')

const httpUrl = z
  .string()
  .trim()
  .max(LIMITS.url)
  .url('Enter a full URL, e.g. https://…')
  .refine((value) => /^https?:\/\//i.test(value), 'Links must start with http:// or https://')

export const linkSchema = z.object({
  name: z.string().trim().min(1, 'Name the link').max(LIMITS.linkName),
  url: httpUrl,
})

export const taskDocumentSchema = z.object({
  title: z.string().trim().min(1).max(LIMITS.title),
  description: z.string().max(LIMITS.longText),
  tags: z.array(z.object({ tag: z.string().trim().min(1).max(LIMITS.tag) })).max(LIMITS.tags),
  projectSize: z.number().int().min(0),
  teamSize: z.number().int().min(1),
  resources: z.string().max(LIMITS.shortText),
  links: z.array(linkSchema).max(LIMITS.links),
  requiredCourse: courseSlugSchema.optional(),
})
export type TaskDocument = z.infer<typeof taskDocumentSchema>

export const applicationDocumentSchema = z.object({
  teamSize: z.number().int().min(1),
  plan: z.string().max(LIMITS.longText),
  background: z.string().max(LIMITS.shortText),
})
export type ApplicationDocument = z.infer<typeof applicationDocumentSchema>

export const submissionDocumentSchema = z.object({ explanation: z.string().max(LIMITS.longText) })
export const reviewDocumentSchema = z.object({ feedback: z.string().max(LIMITS.shortText) })
export const cancelDocumentSchema = z.object({ reason: z.string().max(LIMITS.shortText) })
export const proposalDocumentSchema = z.object({
  title: z.string().trim().min(1).max(LIMITS.title),
  summary: z.string().max(LIMITS.shortText),
  resources: z.array(linkSchema).max(LIMITS.links),
})

export const documentSchemas = {
  task: taskDocumentSchema,
  application: applicationDocumentSchema,
  submission: submissionDocumentSchema,
  review: reviewDocumentSchema,
  cancel: cancelDocumentSchema,
  proposal: proposalDocumentSchema,
} as const
export type DocumentKind = keyof typeof documentSchemas

// ─── Reading documents written by anyone ────────────────────────────────────────────────────

/** A string field of an untrusted document, or undefined when missing or not a string. */
function text(value: unknown, max: number = LIMITS.longText): string | undefined {
  return typeof value === 'string' ? value.slice(0, max) : undefined
}

function count(value: unknown): number | undefined {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
  return typeof number === 'number' && Number.isFinite(number) && number >= 0 ? Math.floor(number) : undefined
}

function record(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
}

export type ReadLink = { name: string; url: string }

function links(value: unknown): ReadLink[] {
  if (!Array.isArray(value)) return []
  return value.slice(0, 50).flatMap((entry) => {
    const item = record(entry)
    const url = text(item?.url, LIMITS.url)
    if (!url) return []
    return [{ name: text(item?.name, LIMITS.linkName) || url, url }]
  })
}

export type ReadTask = {
  title?: string
  description?: string
  tags: string[]
  projectSize?: number
  teamSize?: number
  resources?: string
  resourceLinks: ReadLink[]
  links: ReadLink[]
  requiredCourse?: string
}

/** A task document as far as it can be read; null when it is not a JSON object at all. */
export function readTaskDocument(content: unknown): ReadTask | null {
  const doc = record(content)
  if (!doc) return null
  const tags = Array.isArray(doc.tags)
    ? doc.tags.flatMap((entry) => {
        const tag = typeof entry === 'string' ? entry : text(record(entry)?.tag, LIMITS.tag)
        return tag && tag.trim() ? [tag.trim().slice(0, LIMITS.tag)] : []
      })
    : []
  const course = courseSlugSchema.safeParse(doc.requiredCourse)
  return {
    title: text(doc.title, LIMITS.title * 4),
    description: text(doc.description),
    tags: tags.slice(0, 50),
    projectSize: count(doc.projectSize),
    teamSize: count(doc.teamSize),
    // OpenR&D writes resources either as text or as a list of links.
    resources: text(doc.resources, LIMITS.shortText),
    resourceLinks: links(doc.resources),
    links: links(doc.links),
    requiredCourse: course.success ? course.data : undefined,
  }
}

export type ReadApplication = { teamSize?: number; plan?: string; background?: string }

export function readApplicationDocument(content: unknown): ReadApplication | null {
  const doc = record(content)
  if (!doc) return null
  return { teamSize: count(doc.teamSize), plan: text(doc.plan), background: text(doc.background, LIMITS.shortText) }
}

/** The one text field of a submission, review or cancel document. */
export function readTextField(content: unknown, field: 'explanation' | 'feedback' | 'reason'): string | undefined {
  return text(record(content)?.[field])
}

/** The CID of an `ipfs://<cid>` URI (an optional path after it is ignored), or null for anything else. */
export function cidFromUri(uri: string): string | null {
  const match = /^ipfs:\/\/([a-zA-Z0-9]+)(?:\/.*)?$/.exec(uri.trim())
  return match ? match[1]! : null
}

export function uriForCid(cid: string): string {
  return `ipfs://${cid}`
}
