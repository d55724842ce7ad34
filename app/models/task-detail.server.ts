import { and, asc, eq } from 'drizzle-orm'
import type { Db } from '#db/client'
import { taskApplications, taskBudgets, taskCancelRequests, taskPayouts, tasks, taskSubmissions } from '#db/schema'
import {
  readApplicationDocument,
  readTaskDocument,
  readTextField,
  type ReadApplication,
  type ReadTask,
} from '~/tasks/metadata'
import { documentOf, loadDocuments, readLocal, type DocumentState } from './documents.server'
import type { BudgetAmount } from './task-board.server'
import { getTaskTimeline, type TimelineEvent } from './task-timeline.server'

// Everything the task page shows, read from the projections in a handful of indexed queries.
// Metadata documents come from loadDocuments (documents.server.ts): the indexer's cache, or the
// local content store for a document the portal wrote and the resolver has not fetched yet, so a
// write made through the portal shows its text as soon as its transaction is indexed.

export type Loaded<T> = { state: DocumentState; value: T | null; error: string | null }

export type TaskDetail = {
  chainId: number
  taskId: number
  state: 'open' | 'taken' | 'closed'
  outcome: 'completed' | 'disputed' | 'cancelled' | null
  deadline: number
  closedAt: number | null
  manager: string
  disputeManager: string
  creator: string
  escrow: string
  createdAt: number
  createdBlock: number
  metadataUri: string
  metadata: Loaded<ReadTask>
  /** Native first, then the ERC-20 budgets in the contract's token order. */
  budgets: BudgetAmount[]
  /** The escrow could not be read after the budget last changed: the amounts predate that change. */
  budgetOutdated: boolean
  executorApplicationId: number | null
  applications: {
    applicationId: number
    applicant: string
    accepted: boolean
    nativeReward: { to: string; amount: string }[]
    reward: { nextToken: boolean; to: string; amount: string }[]
    createdAt: number
    preapproved: boolean
    metadata: Loaded<ReadApplication>
  }[]
  submissions: {
    submissionId: number
    submitter: string | null
    judgement: 'none' | 'accepted' | 'rejected'
    createdAt: number
    reviewedAt: number | null
    explanation: Loaded<string>
    feedback: Loaded<string> | null
  }[]
  cancelRequests: {
    requestId: number
    accepted: boolean
    executed: boolean
    executedBy: string | null
    createdAt: number
    reason: Loaded<string>
  }[]
  payouts: { kind: 'partial' | 'reward'; recipient: string; token: string | null; amount: string; transactionHash: string; paidAt: number }[]
  timeline: TimelineEvent[]
}

export function getTaskDetail(
  db: Db,
  { chainId, taskId }: { chainId: number; taskId: number },
): TaskDetail | null {
  const task = db.select().from(tasks).where(and(eq(tasks.chainId, chainId), eq(tasks.taskId, taskId))).get()
  if (!task) return null
  const byTask = <T extends { chainId: unknown; taskId: unknown }>(table: T) =>
    and(eq(table.chainId as never, chainId), eq(table.taskId as never, taskId))

  const budgets = db.select().from(taskBudgets).where(byTask(taskBudgets)).orderBy(asc(taskBudgets.position)).all()
  const applications = db
    .select()
    .from(taskApplications)
    .where(byTask(taskApplications))
    .orderBy(asc(taskApplications.applicationId))
    .all()
  const submissions = db
    .select()
    .from(taskSubmissions)
    .where(byTask(taskSubmissions))
    .orderBy(asc(taskSubmissions.submissionId))
    .all()
  const cancelRequests = db
    .select()
    .from(taskCancelRequests)
    .where(byTask(taskCancelRequests))
    .orderBy(asc(taskCancelRequests.requestId))
    .all()
  const payouts = db
    .select()
    .from(taskPayouts)
    .where(byTask(taskPayouts))
    .orderBy(asc(taskPayouts.blockNumber), asc(taskPayouts.logIndex), asc(taskPayouts.position))
    .all()

  const documents = loadDocuments(db, chainId, [
    task.metadataUri,
    ...applications.map((a) => a.metadataUri),
    ...submissions.flatMap((s) => [s.metadataUri, s.feedbackUri ?? '']),
    ...cancelRequests.map((c) => c.metadataUri),
  ])
  const read = <T>(uri: string, reader: (content: unknown) => T | null | undefined): Loaded<T> => {
    const doc = documentOf(documents, uri)
    if (doc.state !== 'ok') return { state: doc.state, value: null, error: doc.error }
    const value = reader(doc.content)
    return value === null || value === undefined
      ? { state: 'invalid', value: null, error: 'The document does not have the expected fields.' }
      : { state: 'ok', value, error: null }
  }

  return {
    chainId: task.chainId,
    taskId: task.taskId,
    state: task.state,
    outcome: task.outcome,
    deadline: task.deadline,
    closedAt: task.closedAt,
    manager: task.manager,
    disputeManager: task.disputeManager,
    creator: task.creator,
    escrow: task.escrow,
    createdAt: task.createdAt,
    createdBlock: task.createdBlock,
    metadataUri: task.metadataUri,
    metadata: read(task.metadataUri, readTaskDocument),
    budgets: [{ token: null, amount: task.nativeBudget }, ...budgets.map((b) => ({ token: b.token, amount: b.amount }))],
    budgetOutdated: task.budgetReadError !== null,
    executorApplicationId: task.executorApplicationId,
    applications: applications.map((a) => ({
      applicationId: a.applicationId,
      applicant: a.applicant,
      accepted: a.accepted,
      nativeReward: a.nativeReward,
      reward: a.reward,
      createdAt: a.createdAt,
      preapproved: a.metadataUri === '',
      metadata: read(a.metadataUri, readApplicationDocument),
    })),
    submissions: submissions.map((s) => ({
      submissionId: s.submissionId,
      submitter: s.submitter,
      judgement: s.judgement,
      createdAt: s.createdAt,
      reviewedAt: s.reviewedAt,
      explanation: read(s.metadataUri, (c) => readTextField(c, 'explanation')),
      feedback: s.feedbackUri === null ? null : read(s.feedbackUri, (c) => readTextField(c, 'feedback')),
    })),
    cancelRequests: cancelRequests.map((c) => ({
      requestId: c.requestId,
      accepted: c.accepted,
      executed: c.executed,
      executedBy: c.executedBy,
      createdAt: c.createdAt,
      reason: read(c.metadataUri, (content) => readTextField(content, 'reason')),
    })),
    payouts: payouts.map((p) => ({
      kind: p.kind,
      recipient: p.recipient,
      token: p.token,
      amount: p.amount,
      transactionHash: p.transactionHash,
      paidAt: p.paidAt,
    })),
    timeline: getTaskTimeline(db, { chainId, taskId }),
  }
}
