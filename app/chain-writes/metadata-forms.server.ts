import type { SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import type { z } from 'zod'
import type { DocumentKind } from '#documents/kinds'

// The server's half of a form that stores a metadata document before its write (POST /ipfs,
// store-form-metadata.ts is the browser's half). Each feature keeps, beside its forms, one
// MetadataForm per form `intent`: the schema the browser validated with (rebuilt here from the
// facts it depends on) and the document the parsed values make. The route only dispatches.

export type StoredDocument = { kind: DocumentKind; document: Record<string, unknown> }

export type MetadataFormResult =
  /** The form's field errors, shown on the form like any server validation. */
  | { ok: false; reply: SubmissionResult<string[]> }
  /** The chain the form writes to (when it names one) and the document to store. */
  | {
      ok: true
      chainId: number | null
      stored: StoredDocument
      /** Records what the stored document is about (e.g. a vote reason's proposal), once it is stored. */
      afterStored?: (cid: string) => void
    }

/**
 * Reads one form; a Response (e.g. 404 for a task that does not exist) refuses it outright. A form
 * whose check asks the chain (e.g. an RFP's budget tokens) answers a promise.
 */
export type MetadataForm = (input: { formData: FormData; address: string }) => MetadataFormResult | Response | Promise<MetadataFormResult | Response>

/** Parses a form with its schema; on success, the document its values make. */
export function parseMetadataForm<Schema extends z.ZodTypeAny>(
  formData: FormData,
  schema: Schema,
  documentOf: (value: z.output<Schema>) => StoredDocument,
): MetadataFormResult {
  const submission = parseWithZod(formData, { schema })
  if (submission.status !== 'success') return { ok: false, reply: submission.reply() }
  const value: unknown = submission.value
  const chainId = value && typeof value === 'object' && 'chainId' in value && typeof value.chainId === 'number' ? value.chainId : null
  return { ok: true, chainId, stored: documentOf(submission.value) }
}
