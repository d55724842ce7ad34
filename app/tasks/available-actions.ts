// What the signed-in address can do to a task right now, following the Tasks contract's rules
// (see contracts/Tasks.sol). The page offers exactly these; the contract remains the judge, and
// a stale page that offers too much gets the contract's error in words.

export type TaskFacts = {
  state: 'open' | 'taken' | 'closed'
  deadline: number
  manager: string
  disputeManager: string
  executorApplicationId: number | null
  applications: { applicationId: number; applicant: string; accepted: boolean }[]
  submissions: { submissionId: number; judgement: 'none' | 'accepted' | 'rejected' }[]
  cancelRequests: { requestId: number; accepted: boolean; executed: boolean }[]
}

export type AvailableActions = {
  apply: boolean
  /** The viewer's accepted applications they can take the task with. */
  take: number[]
  acceptApplications: number[]
  submit: boolean
  /** Submissions waiting for the manager's review. */
  review: number[]
  /** 'now' cancels at once (open, or past the deadline); 'request' asks the executor. */
  cancel: 'now' | 'request' | null
  /** Cancel requests the executor can accept. */
  acceptCancel: number[]
  /** Accepted, not yet executed cancel requests (anyone may execute them). */
  executeCancel: number[]
  extendDeadline: boolean
  increaseBudget: boolean
  editMetadata: boolean
  partialPayment: boolean
  /** The executor of a taken task, where TaskDisputes is deployed (the real frontends' dispute path). */
  dispute: boolean
  /** Applications whose reward the manager may raise (any, until the task closes). */
  increaseReward: number[]
  transferManagement: boolean
  /** Anyone may send funds to the task's escrow (a plain transfer, as the real app allows). */
  donate: boolean
}

export const noActions: AvailableActions = {
  apply: false,
  take: [],
  acceptApplications: [],
  submit: false,
  review: [],
  cancel: null,
  acceptCancel: [],
  executeCancel: [],
  extendDeadline: false,
  increaseBudget: false,
  editMetadata: false,
  partialPayment: false,
  dispute: false,
  increaseReward: [],
  transferManagement: false,
  donate: false,
}

const same = (a: string | null | undefined, b: string | null | undefined) =>
  Boolean(a && b && a.toLowerCase() === b.toLowerCase())

export function availableActions(
  task: TaskFacts,
  viewer: string | null,
  { now, disputes }: { now: number; disputes: boolean },
): AvailableActions {
  if (!viewer || task.state === 'closed') return noActions
  const isManager = same(task.manager, viewer)
  const executor = task.applications.find((a) => a.applicationId === task.executorApplicationId)
  const isExecutor = task.state === 'taken' && same(executor?.applicant, viewer)
  const open = task.state === 'open'
  const taken = task.state === 'taken'
  return {
    apply: open && !isManager,
    take: open ? task.applications.filter((a) => a.accepted && same(a.applicant, viewer)).map((a) => a.applicationId) : [],
    acceptApplications: open && isManager ? task.applications.filter((a) => !a.accepted).map((a) => a.applicationId) : [],
    submit: isExecutor,
    review: taken && isManager ? task.submissions.filter((s) => s.judgement === 'none').map((s) => s.submissionId) : [],
    cancel: isManager ? (open || task.deadline <= now ? 'now' : 'request') : null,
    acceptCancel: isExecutor ? task.cancelRequests.filter((r) => !r.accepted).map((r) => r.requestId) : [],
    executeCancel: taken ? task.cancelRequests.filter((r) => r.accepted && !r.executed).map((r) => r.requestId) : [],
    extendDeadline: isManager,
    increaseBudget: isManager,
    editMetadata: open && isManager,
    partialPayment: taken && isManager,
    dispute: isExecutor && disputes,
    increaseReward: isManager ? task.applications.map((a) => a.applicationId) : [],
    transferManagement: isManager,
    donate: true,
  }
}
