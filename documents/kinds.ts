import { actionDocument, proposalDocument, rejectionDocument } from './governance'
import { applicationDocument, cancelDocument, reviewDocument, submissionDocument, taskDocument } from './tasks'

// Every kind of metadata document behind the `ipfs://…` strings the contracts store, by the name
// the indexer files it under (metadata_documents.kind). One definition each (./tasks.ts,
// ./governance.ts): the indexer reads untrusted documents with `readDocument`, the app writes
// with `documentSchemas` and renders what `readDocument` kept.

export const documentKinds = ['task', 'application', 'submission', 'review', 'cancel', 'proposal', 'action', 'rejection'] as const
export type DocumentKind = (typeof documentKinds)[number]

const documents = {
  task: taskDocument,
  application: applicationDocument,
  submission: submissionDocument,
  review: reviewDocument,
  cancel: cancelDocument,
  proposal: proposalDocument,
  action: actionDocument,
  rejection: rejectionDocument,
} satisfies Record<DocumentKind, unknown>

/** What the portal writes, by kind (strict: its limits, http(s) links only). */
export const documentSchemas: { [K in DocumentKind]: (typeof documents)[K]['write'] } = Object.fromEntries(
  documentKinds.map((kind) => [kind, documents[kind].write]),
) as never

export type ReadDocumentOf<K extends DocumentKind> = NonNullable<ReturnType<(typeof documents)[K]['read']>>

/** A document of `kind` written by anyone, as far as it can be read: its known fields, bounded; null when not a JSON object. */
export function readDocument<K extends DocumentKind>(kind: K, content: unknown): ReadDocumentOf<K> | null {
  return documents[kind].read(content) as ReadDocumentOf<K> | null
}
