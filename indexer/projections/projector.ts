import type Database from 'better-sqlite3'
import type { ActivityKind } from '#db/schema/chain'
import type { DocumentKind } from '#documents/kinds'
import { isFetchableUri } from '#documents/uri'
import type { DecodedEvent } from '../decode/decoder'
import type { Logger } from '../logger'
import type { ProjectionStore } from '../store/projection-store'
import type { IndexedContractKind } from '../decode/abis'
import type { HandlerContext, Handlers, LogPosition, ReadFailure } from './context'
import { memberHandlers } from './members'
import { rfpHandlers } from './rfps'
import { tagHandlers } from './tags'
import { taskDisputeHandlers, taskDraftHandlers } from './task-extensions'
import { recordTaskEvent } from './task-events'
import { taskHandlers } from './tasks'
import { optimisticActionHandlers, pessimisticActionHandlers } from './trustless-actions'
import { trustlessManagementHandlers } from './trustless-management'
import { votingHandlers } from './voting'

// Routes each decoded event, in (block, transaction index, log index) order, to its handler.
// Deterministic: a handler reads only the projection rows, the event and the pinned reads.

const handlers: { [K in IndexedContractKind]: Handlers<K> } = {
  tasks: taskHandlers,
  rfps: rfpHandlers,
  taskDisputes: taskDisputeHandlers,
  taskDrafts: taskDraftHandlers,
  verifiedContributor: memberHandlers,
  tagManager: tagHandlers,
  tokenVoting: votingHandlers,
  tagVoting: votingHandlers,
  optimisticActions: optimisticActionHandlers,
  pessimisticActions: pessimisticActionHandlers,
  // The three share one ABI; their events mean the same on each.
  addressTrustlessManagement: trustlessManagementHandlers,
  erc721CountTrustlessManagement: trustlessManagementHandlers,
  tagTrustlessManagement: trustlessManagementHandlers,
  // Indexed for the raw layer (executions, deposits); nothing is projected from them yet.
  dao: {},
}

export type Projector = {
  /** Projects one event; events must come in (block, transaction index, log index) order. */
  apply: (log: LogPosition, event: DecodedEvent) => void
  /** Starts a batch: drops what an aborted one may have buffered. */
  begin: () => void
  /** Writes what the batch buffered (new metadata URIs). Inside the batch's transaction. */
  flush: () => void
}

const titled = new Set<DocumentKind>(['task', 'proposal'])

export function createProjector({
  sqlite,
  chainId,
  store,
  logger,
  actionTargets,
}: {
  sqlite: Database.Database
  chainId: number
  store: ProjectionStore
  logger: Logger
  /** The contracts a DAO action may call: lowercase address → kind (decode/abis.ts actionAbis). */
  actionTargets: Map<string, string>
}): Projector {
  const selectRead = sqlite.prepare('SELECT result FROM raw_reads WHERE chain_id = ? AND block_hash = ? AND kind = ? AND key = ?').pluck()
  // A URI already registered keeps its kind, except where a kind refines another (see `refines`):
  // then it is read again with the finer kind's fields.
  const note = sqlite.prepare(
    `INSERT INTO metadata_documents (chain_id, uri, kind, status, attempts, next_attempt_at) VALUES (?, ?, ?, ?, 0, 0)
     ON CONFLICT (chain_id, uri) DO UPDATE SET kind = excluded.kind, status = excluded.status, attempts = 0, next_attempt_at = 0
     WHERE (metadata_documents.kind = 'action' AND excluded.kind = 'dispute') OR (metadata_documents.kind = 'task' AND excluded.kind = 'rfp')`,
  )
  const selectTitle = sqlite.prepare("SELECT title FROM metadata_documents WHERE chain_id = ? AND uri = ? AND status = 'ok'").pluck()
  /** URIs met in this batch, registered for the resolver at flush (first kind wins, but see `refines`). */
  const noted = new Map<string, DocumentKind>()

  // One context object, re-pointed at each event (no per-event closures).
  const ctx: HandlerContext = {
    chainId,
    log: undefined as unknown as LogPosition,
    eventName: '',
    store,
    logger,
    actionTargets,
    transaction: { hash: '', createdActions: [], rejections: [] },
    read<T>(kind: string, key: string) {
      const raw = selectRead.get(chainId, ctx.log.blockHash, kind, key) as string | undefined
      return raw === undefined ? undefined : (JSON.parse(raw) as T | ReadFailure)
    },
    metadata(uri: string, kind: DocumentKind) {
      if (!uri) return null
      const known = noted.get(uri)
      if (known === undefined || refines(kind, known)) noted.set(uri, kind)
      // Only tasks and proposals carry a title; a URI first met now is not resolved yet anyway.
      if (!titled.has(kind)) return null
      return (selectTitle.get(chainId, uri) as string | null | undefined) ?? null
    },
    activity(address: string, kind: ActivityKind, subject: string | null, detail?: Record<string, unknown>) {
      const log = ctx.log
      store.append('activity', {
        chainId,
        address,
        blockNumber: log.blockNumber,
        logIndex: log.logIndex,
        kind,
        subject,
        detail: detail ?? null,
        timestamp: log.blockTimestamp,
        transactionHash: log.transactionHash,
      })
    },
  }

  return {
    apply(log, event) {
      // The handler of this very (contract, event): its arguments are that event's.
      const handler = (handlers[event.contract] as Record<string, ((ctx: HandlerContext, args: unknown) => void) | undefined>)[event.name]
      ctx.log = log
      ctx.eventName = event.name
      if (ctx.transaction.hash !== log.transactionHash) ctx.transaction = { hash: log.transactionHash, createdActions: [], rejections: [] }
      if (event.contract === 'tasks') recordTaskEvent(ctx, event.name, event.args)
      handler?.(ctx, event.args)
    },
    begin() {
      noted.clear()
      ctx.transaction = { hash: '', createdActions: [], rejections: [] }
    },
    flush() {
      for (const [uri, kind] of noted) note.run(chainId, uri, kind, isFetchableUri(uri) ? 'pending' : 'invalid')
      noted.clear()
    },
  }
}

/**
 * Kinds that refine another for the same document. A dispute's document is also the metadata of
 * the PessimisticActions action it queues, met first (ActionCreated comes before TaskDisputes'
 * TrustlessActionCreated in the same transaction): read as a dispute, it keeps its body. An RFP's
 * document was filed as a task document before projection version 4: read as an RFP it keeps the
 * RFP's own fields (maxProjectFunding, maxAwardedProjects, projectRequirements).
 */
function refines(kind: DocumentKind, over: DocumentKind): boolean {
  return (over === 'action' && kind === 'dispute') || (over === 'task' && kind === 'rfp')
}
