import { defineDocument, LIMITS, linkList, READ_LIMITS, text } from './fields'

// The DAO's documents: a TokenVoting proposal, an optimistic action and the reason it was
// rejected, in the shapes the ovc-frontend writes (../shared/reference-abi/README.md). Fields
// the portal reads but does not write (`description`) come from documents other tools wrote; their
// texts are read up to READ_LIMITS.text, as the DAO pages always showed them.

const long = { readMax: READ_LIMITS.text }

export const proposalDocument = defineDocument({
  title: text(LIMITS.title, { required: true, readMax: READ_LIMITS.title }),
  summary: text(LIMITS.shortText, long),
  description: text(LIMITS.longText, { ...long, written: false }),
  resources: linkList(),
})

export const actionDocument = defineDocument({
  title: text(LIMITS.title, { required: true, readMax: READ_LIMITS.title }),
  summary: text(LIMITS.shortText, long),
  description: text(LIMITS.longText, { ...long, written: false }),
})

export const rejectionDocument = defineDocument({
  reason: text(LIMITS.shortText, long),
  description: text(LIMITS.longText, { ...long, written: false }),
})
