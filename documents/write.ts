import type { z } from 'zod'
import { documentDefinitions, type DocumentKind, type WrittenDocumentOf } from './kinds'
import { markdownToRichText } from './rich-text'

/** What writing needs of a document's definition (./fields.ts defineDocument). */
export type Writable = { richFields: readonly string[]; write: z.ZodTypeAny }

/**
 * A document as the portal writes it, from values a form (or the devnet seed) gives: its rich-text
 * fields, typed as markdown, become the HTML an editor would have written (./rich-text.ts); the
 * kind's schema checks the rest and puts the keys in the frontends' order. Throws a ZodError on
 * values the schema refuses.
 */
export function writtenDocument<K extends DocumentKind>(kind: K, values: Record<string, unknown>): WrittenDocumentOf<K> {
  return writtenAs(documentDefinitions[kind], values) as WrittenDocumentOf<K>
}

/** The same for a variant with a definition of its own (e.g. the ovc-frontend's department membership task). */
export function writtenAs<D extends Writable>(definition: D, values: Record<string, unknown>): z.output<D['write']> {
  const rich = Object.fromEntries(
    definition.richFields.flatMap((field) => (typeof values[field] === 'string' ? [[field, markdownToRichText(values[field] as string)]] : [])),
  )
  return definition.write.parse({ ...values, ...rich })
}
