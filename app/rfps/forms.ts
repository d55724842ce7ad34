import { z } from 'zod'
import { LIMITS } from '#documents/fields'
import type { DocumentKind } from '#documents/kinds'
import { escrowTransferSchema, linksField, taskDocumentFields, tagsField, tokenAmounts, type BudgetDecimals, type RewardDecimals } from '~/tasks/forms'
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

// One zod schema per RFP form, used by conform in the browser and by POST /ipfs on the server
// (./metadata-forms.server.ts). An RFP's ERC-20 budget may be any token: its rows carry the
// token's address and the amount as typed; the token's code and decimals are read on chain
// (./budget-tokens.ts) before anything is stored or signed, so the schema only checks the shape.

/** At most this many ERC-20 budget tokens per RFP (the contract allows 255; a form needs few). */
export const MAX_RFP_TOKENS = 5

const DECIMAL = /^\d{1,40}(\.\d{1,40})?$/

const budgetRowSchema = z.object({
  token: addressField,
  amount: z
    .string({ required_error: 'Enter an amount' })
    .trim()
    .regex(DECIMAL, 'Enter an amount like 1.5')
    .refine((value) => /[1-9]/.test(value), 'Enter an amount above 0'),
})

/** Rows with both inputs blank are ignored rather than reported. */
const budgetRows = z.preprocess(
  (value) => (Array.isArray(value) ? value.filter((row) => row && (row.token || row.amount)) : value),
  z
    .array(budgetRowSchema)
    .max(MAX_RFP_TOKENS, `At most ${MAX_RFP_TOKENS} tokens`)
    .optional()
    .default([])
    .refine((rows) => new Set(rows.map((row) => row.token.toLowerCase())).size === rows.length, 'Name each token once'),
)

export const createRfpSchema = z
  .object({
    intent: z.literal('create-rfp'),
    chainId: idField,
    title: requiredText(LIMITS.title, 'Give the RFP a title'),
    description: requiredText(LIMITS.longText, 'Describe what the RFP asks for'),
    tags: tagsField,
    /** Written as the openrd-frontend does: a figure as text (in the budget's main unit). */
    maxProjectFunding: z
      .string({ required_error: 'Say the most one project may be granted' })
      .trim()
      .max(78, 'At most 78 characters')
      .regex(/^\d+(\.\d+)?$/, 'Enter an amount, e.g. 2500 or 0.5'),
    maxAwardedProjects: countField({ min: 1, max: 10_000, fallback: 1 }),
    projectRequirements: optionalText(LIMITS.longText),
    links: linksField,
    deadline: futureDateField,
    manager: addressField,
    tasksManager: addressField,
    disputeManager: addressField,
    nativeBudget: amountField({ decimals: 18 }),
    budget: budgetRows,
  })
  .refine((value) => value.nativeBudget > 0n || value.budget.length > 0, {
    path: ['nativeBudget'],
    message: 'Fund the RFP with the native currency, a token or both',
  })

const rfpRef = { chainId: idField, rfpId: idField }

export function submitProjectSchema(decimals: BudgetDecimals) {
  return z
    .object({
      intent: z.literal('submit-project'),
      ...rfpRef,
      ...taskDocumentFields,
      deadline: futureDateField,
      nativeReward: amountField({ decimals: decimals.native }),
      tokenRewards: tokenAmounts(decimals.tokens, UINT88_MAX),
    })
    .refine((value) => value.nativeReward > 0n || value.tokenRewards.some((amount) => amount > 0n), {
      path: ['nativeReward'],
      message: 'Ask for a reward in at least one of the RFP’s currencies',
    })
}

/** The manager grants an amount per entry of the project's request (each with its token's decimals). */
export function acceptProjectSchema(decimals: RewardDecimals) {
  return z.object({
    intent: z.literal('accept-project'),
    ...rfpRef,
    projectId: idField.max(2 ** 32 - 1),
    grantedNative: tokenAmounts(decimals.native, UINT96_MAX),
    grantedTokens: tokenAmounts(decimals.tokens, UINT88_MAX),
  })
}

/** A top-up: plain transfers into the RFP's escrow (the same form as a task's donation). */
export const topUpRfpSchema = (decimals: BudgetDecimals) => escrowTransferSchema('top-up-rfp', { rfpId: idField }, decimals)

export type CreateRfpValues = z.infer<typeof createRfpSchema>
export type SubmitProjectValues = z.infer<ReturnType<typeof submitProjectSchema>>

/** The metadata document each RFP form stores, in the openrd-frontend's key order. */
export function rfpDocumentOf(values: CreateRfpValues | SubmitProjectValues): { kind: DocumentKind; document: Record<string, unknown> } {
  if (values.intent === 'create-rfp') {
    return {
      kind: 'rfp',
      document: {
        title: values.title,
        tags: values.tags,
        maxProjectFunding: values.maxProjectFunding,
        maxAwardedProjects: values.maxAwardedProjects,
        description: values.description,
        projectRequirements: values.projectRequirements,
        links: values.links,
      },
    }
  }
  // A project document is a task document: it becomes the metadata of the task it turns into.
  return {
    kind: 'project',
    document: {
      title: values.title,
      tags: values.tags,
      projectSize: values.projectSize,
      teamSize: values.teamSize,
      description: values.description,
      resources: values.resources,
      links: values.links,
      ...(values.requiredCourse ? { requiredCourse: values.requiredCourse } : {}),
    },
  }
}
