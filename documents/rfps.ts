import { count, decimalText, defineDocument, LIMITS, linkList, READ_LIMITS, richText, tagList, text } from './fields'

// An RFP, in the shape and key order the openrd-frontend's RFP form writes it
// (../shared/reference-abi/README.md, "IPFS metadata"; † = rich text, HTML). Its projects are
// task documents (./tasks.ts, projectDocument): an accepted project's metadata becomes the task's.

export const rfpDocument = defineDocument({
  title: text(LIMITS.title, { required: true, readMax: READ_LIMITS.title }),
  tags: tagList(),
  /** The most one project may be granted, as the writer spelled the amount. */
  maxProjectFunding: decimalText(78),
  maxAwardedProjects: count(1),
  description: richText(LIMITS.longText),
  projectRequirements: richText(LIMITS.longText),
  links: linkList(),
})
