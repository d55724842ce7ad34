import { and, asc, desc, eq } from 'drizzle-orm'
import type { Db } from '#db/client'
import { daoOptimisticActions, daoOptimisticRejections } from '#db/schema'
import { actionState, type ActionState } from '~/dao/action-state'
import { describeAction, type ActionView, type KnownContracts } from '~/dao/decode-action.server'
import { documentOf, loadDocuments, textField, type DocumentState } from './documents.server'

// Optimistic actions (OptimisticActions plugin): a member proposes, anyone executes after the
// delay unless a member rejects it. State derived at chain time `now`.

export type OptimisticActionSummary = {
  actionId: number
  title: string | null
  metadataState: DocumentState
  /** The contract whose holders may propose (the OVC): events do not name the proposing member. */
  manager: string
  createdAt: number
  /** The creating transaction; its sender is the member who proposed the action. */
  transactionHash: string
  executableFrom: number | null
  state: ActionState
  rejectionCount: number
  executedAt: number | null
  /** One-line description of each call, for the list. */
  calls: ActionView['summary'][]
}

type ActionRow = typeof daoOptimisticActions.$inferSelect

export function listOptimisticActions(
  db: Db,
  { chainId, now, known }: { chainId: number; now: number; known: KnownContracts },
): OptimisticActionSummary[] {
  const rows = db
    .select()
    .from(daoOptimisticActions)
    .where(eq(daoOptimisticActions.chainId, chainId))
    .orderBy(desc(daoOptimisticActions.actionId))
    .all()
  const documents = loadDocuments(db, chainId, rows.map((row) => row.metadataUri))
  return rows.map((row) => summary(row, documentOf(documents, row.metadataUri), now, known))
}

function summary(row: ActionRow, doc: ReturnType<typeof documentOf>, now: number, known: KnownContracts): OptimisticActionSummary {
  return {
    actionId: row.actionId,
    title: textField(doc, 'title', 200)?.trim() ?? null,
    metadataState: doc.state,
    manager: row.manager,
    createdAt: row.createdAt,
    transactionHash: row.transactionHash,
    executableFrom: row.executableFrom,
    state: actionState(row, now),
    rejectionCount: row.rejectionCount,
    executedAt: row.executedAt,
    calls: actionsOf(row).map((action) => describeAction(action, known).summary),
  }
}

const actionsOf = (row: ActionRow) => (Array.isArray(row.actions) ? row.actions : [])

export type OptimisticRejection = {
  reason: string | null
  metadataState: DocumentState
  rejectedAt: number
  transactionHash: string
}

export type OptimisticActionDetail = OptimisticActionSummary & {
  description: string | null
  metadataUri: string
  metadataError: string | null
  dao: string
  actions: ActionView[]
  failureMap: string
  createdBlock: number
  executor: string | null
  executedBlock: number | null
  executionTransactionHash: string | null
  rejections: OptimisticRejection[]
}

export function getOptimisticAction(
  db: Db,
  { chainId, actionId, now, known }: { chainId: number; actionId: number; now: number; known: KnownContracts },
): OptimisticActionDetail | null {
  const row = db
    .select()
    .from(daoOptimisticActions)
    .where(and(eq(daoOptimisticActions.chainId, chainId), eq(daoOptimisticActions.actionId, actionId)))
    .get()
  if (!row) return null
  const rejections = db
    .select()
    .from(daoOptimisticRejections)
    .where(and(eq(daoOptimisticRejections.chainId, chainId), eq(daoOptimisticRejections.actionId, actionId)))
    .orderBy(asc(daoOptimisticRejections.blockNumber), asc(daoOptimisticRejections.logIndex))
    .all()
  const documents = loadDocuments(db, chainId, [row.metadataUri, ...rejections.map((r) => r.metadataUri)])
  const doc = documentOf(documents, row.metadataUri)
  return {
    ...summary(row, doc, now, known),
    description: textField(doc, 'description') ?? null,
    metadataUri: row.metadataUri,
    metadataError: doc.error,
    dao: row.dao,
    actions: actionsOf(row).map((action) => describeAction(action, known)),
    failureMap: row.failureMap,
    createdBlock: row.createdBlock,
    executor: row.executor,
    executedBlock: row.executedBlock,
    executionTransactionHash: row.executionTransactionHash,
    rejections: rejections.map((rejection) => {
      const reasonDoc = documentOf(documents, rejection.metadataUri)
      return {
        reason: textField(reasonDoc, 'reason') ?? textField(reasonDoc, 'description') ?? null,
        metadataState: reasonDoc.state,
        rejectedAt: rejection.rejectedAt,
        transactionHash: rejection.transactionHash,
      }
    }),
  }
}
