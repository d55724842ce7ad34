import { z } from 'zod'
import { LIMITS } from '#documents/fields'
import { VOTE_REASON_MAX } from '#documents/votes'

// The DAO's forms that store a document before their write, shared by the browser (validation
// as you type) and POST /ipfs (the same schema again, metadata-forms.server.ts). Texts are
// markdown; the stored documents hold the HTML the ovc-frontend's editor would have written.

const title = z.string({ required_error: 'Give it a title' }).trim().min(1, 'Give it a title').max(LIMITS.title)
const summary = z.string().trim().max(LIMITS.shortText).default('')

/** {title, summary}: a proposal on any voting plugin, or an optimistic action. */
export const proposalFormSchema = z.object({ title, summary })

/** {reason}: why an optimistic action is rejected. */
export const rejectionFormSchema = z.object({
  reason: z.string({ required_error: 'Say why you reject it' }).trim().min(1, 'Say why you reject it').max(LIMITS.shortText),
})

export const voteReasonLimit = VOTE_REASON_MAX
