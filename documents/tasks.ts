import { count, courseSlug, defineDocument, LIMITS, linkList, READ_LIMITS, tagList, text, textOrLinks } from './fields'

// The OpenR&D documents: a task and what happens to it (application, submission, review, cancel),
// in the shapes Openmesh's OpenR&D app writes (../shared/reference-abi/README.md, "IPFS metadata"),
// plus the portal's optional `requiredCourse` on a task.

export const taskDocument = defineDocument({
  title: text(LIMITS.title, { required: true, readMax: READ_LIMITS.title }),
  description: text(LIMITS.longText),
  tags: tagList(),
  projectSize: count(0),
  teamSize: count(1),
  resources: textOrLinks(LIMITS.shortText),
  links: linkList(),
  requiredCourse: courseSlug(),
})

export const applicationDocument = defineDocument({
  teamSize: count(1),
  plan: text(LIMITS.longText),
  background: text(LIMITS.shortText),
})

export const submissionDocument = defineDocument({ explanation: text(LIMITS.longText) })

/** The `feedback` of a submission's review (read as long as OpenR&D's rich text may be). */
export const reviewDocument = defineDocument({ feedback: text(LIMITS.shortText, { readMax: LIMITS.longText }) })

/** A cancellation, or a request to cancel a taken task. */
export const cancelDocument = defineDocument({ reason: text(LIMITS.shortText, { readMax: LIMITS.longText }) })

export const taskDocumentSchema = taskDocument.write
