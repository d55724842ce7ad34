import { defineDocument, LIMITS, linkList, READ_LIMITS, text } from './fields'

// The DAO's documents: a TokenVoting proposal, an optimistic action and the reason it was
// rejected, in the shapes the ovc-frontend writes (../shared/reference-abi/README.md). Fields
// the portal reads but does not write (`description`) come from documents other tools wrote.

export const proposalDocument = defineDocument({
  title: text(LIMITS.title, { required: true, readMax: READ_LIMITS.title }),
  summary: text(LIMITS.shortText),
  description: text(LIMITS.longText, { written: false }),
  resources: linkList(),
})

export const actionDocument = defineDocument({
  title: text(LIMITS.title, { required: true, readMax: READ_LIMITS.title }),
  summary: text(LIMITS.shortText),
  description: text(LIMITS.longText, { written: false }),
})

export const rejectionDocument = defineDocument({
  reason: text(LIMITS.shortText),
  description: text(LIMITS.longText, { written: false }),
})
