import { and, desc, eq, type SQL } from 'drizzle-orm'
import type { Db } from '#db/client'
import { taskDrafts, trustlessActions } from '#db/schema'
import { documentOf, loadDocuments, textField, type DocumentState } from './documents.server'

// Task drafts proposed to a DAO (TaskDrafts): each is a pessimistic action of the DAO whose only
// call creates the task, paid by the DAO, once it approves it by a vote. The department page lists
// a DAO's drafts (listTaskDrafts), the task page the draft it was created from (getDraftOfTask).

export type TaskDraft = {
  /** The DAO (department smart account) the draft was proposed to. */
  dao: string
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

/** A DAO's drafts, newest first. */
export function listTaskDrafts(db: Db, { chainId, dao }: { chainId: number; dao: string }): TaskDraft[] {
  return readDrafts(db, chainId, and(eq(taskDrafts.chainId, chainId), eq(taskDrafts.dao, dao.toLowerCase()))!)
}

/** The approved draft that created a task, if it came from one. */
export function getDraftOfTask(db: Db, { chainId, taskId }: { chainId: number; taskId: number }): TaskDraft | null {
  return readDrafts(db, chainId, and(eq(taskDrafts.chainId, chainId), eq(taskDrafts.createdTaskId, taskId))!)[0] ?? null
}

function readDrafts(db: Db, chainId: number, where: SQL): TaskDraft[] {
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
    .where(where)
    .orderBy(desc(taskDrafts.createdBlock), desc(taskDrafts.actionId))
    .all()
  const documents = loadDocuments(db, chainId, rows.flatMap((r) => [r.draft.metadataUri, r.draft.taskMetadataUri]))
  return rows.map(({ draft, state }) => {
    const doc = documentOf(documents, draft.metadataUri)
    const taskDoc = documentOf(documents, draft.taskMetadataUri)
    return {
      dao: draft.dao,
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
