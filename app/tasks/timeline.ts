import { shortAddress } from '~/utils/address'
import { formatDateTime } from '~/utils/time'
import { formatTokenAmount, tokenInfo, type KnownTokens } from '~/utils/tokens'

// One sentence per Tasks event for the task's timeline. Event arguments come from the chain
// (decoded, bigints as decimal strings); addresses and amounts are shown, metadata URIs are not
// (their documents are shown in the sections above).

type Args = Record<string, unknown>

const str = (value: unknown) => (typeof value === 'string' ? value : String(value ?? ''))
const addr = (value: unknown) => {
  const text = str(value)
  return /^0x[0-9a-fA-F]{40}$/.test(text) ? shortAddress(text) : text
}
const list = (value: unknown): Args[] => (Array.isArray(value) ? (value as Args[]) : [])

/** "0.5 ETH + 200 OPEN" from a TaskCreated event's arguments. */
export function budgetOf(args: Args, known: KnownTokens): string {
  const parts: string[] = []
  if (str(args.nativeBudget) !== '0') parts.push(formatTokenAmount(str(args.nativeBudget), tokenInfo(null, known)))
  for (const entry of list(args.budget)) {
    parts.push(formatTokenAmount(str(entry.amount), tokenInfo(str(entry.tokenContract), known)))
  }
  return parts.length > 0 ? parts.join(' + ') : 'no budget'
}

export function describeTaskEvent(name: string, args: Args, known: KnownTokens): string {
  switch (name) {
    case 'TaskCreated':
      return `Created by ${addr(args.creator)} with ${budgetOf(args, known)}, managed by ${addr(args.manager)}, deadline ${formatDateTime(Number(args.deadline))}`
    case 'ApplicationCreated':
      return str(args.metadata) === ''
        ? `${addr(args.applicant)} preapproved (application #${str(args.applicationId)})`
        : `${addr(args.applicant)} applied (application #${str(args.applicationId)})`
    case 'ApplicationAccepted':
      return `Application #${str(args.applicationId)} accepted`
    case 'TaskTaken':
      return `Taken with application #${str(args.applicationId)}`
    case 'SubmissionCreated':
      return `Submission #${str(args.submissionId)} sent`
    case 'SubmissionReviewed':
      return `Submission #${str(args.submissionId)} ${Number(args.judgement) === 1 ? 'accepted' : Number(args.judgement) === 2 ? 'rejected' : 'reviewed'}`
    case 'TaskCompleted':
      return Number(args.source) === 1 ? 'Completed by the dispute manager' : 'Completed: the executor was paid and the rest refunded'
    case 'CancelTaskRequested':
      return `The manager asked to cancel (request #${str(args.requestId)})`
    case 'TaskCancelled':
      return 'Cancelled: the budget went back to the creator'
    case 'RequestAccepted':
      return `Cancel request #${str(args.requestId)} accepted by the executor`
    case 'RequestExecuted':
      return `Cancel request #${str(args.requestId)} executed by ${addr(args.by)}`
    case 'DeadlineChanged':
      return `Deadline moved to ${formatDateTime(Number(args.newDeadline))}`
    case 'BudgetChanged':
      return 'Budget changed'
    case 'RewardIncreased':
      return `Reward of application #${str(args.applicationId)} increased`
    case 'MetadataChanged':
      return 'Description edited'
    case 'ManagerChanged':
      return `Management handed to ${addr(args.newManager)}`
    case 'PartialPayment':
      return 'Part of the reward paid out'
    default:
      return name
  }
}
