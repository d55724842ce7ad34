import { z } from 'zod'
import {
  addressField,
  amountField,
  countField,
  futureDateField,
  idField,
  optionalText,
  requiredText,
  UINT88_MAX,
  UINT96_MAX,
} from '~/utils/field-schemas'
import { courseSlugSchema, LIMITS, linkSchema } from '#documents/fields'
import type { DocumentKind } from '#documents/kinds'

// One zod schema per form, used by conform in the browser and by the server when it stores the
// form's metadata document (POST /ipfs). Forms whose amounts depend on a task's budget tokens
// are built by a function of those tokens' decimals; client and server call it with the same
// task facts. Every form names itself in an `intent` field.

/** "rust, zk , Rust" → [{tag:'rust'},{tag:'zk'}]: trimmed, de-duplicated (case-insensitive). */
export const tagsField = z
  .string()
  .optional()
  .transform((value) => {
    const seen = new Set<string>()
    return (value ?? '')
      .split(',')
      .map((tag) => tag.trim())
      .filter((tag) => tag !== '' && !seen.has(tag.toLowerCase()) && seen.add(tag.toLowerCase()))
  })
  .refine((tags) => tags.length <= LIMITS.tags, `At most ${LIMITS.tags} tags`)
  .refine((tags) => tags.every((tag) => tag.length <= LIMITS.tag), `A tag has at most ${LIMITS.tag} characters`)
  .transform((tags) => tags.map((tag) => ({ tag })))

/** Empty link rows (both inputs blank) are ignored rather than reported. */
export const linksField = z.preprocess(
  (value) => (Array.isArray(value) ? value.filter((row) => row && (row.name || row.url)) : value),
  z.array(linkSchema).max(LIMITS.links, `At most ${LIMITS.links} links`).optional().default([]),
)

/** The fields of a task document's form (also an RFP project's, which becomes a task). */
export const taskDocumentFields = {
  title: requiredText(LIMITS.title, 'Give the task a title'),
  description: requiredText(LIMITS.longText, 'Describe the task'),
  tags: tagsField,
  projectSize: countField({ min: 0, max: 100_000, fallback: 0 }),
  teamSize: countField({ min: 1, max: 1_000, fallback: 1 }),
  resources: optionalText(LIMITS.shortText),
  links: linksField,
  requiredCourse: z
    .string()
    .trim()
    .optional()
    .pipe(courseSlugSchema.optional()),
}

const taskRef = { chainId: idField, taskId: idField }

const preapprovedSchema = z.object({
  applicant: addressField,
  nativeReward: amountField({ decimals: 18 }),
  openReward: amountField({ decimals: 18, max: UINT88_MAX }),
})

export const createTaskSchema = z
  .object({
    intent: z.literal('create-task'),
    chainId: idField,
    ...taskDocumentFields,
    deadline: futureDateField,
    manager: addressField,
    disputeManager: addressField,
    nativeBudget: amountField({ decimals: 18 }),
    openBudget: amountField({ decimals: 18 }),
    preapproved: z.array(preapprovedSchema).max(10, 'At most 10 preapproved applicants').optional().default([]),
  })
  .superRefine((value, ctx) => {
    if (value.nativeBudget === 0n && value.openBudget === 0n) {
      ctx.addIssue({ code: 'custom', path: ['nativeBudget'], message: 'Fund the task with ETH, OPEN or both' })
    }
    value.preapproved.forEach((entry, index) => {
      if (entry.nativeReward > value.nativeBudget) {
        ctx.addIssue({ code: 'custom', path: ['preapproved', index, 'nativeReward'], message: 'Above the ETH budget' })
      }
      if (entry.openReward > value.openBudget) {
        ctx.addIssue({ code: 'custom', path: ['preapproved', index, 'openReward'], message: 'Above the OPEN budget' })
      }
    })
  })

export const editMetadataSchema = z.object({ intent: z.literal('edit-metadata'), ...taskRef, ...taskDocumentFields })

/** Per budget token of a task, in the contract's order: how many decimals its amounts have. */
export type BudgetDecimals = { native: number; tokens: number[] }

export function applySchema(decimals: BudgetDecimals) {
  return z.object({
    intent: z.literal('apply'),
    ...taskRef,
    teamSize: countField({ min: 1, max: 1_000, fallback: 1 }),
    plan: requiredText(LIMITS.longText, 'Explain how you will do the task'),
    background: optionalText(LIMITS.shortText),
    nativeReward: amountField({ decimals: decimals.native }),
    tokenRewards: tokenAmounts(decimals.tokens, UINT88_MAX),
  })
}

export const submitSchema = z.object({
  intent: z.literal('submit'),
  ...taskRef,
  explanation: requiredText(LIMITS.longText, 'Explain what you delivered'),
})

export const reviewSchema = z
  .object({
    intent: z.literal('review'),
    ...taskRef,
    submissionId: idField.max(255),
    judgement: z.enum(['accepted', 'rejected'], { required_error: 'Accept or reject the submission' }),
    feedback: optionalText(LIMITS.shortText),
  })
  .refine((value) => value.judgement === 'accepted' || value.feedback !== '', {
    path: ['feedback'],
    message: 'Tell the contributor what to change',
  })

export const cancelSchema = z.object({
  intent: z.literal('cancel'),
  ...taskRef,
  reason: optionalText(LIMITS.shortText),
})

export const extendDeadlineSchema = z.object({
  intent: z.literal('extend-deadline'),
  ...taskRef,
  days: z.coerce
    .number({ invalid_type_error: 'Enter a number of days' })
    .int('Whole days only')
    .min(1, 'At least one day')
    .max(3650, 'At most ten years'),
})

export function increaseBudgetSchema(decimals: BudgetDecimals) {
  return z
    .object({
      intent: z.literal('increase-budget'),
      ...taskRef,
      nativeIncrease: amountField({ decimals: decimals.native }),
      tokenIncreases: tokenAmounts(decimals.tokens, UINT96_MAX),
    })
    .refine((value) => value.nativeIncrease > 0n || value.tokenIncreases.some((amount) => amount > 0n), {
      path: ['nativeIncrease'],
      message: 'Add to at least one budget',
    })
}

/** The manager raises an application's reward: an increase per entry (each with its token's decimals). */
export function increaseRewardSchema(decimals: RewardDecimals) {
  return z
    .object({
      intent: z.literal('increase-reward'),
      ...taskRef,
      applicationId: idField.max(2 ** 32 - 1),
      nativeIncrease: tokenAmounts(decimals.native, UINT96_MAX),
      tokenIncrease: tokenAmounts(decimals.tokens, UINT88_MAX),
    })
    .refine((value) => [...value.nativeIncrease, ...value.tokenIncrease].some((amount) => amount > 0n), {
      path: ['nativeIncrease'],
      message: 'Raise at least one part of the reward',
    })
}

export const transferManagementSchema = z.object({
  intent: z.literal('transfer-management'),
  ...taskRef,
  newManager: addressField.refine((address) => address !== '0x0000000000000000000000000000000000000000', 'A task needs a manager: not the zero address'),
})

/**
 * Plain transfers into an escrow (the native currency, and each budget token): a donation to a
 * task (`donate`, named by chainId + taskId) or a top-up of an RFP (`top-up-rfp`, chainId + rfpId).
 */
export function escrowTransferSchema<Intent extends string, Target extends z.ZodRawShape>(intent: Intent, target: Target, decimals: BudgetDecimals) {
  return z
    .object({
      intent: z.literal(intent),
      chainId: idField,
      ...target,
      nativeAmount: amountField({ decimals: decimals.native }),
      tokenAmounts: tokenAmounts(decimals.tokens, UINT96_MAX),
    })
    .refine((value) => sendsSomething(value as unknown as { nativeAmount: bigint; tokenAmounts: bigint[] }), {
      path: ['nativeAmount'],
      message: 'Send something to at least one budget',
    })
}

// (Typed apart: zod cannot see these fields through the generic target shape.)
const sendsSomething = (value: { nativeAmount: bigint; tokenAmounts: bigint[] }) => value.nativeAmount > 0n || value.tokenAmounts.some((amount) => amount > 0n)

export const donateSchema = (decimals: BudgetDecimals) => escrowTransferSchema('donate', { taskId: idField }, decimals)

/** Decimals of each of the executor's reward entries (native entries, then ERC-20 entries). */
export type RewardDecimals = { native: number[]; tokens: number[] }

/** Partial payment (manager) and dispute settlement (DAO) both name a part of every reward entry. */
function rewardParts(decimals: RewardDecimals) {
  return {
    partialNative: tokenAmounts(decimals.native, UINT96_MAX),
    partialTokens: tokenAmounts(decimals.tokens, UINT88_MAX),
  }
}

export function partialPaymentSchema(decimals: RewardDecimals) {
  return z
    .object({ intent: z.literal('partial-payment'), ...taskRef, ...rewardParts(decimals) })
    .refine((value) => [...value.partialNative, ...value.partialTokens].some((amount) => amount > 0n), {
      path: ['partialNative'],
      message: 'Pay a part of at least one reward',
    })
}

export function disputeSchema(decimals: RewardDecimals) {
  return z.object({
    intent: z.literal('dispute'),
    ...taskRef,
    title: requiredText(LIMITS.title, 'Give the dispute a title'),
    summary: requiredText(LIMITS.shortText, 'Say in a few words what happened and the settlement you propose'),
    body: optionalText(LIMITS.longText),
    ...rewardParts(decimals),
  })
}

/** One amount per token, each with its token's decimals (an array of inputs, in token order). */
export function tokenAmounts(decimals: number[], max: bigint) {
  return z
    .array(z.string().optional())
    .optional()
    .transform((values, ctx) =>
      decimals.map((tokenDecimals, index) => {
        const parsed = amountField({ decimals: tokenDecimals, max }).safeParse(values?.[index])
        if (parsed.success) return parsed.data
        for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, path: [index] })
        return 0n
      }),
    )
}

// ─── Which document each form stores ────────────────────────────────────────────────────────

export type CreateTaskValues = z.infer<typeof createTaskSchema>
export type EditMetadataValues = z.infer<typeof editMetadataSchema>
export type ApplyValues = z.infer<ReturnType<typeof applySchema>>
export type SubmitValues = z.infer<typeof submitSchema>
export type ReviewValues = z.infer<typeof reviewSchema>
export type CancelValues = z.infer<typeof cancelSchema>
export type DisputeValues = z.infer<ReturnType<typeof disputeSchema>>

function taskDocumentOf(values: Pick<CreateTaskValues, 'title' | 'description' | 'tags' | 'projectSize' | 'teamSize' | 'resources' | 'links' | 'requiredCourse'>) {
  return {
    title: values.title,
    description: values.description,
    tags: values.tags,
    projectSize: values.projectSize,
    teamSize: values.teamSize,
    resources: values.resources,
    links: values.links,
    ...(values.requiredCourse ? { requiredCourse: values.requiredCourse } : {}),
  }
}

/** The metadata document a form stores, by intent (forms without one store nothing). */
export function documentOf(
  values: CreateTaskValues | EditMetadataValues | ApplyValues | SubmitValues | ReviewValues | CancelValues | DisputeValues,
): { kind: DocumentKind; document: Record<string, unknown> } {
  switch (values.intent) {
    case 'create-task':
    case 'edit-metadata':
      return { kind: 'task', document: taskDocumentOf(values) }
    case 'apply':
      return { kind: 'application', document: { teamSize: values.teamSize, plan: values.plan, background: values.background } }
    case 'submit':
      return { kind: 'submission', document: { explanation: values.explanation } }
    case 'review':
      return { kind: 'review', document: { feedback: values.feedback } }
    case 'cancel':
      return { kind: 'cancel', document: { reason: values.reason } }
    case 'dispute':
      // The real frontends' dispute document (the PessimisticActions action's metadata).
      return { kind: 'dispute', document: { title: values.title, summary: values.summary, body: values.body } }
  }
}

// ─── Drafts (TaskDrafts.createDraftTask) ─────────────────────────────────────────────────────

/**
 * A department member drafts a task the department creates (and pays for, in the native currency
 * from its smart account) if its vote approves it. Two documents: the draft's own `{title,
 * summary}` (the pessimistic action's metadata, as for optimistic actions) and the task's.
 */
export const draftTaskSchema = z
  .object({
    intent: z.enum(['draft-task', 'draft-task-document']),
    chainId: idField,
    department: z.string().trim().max(32).regex(/^[a-z]+$/, 'Not a department'),
    draftTitle: requiredText(LIMITS.title, 'Give the draft a title'),
    draftSummary: requiredText(LIMITS.shortText, 'Tell the department why it should create this task'),
    ...taskDocumentFields,
    deadline: futureDateField,
    manager: addressField,
    nativeBudget: amountField({ decimals: 18 }),
    preapprovedApplicant: z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), addressField.optional()),
    preapprovedReward: amountField({ decimals: 18 }),
  })
  .refine((value) => value.nativeBudget > 0n, { path: ['nativeBudget'], message: 'The department funds the task: give it a budget' })
  .refine((value) => value.preapprovedReward <= value.nativeBudget, { path: ['preapprovedReward'], message: 'Above the budget' })
  .refine((value) => value.preapprovedApplicant !== undefined || value.preapprovedReward === 0n, {
    path: ['preapprovedApplicant'],
    message: 'Name who the reward is for, or leave the reward empty',
  })

export type DraftTaskValues = z.infer<typeof draftTaskSchema>

/** The draft's two documents: its own (`draft-task`) and the task's (`draft-task-document`). */
export function draftDocumentOf(values: DraftTaskValues): { kind: DocumentKind; document: Record<string, unknown> } {
  if (values.intent === 'draft-task') return { kind: 'action', document: { title: values.draftTitle, summary: values.draftSummary } }
  return { kind: 'task', document: taskDocumentOf(values) }
}
