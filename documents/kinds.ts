import { actionDocument, proposalDocument, rejectionDocument } from './governance'
import { profileDocument } from './profile'
import { voteReasonDocument } from './votes'
import { rfpDocument } from './rfps'
import {
  applicationDocument,
  cancelDocument,
  disputeDocument,
  projectDocument,
  reviewDocument,
  submissionDocument,
  taskDocument,
} from './tasks'

// Every kind of metadata document behind the `ipfs://…` strings the contracts store, by the name
// the indexer files it under (metadata_documents.kind), and the profile, signed off chain. One
// definition each (./tasks.ts, ./rfps.ts, ./governance.ts, ./profile.ts): the indexer reads untrusted documents with `readDocument`, the app
// and the devnet seed write with `documentSchemas` (whose output has the frontends' key order) and
// the pages render what `readDocument` kept.

export const documentKinds = [
  'task',
  'application',
  'submission',
  'review',
  'cancel',
  'dispute',
  'rfp',
  'project',
  'proposal',
  'action',
  'rejection',
  'profile',
  'vote-reason',
] as const
export type DocumentKind = (typeof documentKinds)[number]

/** Each kind's definition (./fields.ts defineDocument): its fields, what the portal writes, how anyone's is read. */
export const documentDefinitions = {
  task: taskDocument,
  application: applicationDocument,
  submission: submissionDocument,
  review: reviewDocument,
  cancel: cancelDocument,
  dispute: disputeDocument,
  rfp: rfpDocument,
  project: projectDocument,
  proposal: proposalDocument,
  action: actionDocument,
  rejection: rejectionDocument,
  profile: profileDocument,
  'vote-reason': voteReasonDocument,
} satisfies Record<DocumentKind, unknown>

/** What the portal writes, by kind (strict: its limits, http(s) links only). */
export const documentSchemas: { [K in DocumentKind]: (typeof documentDefinitions)[K]['write'] } = Object.fromEntries(
  documentKinds.map((kind) => [kind, documentDefinitions[kind].write]),
) as never

/** The rich-text (†) fields of each kind: HTML in the frontends' documents. */
export const richTextFields: { [K in DocumentKind]: readonly string[] } = Object.fromEntries(
  documentKinds.map((kind) => [kind, documentDefinitions[kind].richFields]),
) as never

export type WrittenDocumentOf<K extends DocumentKind> = ReturnType<(typeof documentDefinitions)[K]['write']['parse']>
export type ReadDocumentOf<K extends DocumentKind> = NonNullable<ReturnType<(typeof documentDefinitions)[K]['read']>>

/** A document of `kind` written by anyone, as far as it can be read: its known fields, bounded; null when not a JSON object. */
export function readDocument<K extends DocumentKind>(kind: K, content: unknown): ReadDocumentOf<K> | null {
  return documentDefinitions[kind].read(content) as ReadDocumentOf<K> | null
}
