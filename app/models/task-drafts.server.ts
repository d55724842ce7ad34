import { and, desc, eq } from 'drizzle-orm'
import type { Db } from '#db/client'
import { taskDrafts, trustlessActions } from '#db/schema'
import { documentOf, loadDocuments, textField, type DocumentState } from './documents.server'

// Task drafts proposed to a DAO (TaskDrafts): each is a pessimistic action of the DAO whose only
// call creates the task, paid by the DAO, once it approves it by a vote.

export type TaskDraft = {
  actionId: number
  title: string | null
  metadataState: DocumentState
  taskTitle: string | null
  nativeBudget: string
  taskManager: string
  state: 'pending' | 'approved'
  /** The task the approved draft created. */
  createdTaskId: number | null
  createdAt: number
  transactionHash: string
}

export function listTaskDrafts(db: Db, { chainId, dao }: { chainId: number; dao: string }): TaskDraft[] {
  const rows = db
    .select({ draft: taskDrafts, state: trustlessActions.state })
    .from(taskDrafts)
    .leftJoin(
      trustlessActions,
      and(
        eq(trustlessActions.chainId, taskDrafts.chainId),
        eq(trustlessActions.contract, taskDrafts.trustlessActions),
        eq(trustlessActions.dao, taskDrafts.dao),
        eq(trustlessActions.actionId, taskDrafts.actionId),
      ),
    )
    .where(and(eq(taskDrafts.chainId, chainId), eq(taskDrafts.dao, dao.toLowerCase())))
    .orderBy(desc(taskDrafts.createdBlock), desc(taskDrafts.actionId))
    .all()
  const documents = loadDocuments(db, chainId, rows.flatMap((r) => [r.draft.metadataUri, r.draft.taskMetadataUri]))
  return rows.map(({ draft, state }) => {
    const doc = documentOf(documents, draft.metadataUri)
    const taskDoc = documentOf(documents, draft.taskMetadataUri)
    return {
      actionId: draft.actionId,
      title: textField(doc, 'title', 200)?.trim() || null,
      metadataState: doc.state,
      taskTitle: textField(taskDoc, 'title', 200)?.trim() || null,
      nativeBudget: draft.nativeBudget,
      taskManager: draft.taskManager,
      state: state === 'executed' ? 'approved' : 'pending',
      createdTaskId: draft.createdTaskId,
      createdAt: draft.createdAt,
      transactionHash: draft.transactionHash,
    }
  })
}
