import type Database from 'better-sqlite3'
import type { ActivityKind } from '../../db/schema/chain'
import type { DecodedEvent } from '../decode/decoder'
import type { Logger } from '../logger'
import type { MetadataKind } from '../metadata/kinds'
import { isFetchableUri } from '../metadata/uri'
import type { ProjectionStore } from '../store/projection-store'
import type { Handler, HandlerContext, LogPosition } from './context'
import { memberHandlers } from './members'
import { optimisticHandlers } from './optimistic'
import { taskHandlers } from './tasks'
import { votingHandlers } from './voting'

// Routes each decoded event, in (block, transaction index, log index) order, to its handler.
// Deterministic: a handler reads only the projection rows, the event and the pinned reads.

const handlers: Record<string, Record<string, Handler>> = {
  tasks: taskHandlers,
  verifiedContributor: memberHandlers,
  tokenVoting: votingHandlers,
  optimisticActions: optimisticHandlers,
  dao: {},
}

export type Projector = (log: LogPosition, event: DecodedEvent) => void

export function createProjector({
  sqlite,
  chainId,
  store,
  logger,
  contracts,
}: {
  sqlite: Database.Database
  chainId: number
  store: ProjectionStore
  logger: Logger
  /** address (lowercase) → contract kind. */
  contracts: Map<string, string>
}): Projector {
  const selectRead = sqlite.prepare('SELECT result FROM raw_reads WHERE chain_id = ? AND block_hash = ? AND kind = ? AND key = ?').pluck()
  const noteMetadata = sqlite.prepare(
    "INSERT OR IGNORE INTO metadata_documents (chain_id, uri, kind, status, attempts, next_attempt_at) VALUES (?, ?, ?, ?, 0, 0)",
  )
  const selectTitle = sqlite.prepare("SELECT title FROM metadata_documents WHERE chain_id = ? AND uri = ? AND status = 'ok'").pluck()

  return (log, event) => {
    const handler = handlers[event.contract]?.[event.name]
    if (!handler) return
    const ctx: HandlerContext = {
      chainId,
      log,
      event,
      store,
      logger,
      contracts,
      read<T>(kind: string, key: string) {
        const raw = selectRead.get(chainId, log.blockHash, kind, key) as string | undefined
        return raw === undefined ? undefined : (JSON.parse(raw) as T)
      },
      metadata(uri: string, kind: MetadataKind) {
        if (!uri) return null
        noteMetadata.run(chainId, uri, kind, isFetchableUri(uri) ? 'pending' : 'invalid')
        return (selectTitle.get(chainId, uri) as string | null | undefined) ?? null
      },
      activity(address: string, kind: ActivityKind, subject: string | null, detail?: Record<string, unknown>) {
        store.insert('activity', {
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
    handler(ctx)
  }
}
