import type Database from 'better-sqlite3'
import type { IndexerConfig } from '../config'
import { createDecoder } from '../decode/decoder'
import type { Logger } from '../logger'
import { createCheckpointStore } from '../store/checkpoint'
import { createProjectionStore } from '../store/projection-store'
import { logFromRow, rawLogColumns, type RawLogRow } from '../store/raw-log-rows'
import { clearProjections } from '../store/reset'
import { createProjector } from './projector'
import { PROJECTION_VERSION } from './version'

// `npm run indexer -- rebuild`: recomputes every projection from raw_logs (and the pinned reads in
// raw_reads) in one transaction, through the same handlers and in the same order as live indexing,
// so the rows come out identical. Unfinal blocks get their undo images again.

/** What projecting needs of the configuration: the contracts whose logs are decoded, and those DAO actions may call. */
export type ProjectionConfig = Pick<IndexerConfig, 'contracts' | 'actionTargets'>

export function rebuildProjections({
  sqlite,
  chainId,
  config,
  logger,
  pageSize = 5_000,
}: {
  sqlite: Database.Database
  chainId: number
  config: ProjectionConfig
  logger: Logger
  pageSize?: number
}): { events: number; ms: number } {
  const started = Date.now()
  const decode = createDecoder(config.contracts)
  const store = createProjectionStore(sqlite, chainId)
  const actionTargets = new Map<string, string>(config.actionTargets.map((c) => [c.address, c.kind]))
  const project = createProjector({ sqlite, chainId, store, logger, actionTargets })
  const checkpoints = createCheckpointStore(sqlite, chainId)
  const page = sqlite.prepare(
    `SELECT ${rawLogColumns}
     FROM raw_logs WHERE chain_id = ? AND (block_number, transaction_index, log_index) > (?, ?, ?)
     ORDER BY block_number, transaction_index, log_index LIMIT ?`,
  )
  let events = 0
  sqlite.transaction(() => {
    const checkpoint = checkpoints.get()
    const finalized = checkpoint ? checkpoint.chainHead - checkpoint.finalityDepth : Number.MAX_SAFE_INTEGER
    clearProjections(sqlite, chainId)
    store.begin()
    project.begin()
    let cursor: [number, number, number] = [-1, -1, -1]
    for (;;) {
      const rows = page.all(chainId, ...cursor, pageSize) as RawLogRow[]
      if (rows.length === 0) break
      for (const row of rows) {
        const log = logFromRow(row)
        const event = decode(log)
        if (event) {
          store.setUndoBlock(row.blockNumber > finalized ? row.blockNumber : null)
          project.apply(log, event)
        }
        events++
      }
      const last = rows.at(-1)!
      cursor = [last.blockNumber, last.transactionIndex, last.logIndex]
    }
    store.setUndoBlock(null)
    store.flush()
    project.flush()
    checkpoints.markProjectionsCurrent()
  }).immediate()
  return { events, ms: Date.now() - started }
}

/**
 * Rebuilds the projections when an older projection code wrote them (see version.ts): run before
 * indexing, so the indexer never adds rows of one version to rows of another. Returns whether it did.
 */
export function rebuildIfOutdated(args: { sqlite: Database.Database; chainId: number; config: ProjectionConfig; logger: Logger }): boolean {
  const checkpoint = createCheckpointStore(args.sqlite, args.chainId).get()
  if (!checkpoint || checkpoint.projectionVersion === PROJECTION_VERSION) return false
  const result = rebuildProjections(args)
  args.logger.info('rebuilt the projections from the raw logs: they were written by an older indexer', {
    from: checkpoint.projectionVersion,
    to: PROJECTION_VERSION,
    ...result,
  })
  return true
}
