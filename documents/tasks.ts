import {
  count,
  courseSlug,
  defineDocument,
  evmAddress,
  LIMITS,
  linkList,
  READ_LIMITS,
  RICH_TEXT_EXPANSION,
  richText,
  tagList,
  text,
  textOrLinks,
  token,
} from './fields'

// The OpenR&D documents: a task and what happens to it (application, submission, review, cancel,
// dispute), field by field and in the key order Openmesh's openrd-frontend writes them
// (../shared/reference-abi/README.md, "IPFS metadata"; † = rich text, HTML), plus the portal's
// optional `requiredCourse` on a task.

/** The fields of a task and of an RFP project (which becomes a task's metadata when accepted). */
const taskFields = {
  title: text(LIMITS.title, { required: true, readMax: READ_LIMITS.title }),
  tags: tagList(),
  projectSize: count(0),
  teamSize: count(1),
  description: richText(LIMITS.longText),
  // OpenR&D writes rich text; some older documents hold a list of links instead.
  resources: { ...textOrLinks(LIMITS.shortText * RICH_TEXT_EXPANSION), rich: true as const },
  links: linkList(),
}

export const taskDocument = defineDocument({
  ...taskFields,
  // A crowdfunded task (openrd-frontend MVP): the manager factory and the CREATE2 nonce of its manager.
  managementExtension: evmAddress(),
  nonce: token(80),
  requiredCourse: courseSlug(),
})

/**
 * The task a department's membership proposal creates in the ovc-frontend (its salary task):
 * `title` "Department Membership of 0x…", `tags` [{tag: "Department Task"}], `description`. Read as
 * a task; written by the devnet seed in this shape.
 */
export const departmentMembershipTaskDocument = defineDocument({
  title: taskFields.title,
  tags: taskFields.tags,
  description: taskFields.description,
})

/** An RFP project: a task's fields without the crowdfunding ones. */
export const projectDocument = defineDocument({ ...taskFields, requiredCourse: courseSlug() })

export const applicationDocument = defineDocument({
  teamSize: count(1),
  plan: richText(LIMITS.longText),
  background: richText(LIMITS.shortText),
})

export const submissionDocument = defineDocument({ explanation: richText(LIMITS.longText) })

/** The `feedback` of a submission's review. */
export const reviewDocument = defineDocument({ feedback: richText(LIMITS.shortText) })

/** A cancellation, or a request to cancel a taken task. */
export const cancelDocument = defineDocument({ reason: richText(LIMITS.shortText) })

/** A dispute: the metadata of the PessimisticActions action TaskDisputes queues on the Dispute department. */
export const disputeDocument = defineDocument({
  title: text(LIMITS.title, { required: true, readMax: READ_LIMITS.title }),
  summary: text(LIMITS.shortText, { readMax: READ_LIMITS.text }),
  body: richText(LIMITS.longText),
})

export const taskDocumentSchema = taskDocument.write
