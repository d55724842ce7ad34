import { defineDocument, LIMITS, linkList, READ_LIMITS, RICH_TEXT_EXPANSION, richText, text } from './fields'

// The DAO's documents, in the shapes and key order the ovc-frontend writes them
// (../shared/reference-abi/README.md; † = rich text, HTML): a proposal on TokenVoting or a
// department's TagVoting, an optimistic action (also a task draft's action) and the reason it was
// rejected. Fields the portal reads but does not write (a proposal's `resources`, which the
// frontend's reader allows, and `description` from documents other tools wrote) are read only.

const long = { readMax: READ_LIMITS.text }

export const proposalDocument = defineDocument({
  title: text(LIMITS.title, { required: true, readMax: READ_LIMITS.title }),
  summary: richText(LIMITS.shortText),
  description: text(LIMITS.longText, { ...long, written: false }),
  resources: linkList({ written: false }),
})

export const actionDocument = defineDocument({
  title: text(LIMITS.title, { required: true, readMax: READ_LIMITS.title }),
  summary: richText(LIMITS.shortText),
  description: text(LIMITS.longText, { ...long, written: false }),
  // A dispute's document is also its PessimisticActions action's metadata, filed under this kind
  // when ActionCreated is indexed first: its rich `body` (documents/tasks.ts) must survive the read.
  body: { ...text(LIMITS.longText * RICH_TEXT_EXPANSION, { written: false }), rich: true as const },
})

export const rejectionDocument = defineDocument({
  reason: richText(LIMITS.shortText),
  description: text(LIMITS.longText, { ...long, written: false }),
})
