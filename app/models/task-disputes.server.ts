import { and, asc, eq, like } from 'drizzle-orm'
import type { Db } from '#db/client'
import { daoProposals, taskDisputes, trustlessActions, type DecodedAction } from '#db/schema'
import { documentOf, loadDocuments, textField, type DocumentState } from './documents.server'

// The disputes of a task: each is a pessimistic action of the task's dispute manager (the Dispute
// department's smart account) that pays the executor in part once the department approves it by
// a vote. Open until that action is executed. The vote is a proposal of the department's
// TagVoting whose action makes the smart account call PessimisticActions.executeAction(account, id)
// (SmartAccount.performCall, as the replay test and the seeded world do).

/** A department proposal that would resolve (execute) a dispute. */
export type ResolvingProposal = {
  plugin: string
  proposalId: string
  title: string | null
  endDate: number
  yes: string
  no: string
  executed: boolean
}

export type TaskDispute = {
  /** The action that is the dispute: (PessimisticActions, dao, id). */
  trustlessActions: string
  dao: string
  actionId: number
  title: string | null
  summary: string | null
  /** Rich text (HTML from the editors, or markdown): render it sanitized. */
  body: string | null
  metadataState: DocumentState
  /** What it asks to pay the executor, per native reward entry (wei, decimal). */
  partialNativeReward: string[]
  /** What it asks to pay per token reward entry of the executor's application (base units). */
  partialReward: string[]
  state: 'open' | 'resolved'
  createdAt: number
  transactionHash: string
  resolvedAt: number | null
  resolutionTransactionHash: string | null
  /** The proposals to resolve it, oldest first (several if an earlier vote failed). */
  proposals: ResolvingProposal[]
}

type DisputeKey = { trustlessActions: string; dao: string; actionId: number }

/** True when a proposal action has the smart account `dao` execute the pessimistic action `key`. */
function resolves(action: DecodedAction, key: DisputeKey): boolean {
  const inner = action.inner
  if (action.to !== key.dao || action.functionName !== 'performCall' || !inner) return false
  if (inner.to !== key.trustlessActions || inner.functionName !== 'executeAction') return false
  const [dao, id] = inner.args ?? []
  return typeof dao?.value === 'string' && dao.value.toLowerCase() === key.dao && String(id?.value) === String(key.actionId)
}

function resolvingProposals(db: Db, chainId: number) {
  // Only proposals that execute some trustless action can resolve a dispute.
  const rows = db
    .select({
      plugin: daoProposals.plugin,
      proposalId: daoProposals.proposalId,
      proposalNumber: daoProposals.proposalNumber,
      title: daoProposals.title,
      endDate: daoProposals.endDate,
      yes: daoProposals.yes,
      no: daoProposals.no,
      state: daoProposals.state,
      actions: daoProposals.actions,
    })
    .from(daoProposals)
    .where(and(eq(daoProposals.chainId, chainId), like(daoProposals.actions, '%executeAction%')))
    .orderBy(asc(daoProposals.startDate), asc(daoProposals.proposalNumber))
    .all()
  return (key: DisputeKey): ResolvingProposal[] =>
    rows
      .filter((row) => Array.isArray(row.actions) && row.actions.some((action) => resolves(action, key)))
      .map((row) => ({ plugin: row.plugin, proposalId: row.proposalId, title: row.title, endDate: row.endDate, yes: row.yes, no: row.no, executed: row.state === 'executed' }))
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
  const proposalsFor = rows.length === 0 ? () => [] : resolvingProposals(db, chainId)
  return rows.map(({ dispute, action }) => {
    const doc = documentOf(documents, dispute.metadataUri)
    const resolved = action?.state === 'executed'
    return {
      trustlessActions: dispute.trustlessActions,
      dao: dispute.dao,
      actionId: dispute.actionId,
      title: textField(doc, 'title', 200)?.trim() || null,
      summary: textField(doc, 'summary') ?? null,
      body: textField(doc, 'body') ?? null,
      metadataState: doc.state,
      partialNativeReward: amounts(dispute.partialNativeReward),
      partialReward: amounts(dispute.partialReward),
      state: resolved ? 'resolved' : 'open',
      createdAt: dispute.createdAt,
      transactionHash: dispute.transactionHash,
      resolvedAt: resolved ? (action?.executedAt ?? null) : null,
      resolutionTransactionHash: resolved ? (action?.executionTransactionHash ?? null) : null,
      proposals: proposalsFor(dispute),
    }
  })
}
