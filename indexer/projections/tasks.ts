import type { NativeRewardEntry, TokenRewardEntry } from '#db/schema/chain'
import type { EscrowBalances } from '../reads/escrow'
import { recordBudgetTokens } from './tokens'
import { int, lower, str, type HandlerContext, type Handlers, type ReadFailure } from './context'

// OpenR&D task events → tasks, task_budgets, task_applications, task_submissions,
// task_cancel_requests, task_payouts and activity. Rules follow the Tasks contract
// (see ../shared/reference-abi/README.md): e.g. TaskCompleted comes before SubmissionReviewed.

const CANCEL_TASK_REQUEST = 0
const COMPLETION_DISPUTE = 1
const judgements = ['none', 'accepted', 'rejected'] as const

/** Every Tasks event names its task first. */
type TaskArgs = { taskId: bigint }

function taskKey(ctx: HandlerContext, args: TaskArgs) {
  return [ctx.chainId, int(args.taskId)] as const
}

function loadTask(ctx: HandlerContext, args: TaskArgs) {
  const task = ctx.store.get('tasks', taskKey(ctx, args))
  if (!task) ctx.logger.warn('event for an unknown task', { event: ctx.eventName, taskId: str(args.taskId), blockNumber: ctx.log.blockNumber })
  return task
}

function touched<T extends { updatedBlock: number; updatedAt: number }>(ctx: HandlerContext, row: T): T {
  return { ...row, updatedBlock: ctx.log.blockNumber, updatedAt: ctx.log.blockTimestamp }
}

function executorApplication(ctx: HandlerContext, taskId: number, applicationId: number | null) {
  if (applicationId === null) return undefined
  return ctx.store.get('taskApplications', [ctx.chainId, taskId, applicationId])
}

/** A closed task's escrow has paid everything out (rewards and the refund to the creator). */
function emptyBudget(ctx: HandlerContext, taskId: number) {
  for (const entry of ctx.store.list('taskBudgets', [ctx.chainId, taskId])) {
    if (entry.amount !== '0') ctx.store.put('taskBudgets', { ...entry, amount: '0' })
  }
}

/** Puts the escrow's balances read after this event as the task's budget, or says why it cannot. */
function applyEscrowRead(ctx: HandlerContext, taskId: number): { native: EscrowBalances['native'] } | ReadFailure {
  const balances = ctx.read<EscrowBalances>('escrowBalances', String(taskId))
  if (!balances) return { error: 'no read was made for this event' }
  if ('error' in balances) return balances
  for (const [position, entry] of balances.tokens.entries()) {
    ctx.store.put('taskBudgets', { chainId: ctx.chainId, taskId, position, token: entry.token, amount: entry.amount })
  }
  return { native: balances.native }
}

/** The budget token each ERC-20 reward entry is paid in: `nextToken` moves to the next one. */
function rewardTokens(ctx: HandlerContext, taskId: number, rewards: TokenRewardEntry[]): (string | null)[] {
  const budget = ctx.store.list('taskBudgets', [ctx.chainId, taskId])
  let index = 0
  return rewards.map((reward) => {
    const token = budget[index]?.token ?? null
    if (reward.nextToken) index++
    return token
  })
}

function payout(
  ctx: HandlerContext,
  taskId: number,
  kind: 'partial' | 'reward',
  entries: { recipient: string; token: string | null; amount: bigint }[],
) {
  let position = 0
  const recipients = new Set<string>()
  for (const entry of entries) {
    if (entry.amount === 0n) continue
    ctx.store.insert('taskPayouts', {
      chainId: ctx.chainId,
      blockNumber: ctx.log.blockNumber,
      logIndex: ctx.log.logIndex,
      position: position++,
      taskId,
      kind,
      recipient: entry.recipient,
      token: entry.token,
      amount: entry.amount.toString(),
      transactionHash: ctx.log.transactionHash,
      paidAt: ctx.log.blockTimestamp,
    })
    recipients.add(entry.recipient)
  }
  return recipients
}

const nativeRewards = (value: readonly { to: string; amount: bigint }[]): NativeRewardEntry[] =>
  value.map((r) => ({ to: lower(r.to), amount: str(r.amount) }))
const tokenRewards = (value: readonly { nextToken: boolean; to: string; amount: bigint }[]): TokenRewardEntry[] =>
  value.map((r) => ({ nextToken: r.nextToken, to: lower(r.to), amount: str(r.amount) }))

export const taskHandlers: Handlers<'tasks'> = {
  TaskCreated(ctx, a) {
    const [chainId, taskId] = taskKey(ctx, a)
    const metadataUri = a.metadata
    // A task id, application id or submission id is new by construction: insert skips the lookup.
    ctx.store.insert('tasks', {
      chainId,
      taskId,
      metadataUri,
      title: ctx.metadata(metadataUri, 'task'),
      deadline: int(a.deadline),
      manager: lower(a.manager),
      disputeManager: lower(a.disputeManager),
      creator: lower(a.creator),
      state: 'open',
      escrow: lower(a.escrow),
      nativeBudget: str(a.nativeBudget),
      budgetReadError: null,
      createdBlock: ctx.log.blockNumber,
      createdAt: ctx.log.blockTimestamp,
      executorApplicationId: null,
      outcome: null,
      closedAt: null,
      updatedBlock: ctx.log.blockNumber,
      updatedAt: ctx.log.blockTimestamp,
    })
    recordBudgetTokens(ctx, a.budget)
    a.budget.forEach((entry, position) =>
      ctx.store.insert('taskBudgets', { chainId, taskId, position, token: lower(entry.tokenContract), amount: str(entry.amount) }),
    )
    ctx.activity(lower(a.creator), 'task.created', String(taskId))
    if (lower(a.manager) !== lower(a.creator)) ctx.activity(lower(a.manager), 'task.manager', String(taskId))
  },

  ApplicationCreated(ctx, a) {
    const [chainId, taskId] = taskKey(ctx, a)
    const metadataUri = a.metadata
    if (metadataUri) ctx.metadata(metadataUri, 'application')
    const applicationId = int(a.applicationId)
    ctx.store.insert('taskApplications', {
      chainId,
      taskId,
      applicationId,
      applicant: lower(a.applicant),
      metadataUri,
      accepted: false,
      nativeReward: nativeRewards(a.nativeReward),
      reward: tokenRewards(a.reward),
      createdBlock: ctx.log.blockNumber,
      createdAt: ctx.log.blockTimestamp,
    })
    ctx.activity(lower(a.applicant), 'task.applied', String(taskId), { applicationId })
  },

  ApplicationAccepted(ctx, a) {
    const [chainId, taskId] = taskKey(ctx, a)
    const applicationId = int(a.applicationId)
    const application = ctx.store.get('taskApplications', [chainId, taskId, applicationId])
    if (!application) return
    ctx.store.put('taskApplications', { ...application, accepted: true })
    ctx.activity(application.applicant, 'task.accepted', String(taskId), { applicationId })
  },

  TaskTaken(ctx, a) {
    const task = loadTask(ctx, a)
    if (!task) return
    const applicationId = int(a.applicationId)
    ctx.store.put('tasks', touched(ctx, { ...task, state: 'taken', executorApplicationId: applicationId }))
    const application = executorApplication(ctx, task.taskId, applicationId)
    if (application) ctx.activity(application.applicant, 'task.taken', String(task.taskId), { applicationId })
  },

  SubmissionCreated(ctx, a) {
    const task = loadTask(ctx, a)
    if (!task) return
    const submissionId = int(a.submissionId)
    const metadataUri = a.metadata
    ctx.metadata(metadataUri, 'submission')
    const submitter = executorApplication(ctx, task.taskId, task.executorApplicationId)?.applicant ?? null
    ctx.store.insert('taskSubmissions', {
      chainId: ctx.chainId,
      taskId: task.taskId,
      submissionId,
      submitter,
      metadataUri,
      judgement: 'none',
      feedbackUri: null,
      createdBlock: ctx.log.blockNumber,
      createdAt: ctx.log.blockTimestamp,
      reviewedAt: null,
    })
    if (submitter) ctx.activity(submitter, 'task.submitted', String(task.taskId), { submissionId })
  },

  SubmissionReviewed(ctx, a) {
    const [chainId, taskId] = taskKey(ctx, a)
    const submissionId = int(a.submissionId)
    const submission = ctx.store.get('taskSubmissions', [chainId, taskId, submissionId])
    if (!submission) return
    const feedbackUri = a.feedback
    if (feedbackUri) ctx.metadata(feedbackUri, 'review')
    const judgement = judgements[a.judgement] ?? 'none'
    ctx.store.put('taskSubmissions', { ...submission, judgement, feedbackUri, reviewedAt: ctx.log.blockTimestamp })
    if (submission.submitter) ctx.activity(submission.submitter, 'task.reviewed', String(taskId), { submissionId, judgement })
  },

  TaskCompleted(ctx, a) {
    const task = loadTask(ctx, a)
    if (!task) return
    const dispute = a.source === COMPLETION_DISPUTE
    emptyBudget(ctx, task.taskId)
    ctx.store.put(
      'tasks',
      touched(ctx, { ...task, state: 'closed', outcome: dispute ? 'disputed' : 'completed', closedAt: ctx.log.blockTimestamp, nativeBudget: '0', budgetReadError: null }),
    )
    const executor = executorApplication(ctx, task.taskId, task.executorApplicationId)
    if (!executor) return
    const recipients = new Set<string>()
    if (!dispute) {
      // An accepted submission pays every remaining reward (a dispute pays through PartialPayment).
      const tokens = rewardTokens(ctx, task.taskId, executor.reward)
      const paid = payout(ctx, task.taskId, 'reward', [
        ...executor.nativeReward.map((r) => ({ recipient: r.to, token: null, amount: BigInt(r.amount) })),
        ...executor.reward.map((r, i) => ({ recipient: r.to, token: tokens[i] ?? null, amount: BigInt(r.amount) })),
      ])
      paid.forEach((r) => recipients.add(r))
    }
    ctx.activity(executor.applicant, 'task.completed', String(task.taskId), { outcome: dispute ? 'disputed' : 'completed' })
    for (const recipient of recipients) {
      if (recipient !== executor.applicant) ctx.activity(recipient, 'task.paid', String(task.taskId))
    }
  },

  PartialPayment(ctx, a) {
    const task = loadTask(ctx, a)
    if (!task) return
    const executor = executorApplication(ctx, task.taskId, task.executorApplicationId)
    if (!executor) return
    const partialNative = a.partialNativeReward
    const partial = a.partialReward
    const tokens = rewardTokens(ctx, task.taskId, executor.reward)
    const recipients = payout(ctx, task.taskId, 'partial', [
      ...executor.nativeReward.map((r, i) => ({ recipient: r.to, token: null, amount: partialNative[i] ?? 0n })),
      ...executor.reward.map((r, i) => ({ recipient: r.to, token: tokens[i] ?? null, amount: partial[i] ?? 0n })),
    ])
    const minus = (amount: string, paid: bigint | undefined) => {
      const left = BigInt(amount) - (paid ?? 0n)
      return (left < 0n ? 0n : left).toString()
    }
    ctx.store.put('taskApplications', {
      ...executor,
      nativeReward: executor.nativeReward.map((r, i) => ({ ...r, amount: minus(r.amount, partialNative[i]) })),
      reward: executor.reward.map((r, i) => ({ ...r, amount: minus(r.amount, partial[i]) })),
    })
    for (const recipient of recipients) ctx.activity(recipient, 'task.paid', String(task.taskId), { partial: true })
  },

  CancelTaskRequested(ctx, a) {
    const task = loadTask(ctx, a)
    if (!task) return
    const requestId = int(a.requestId)
    const metadataUri = a.metadata
    if (metadataUri) ctx.metadata(metadataUri, 'cancel')
    ctx.store.put('taskCancelRequests', {
      chainId: ctx.chainId,
      taskId: task.taskId,
      requestId,
      metadataUri,
      accepted: false,
      executed: false,
      executedBy: null,
      createdBlock: ctx.log.blockNumber,
      createdAt: ctx.log.blockTimestamp,
    })
    const executor = executorApplication(ctx, task.taskId, task.executorApplicationId)
    if (executor) ctx.activity(executor.applicant, 'task.cancel-requested', String(task.taskId), { requestId })
  },

  TaskCancelled(ctx, a) {
    const task = loadTask(ctx, a)
    if (!task) return
    const metadataUri = a.metadata
    if (metadataUri) ctx.metadata(metadataUri, 'cancel')
    emptyBudget(ctx, task.taskId)
    ctx.store.put('tasks', touched(ctx, { ...task, state: 'closed', outcome: 'cancelled', closedAt: ctx.log.blockTimestamp, nativeBudget: '0', budgetReadError: null }))
    ctx.activity(task.manager, 'task.cancelled', String(task.taskId))
  },

  RequestAccepted(ctx, a) {
    if (a.requestType !== CANCEL_TASK_REQUEST) return
    const [chainId, taskId] = taskKey(ctx, a)
    const request = ctx.store.get('taskCancelRequests', [chainId, taskId, int(a.requestId)])
    if (request) ctx.store.put('taskCancelRequests', { ...request, accepted: true })
  },

  RequestExecuted(ctx, a) {
    if (a.requestType !== CANCEL_TASK_REQUEST) return
    const [chainId, taskId] = taskKey(ctx, a)
    const request = ctx.store.get('taskCancelRequests', [chainId, taskId, int(a.requestId)])
    if (request) ctx.store.put('taskCancelRequests', { ...request, executed: true, executedBy: lower(a.by) })
  },

  DeadlineChanged(ctx, a) {
    const task = loadTask(ctx, a)
    if (task) ctx.store.put('tasks', touched(ctx, { ...task, deadline: int(a.newDeadline) }))
  },

  BudgetChanged(ctx, a) {
    const task = loadTask(ctx, a)
    if (!task) return
    const read = applyEscrowRead(ctx, task.taskId)
    if ('error' in read) {
      // The budget stays as last read, marked as outdated. "missing trie node" and the like: the
      // node keeps no old state, and an archive node as RPC_FALLBACK_URL would answer.
      ctx.logger.warn('escrow read missing after BudgetChanged', { taskId: task.taskId, blockNumber: ctx.log.blockNumber, error: read.error, repair: 'npm run indexer -- reread' })
      ctx.store.put('tasks', touched(ctx, { ...task, budgetReadError: read.error.slice(0, 500) }))
      return
    }
    ctx.store.put('tasks', touched(ctx, { ...task, nativeBudget: read.native, budgetReadError: null }))
  },

  RewardIncreased(ctx, a) {
    const [chainId, taskId] = taskKey(ctx, a)
    const applicationId = int(a.applicationId)
    const application = ctx.store.get('taskApplications', [chainId, taskId, applicationId])
    if (!application) return
    const nativeIncrease = a.nativeIncrease
    const increase = a.increase
    ctx.store.put('taskApplications', {
      ...application,
      nativeReward: application.nativeReward.map((r, i) => ({ ...r, amount: (BigInt(r.amount) + (nativeIncrease[i] ?? 0n)).toString() })),
      reward: application.reward.map((r, i) => ({ ...r, amount: (BigInt(r.amount) + (increase[i] ?? 0n)).toString() })),
    })
  },

  MetadataChanged(ctx, a) {
    const task = loadTask(ctx, a)
    if (!task) return
    const metadataUri = a.newMetadata
    ctx.store.put('tasks', touched(ctx, { ...task, metadataUri, title: ctx.metadata(metadataUri, 'task') }))
  },

  ManagerChanged(ctx, a) {
    const task = loadTask(ctx, a)
    if (!task) return
    const manager = lower(a.newManager)
    ctx.store.put('tasks', touched(ctx, { ...task, manager }))
    ctx.activity(manager, 'task.manager', String(task.taskId))
  },
}
