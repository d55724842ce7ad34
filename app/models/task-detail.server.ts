import { and, asc, eq, inArray } from 'drizzle-orm'
import type { Db } from '../../db/client'
import {
  metadataDocuments,
  taskApplications,
  taskBudgets,
  taskCancelRequests,
  taskPayouts,
  tasks,
  taskSubmissions,
} from '../../db/schema'
import {
  readApplicationDocument,
  readTaskDocument,
  readTextField,
  type ReadApplication,
  type ReadTask,
} from '~/tasks/metadata'
import { readLocalJson } from './local-content.server'
import type { BudgetAmount } from './task-board.server'
import { getTaskTimeline, type TimelineEvent } from './task-timeline.server'

// Everything the task page shows, read from the projections in a handful of indexed queries.
// Metadata documents are read from the indexer's cache (metadata_documents); a document the
// resolver has not fetched yet is read from the local content store when it is there, so a
// write made through the portal shows its text as soon as its transaction is indexed.

export type MetadataState = 'ok' | 'pending' | 'unavailable' | 'invalid' | 'none'
export type Loaded<T> = { state: MetadataState; value: T | null; error: string | null }

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
  { chainId, taskId, tasksAddress }: { chainId: number; taskId: number; tasksAddress: string | null },
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
    const doc = documents.get(uri)
    if (!uri) return { state: 'none', value: null, error: null }
    if (!doc || doc.state !== 'ok') return { state: doc?.state ?? 'pending', value: null, error: doc?.error ?? null }
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
    metadata: withRequiredCourse(db, task.metadataUri, read(task.metadataUri, readTaskDocument)),
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
    timeline: tasksAddress ? getTaskTimeline(db, { chainId, taskId, tasksAddress }) : [],
  }
}

/**
 * The indexer's cache keeps only the fields of the reference task document, so a portal task's
 * `requiredCourse` is read from the document itself (local content store) when the cache lacks it.
 */
function withRequiredCourse(db: Db, uri: string, loaded: Loaded<ReadTask>): Loaded<ReadTask> {
  if (!loaded.value || loaded.value.requiredCourse) return loaded
  const local = readLocalDocument(db, uri)
  const requiredCourse = local?.state === 'ok' ? readTaskDocument(local.content)?.requiredCourse : undefined
  return requiredCourse ? { ...loaded, value: { ...loaded.value, requiredCourse } } : loaded
}

type LoadedDocument = { state: MetadataState; content: unknown; error: string | null }

/** Metadata documents by URI: the indexer's cache first, else the local content store. */
function loadDocuments(db: Db, chainId: number, uris: string[]): Map<string, LoadedDocument> {
  const wanted = [...new Set(uris.filter((uri) => uri !== ''))]
  const result = new Map<string, LoadedDocument>()
  if (wanted.length === 0) return result
  const rows = db
    .select()
    .from(metadataDocuments)
    .where(and(eq(metadataDocuments.chainId, chainId), inArray(metadataDocuments.uri, wanted)))
    .all()
  for (const row of rows) {
    result.set(row.uri, { state: row.status, content: row.content, error: row.error })
  }
  for (const uri of wanted) {
    if (!/^(ipfs|https):\/\//.test(uri.trim())) {
      result.set(uri, { state: 'invalid', content: null, error: 'its address is not an ipfs:// or https:// URI' })
      continue
    }
    const cached = result.get(uri)
    if (cached?.state === 'ok' || cached?.state === 'invalid') continue
    const local = readLocalDocument(db, uri)
    if (local !== undefined) result.set(uri, local)
  }
  return result
}

function readLocalDocument(db: Db, uri: string): LoadedDocument | undefined {
  const local = readLocalJson(db, uri)
  if (!local) return undefined
  return local.ok ? { state: 'ok', content: local.value, error: null } : { state: 'invalid', content: null, error: local.error }
}

/** A task's title for a page heading, from the projection or the local content store. */
export function titleFromLocalStore(db: Db, uri: string): string | null {
  const doc = readLocalDocument(db, uri)
  if (doc?.state !== 'ok') return null
  return readTaskDocument(doc.content)?.title ?? null
}
