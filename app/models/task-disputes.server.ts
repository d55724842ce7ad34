import { and, asc, eq } from 'drizzle-orm'
import type { Db } from '#db/client'
import { taskDisputes, trustlessActions } from '#db/schema'
import { documentOf, loadDocuments, textField, type DocumentState } from './documents.server'

// The disputes of a task: each is a pessimistic action of the task's dispute manager (the Dispute
// department's smart account) that pays the executor in part once the department approves it by
// a vote. Open until that action is executed.

export type TaskDispute = {
  /** The action that is the dispute: (PessimisticActions, dao, id). */
  trustlessActions: string
  dao: string
  actionId: number
  title: string | null
  summary: string | null
  metadataState: DocumentState
  /** What it asks to pay the executor, per native reward entry (wei, decimal). */
  partialNativeReward: string[]
  state: 'open' | 'resolved'
  createdAt: number
  transactionHash: string
  resolvedAt: number | null
  resolutionTransactionHash: string | null
}

const amounts = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && /^[0-9]{1,78}$/.test(v)) : [])

export function listTaskDisputes(db: Db, { chainId, taskId }: { chainId: number; taskId: number }): TaskDispute[] {
  const rows = db
    .select({ dispute: taskDisputes, action: { state: trustlessActions.state, executedAt: trustlessActions.executedAt, executionTransactionHash: trustlessActions.executionTransactionHash } })
    .from(taskDisputes)
    .leftJoin(
      trustlessActions,
      and(
        eq(trustlessActions.chainId, taskDisputes.chainId),
        eq(trustlessActions.contract, taskDisputes.trustlessActions),
        eq(trustlessActions.dao, taskDisputes.dao),
        eq(trustlessActions.actionId, taskDisputes.actionId),
      ),
    )
    .where(and(eq(taskDisputes.chainId, chainId), eq(taskDisputes.taskId, taskId)))
    .orderBy(asc(taskDisputes.createdBlock), asc(taskDisputes.actionId))
    .all()
  const documents = loadDocuments(db, chainId, rows.map((r) => r.dispute.metadataUri))
  return rows.map(({ dispute, action }) => {
    const doc = documentOf(documents, dispute.metadataUri)
    const resolved = action?.state === 'executed'
    return {
      trustlessActions: dispute.trustlessActions,
      dao: dispute.dao,
      actionId: dispute.actionId,
      title: textField(doc, 'title', 200)?.trim() || null,
      summary: textField(doc, 'summary') ?? null,
      metadataState: doc.state,
      partialNativeReward: amounts(dispute.partialNativeReward),
      state: resolved ? 'resolved' : 'open',
      createdAt: dispute.createdAt,
      transactionHash: dispute.transactionHash,
      resolvedAt: resolved ? (action?.executedAt ?? null) : null,
      resolutionTransactionHash: resolved ? (action?.executionTransactionHash ?? null) : null,
    }
  })
}
