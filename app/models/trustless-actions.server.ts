import { and, asc, desc, eq, type SQL } from 'drizzle-orm'
import type { Db } from '#db/client'
import { trustlessActionRejections, trustlessActions } from '#db/schema'
import { actionState, actionStates, type ActionState } from '~/dao/action-state'
import { describeAction, type ActionView, type KnownContracts } from '~/dao/decode-action.server'
import { documentOf, loadDocuments, textField, type DocumentState } from './documents.server'

// Trustless actions of every DAO, read from the indexer's projections, where an action is keyed
// by (contract, dao, id): one OptimisticActions and one PessimisticActions contract serve the
// Openmesh DAO and each department's smart account. An optimistic action runs after its delay
// unless a member rejects it; a pessimistic one (a dispute, a draft) only once its DAO approves it.
// State derived at chain time `now`.

export type TrustlessActionKind = 'optimistic' | 'pessimistic'

export type TrustlessActionSummary = {
  kind: TrustlessActionKind
  contract: string
  /** The DAO (or department smart account) the action belongs to. */
  dao: string
  actionId: number
  title: string | null
  metadataState: DocumentState
  /** Who asked for it through TrustlessManagement (a member, or TaskDisputes/TaskDrafts); null if the DAO itself did. */
  creator: string | null
  createdAt: number
  transactionHash: string
  executableFrom: number | null
  state: ActionState
  rejectionCount: number
  executedAt: number | null
  /** One-line description of each call, for the list. */
  calls: ActionView['summary'][]
}

type ActionRow = typeof trustlessActions.$inferSelect

/** Every action (of one DAO, of one kind, when given), newest first. */
export function listTrustlessActions(
  db: Db,
  { chainId, now, known, dao, kind }: { chainId: number; now: number; known: KnownContracts; dao?: string; kind?: TrustlessActionKind },
): TrustlessActionSummary[] {
  const rows = readActionRows(db, { chainId, dao, kind })
  const documents = loadDocuments(db, chainId, rows.map((row) => row.metadataUri))
  return rows.map((row) => summary(row, documentOf(documents, row.metadataUri), now, known))
}

export type TrustlessActionList = {
  /** Actions in each state, over all of them. */
  counts: Record<ActionState, number>
  total: number
  /** The newest `limit`. */
  items: TrustlessActionSummary[]
}

/**
 * The newest actions for a list, with the count of all of them per state: only the ones shown
 * load their documents and decode their calls, so a DAO with thousands of actions costs a page no more.
 */
export function listNewestTrustlessActions(
  db: Db,
  { chainId, now, known, dao, kind, limit }: { chainId: number; now: number; known: KnownContracts; dao?: string; kind?: TrustlessActionKind; limit: number },
): TrustlessActionList {
  const rows = readActionRows(db, { chainId, dao, kind })
  const counts = Object.fromEntries(actionStates.map((state) => [state, 0])) as Record<ActionState, number>
  for (const row of rows) counts[actionState(row, now)]++
  const shown = rows.slice(0, limit)
  const documents = loadDocuments(db, chainId, shown.map((row) => row.metadataUri))
  return { counts, total: rows.length, items: shown.map((row) => summary(row, documentOf(documents, row.metadataUri), now, known)) }
}

/** Every action row (of one DAO, of one kind, when given), newest first. */
function readActionRows(db: Db, { chainId, dao, kind }: { chainId: number; dao?: string; kind?: TrustlessActionKind }): ActionRow[] {
  const where: SQL[] = [eq(trustlessActions.chainId, chainId)]
  if (dao !== undefined) where.push(eq(trustlessActions.dao, dao.toLowerCase()))
  if (kind !== undefined) where.push(eq(trustlessActions.kind, kind))
  return db
    .select()
    .from(trustlessActions)
    .where(and(...where))
    .orderBy(desc(trustlessActions.createdBlock), desc(trustlessActions.actionId))
    .all()
}

function summary(row: ActionRow, doc: ReturnType<typeof documentOf>, now: number, known: KnownContracts): TrustlessActionSummary {
  return {
    kind: row.kind,
    contract: row.contract,
    dao: row.dao,
    actionId: row.actionId,
    title: textField(doc, 'title', 200)?.trim() || null,
    metadataState: doc.state,
    creator: row.creator,
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

export type ActionRejection = {
  reason: string | null
  metadataState: DocumentState
  /** The member who rejected it, when the indexer could tell (the asDAO sender of the same transaction). */
  rejector: string | null
  rejectedAt: number
  transactionHash: string
}

export type TrustlessActionDetail = TrustlessActionSummary & {
  summary: string | null
  description: string | null
  metadataUri: string
  metadataError: string | null
  manager: string
  role: string
  actions: ActionView[]
  failureMap: string
  createdBlock: number
  executor: string | null
  executedBlock: number | null
  executionTransactionHash: string | null
  rejections: ActionRejection[]
}

export function getTrustlessAction(
  db: Db,
  { chainId, kind, dao, actionId, now, known }: { chainId: number; kind: TrustlessActionKind; dao: string; actionId: number; now: number; known: KnownContracts },
): TrustlessActionDetail | null {
  const row = db
    .select()
    .from(trustlessActions)
    .where(and(eq(trustlessActions.chainId, chainId), eq(trustlessActions.dao, dao.toLowerCase()), eq(trustlessActions.kind, kind), eq(trustlessActions.actionId, actionId)))
    .orderBy(asc(trustlessActions.contract))
    .get()
  if (!row) return null
  const rejections = db
    .select()
    .from(trustlessActionRejections)
    .where(
      and(
        eq(trustlessActionRejections.chainId, chainId),
        eq(trustlessActionRejections.contract, row.contract),
        eq(trustlessActionRejections.dao, row.dao),
        eq(trustlessActionRejections.actionId, actionId),
      ),
    )
    .orderBy(asc(trustlessActionRejections.blockNumber), asc(trustlessActionRejections.logIndex))
    .all()
  const documents = loadDocuments(db, chainId, [row.metadataUri, ...rejections.map((r) => r.metadataUri)])
  const doc = documentOf(documents, row.metadataUri)
  return {
    ...summary(row, doc, now, known),
    summary: textField(doc, 'summary') ?? null,
    description: textField(doc, 'description') ?? null,
    metadataUri: row.metadataUri,
    metadataError: doc.error,
    manager: row.manager,
    role: row.role,
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
        rejector: rejection.rejector,
        rejectedAt: rejection.rejectedAt,
        transactionHash: rejection.transactionHash,
      }
    }),
  }
}
