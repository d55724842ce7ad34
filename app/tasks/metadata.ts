import type { ReadLink as DocumentLink } from '#documents/fields'
import { readDocument } from '#documents/kinds'

// The task documents as the task page shows them, read with their one definition
// (documents/tasks.ts): from the indexer's cache or from the local content store alike, lenient
// about shape and never trusting (unknown fields dropped, wrong types missing, text kept plain).

export type ReadLink = { name: string; url: string }

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

/** A link without a name is shown by its URL. */
const named = (links: DocumentLink[] | undefined): ReadLink[] => (links ?? []).map((link) => ({ name: link.name ?? link.url, url: link.url }))

/** A task document as far as it can be read; null when it is not a JSON object at all. */
export function readTaskDocument(content: unknown): ReadTask | null {
  const doc = readDocument('task', content)
  if (!doc) return null
  return {
    title: doc.title,
    description: doc.description,
    tags: (doc.tags ?? []).map((entry) => entry.tag),
    projectSize: doc.projectSize,
    teamSize: doc.teamSize,
    // OpenR&D writes resources either as text or as a list of links.
    resources: typeof doc.resources === 'string' ? doc.resources : undefined,
    resourceLinks: Array.isArray(doc.resources) ? named(doc.resources) : [],
    links: named(doc.links),
    requiredCourse: doc.requiredCourse,
  }
}

export type ReadApplication = { teamSize?: number; plan?: string; background?: string }

export function readApplicationDocument(content: unknown): ReadApplication | null {
  return readDocument('application', content)
}

const textFieldKinds = { explanation: 'submission', feedback: 'review', reason: 'cancel' } as const

/** The one text field of a submission, review or cancel document. */
export function readTextField(content: unknown, field: keyof typeof textFieldKinds): string | undefined {
  const doc: Partial<Record<typeof field, string>> | null = readDocument(textFieldKinds[field], content)
  return doc?.[field]
}
