import type Database from 'better-sqlite3'
import type { Db } from '#db/client'
import type { DocumentKind } from '#documents/kinds'
import type { Logger } from '../logger'
import { sleep } from '../sleep'
import { MetadataRejectedError } from '../errors'
import { parseDocument } from './documents'
import { fetchMetadataBytes } from './fetch'

// Resolves the metadata URIs the projections registered (status 'pending'), outside the batch
// transactions so events never wait on IPFS. A failure is a state ('unavailable' or 'invalid',
// shown as "metadata unavailable") retried later with a growing delay; success fills the document
// and the titles of the rows that point at it.

export type MetadataResolverOptions = {
  sqlite: Database.Database
  db: Db
  chainId: number
  gatewayUrl: string
  timeoutMs: number
  maxBytes: number
  retryAfterMs: number
  concurrency: number
  logger: Logger
  signal: AbortSignal
  now?: () => number
}

const MAX_RETRY_MS = 24 * 3600_000

export function createMetadataResolver(options: MetadataResolverOptions) {
  const { sqlite, chainId, logger } = options
  const now = options.now ?? Date.now
  const due = sqlite.prepare(
    "SELECT uri, kind, attempts FROM metadata_documents WHERE chain_id = ? AND status != 'ok' AND next_attempt_at <= ? ORDER BY next_attempt_at, uri LIMIT ?",
  )
  const saveOk = sqlite.prepare(
    "UPDATE metadata_documents SET status = 'ok', title = ?, content = ?, error = NULL, attempts = attempts + 1, next_attempt_at = 0, fetched_at = ? WHERE chain_id = ? AND uri = ?",
  )
  const saveFailure = sqlite.prepare(
    'UPDATE metadata_documents SET status = ?, error = ?, attempts = attempts + 1, next_attempt_at = ?, fetched_at = ? WHERE chain_id = ? AND uri = ?',
  )
  const titleTasks = sqlite.prepare('UPDATE tasks SET title = ? WHERE chain_id = ? AND metadata_uri = ?')
  const titleProposals = sqlite.prepare('UPDATE dao_proposals SET title = ? WHERE chain_id = ? AND metadata_uri = ?')
  let wake: (() => void) | undefined

  async function resolveOne(row: { uri: string; kind: DocumentKind; attempts: number }) {
    try {
      const { bytes, source } = await fetchMetadataBytes(row.uri, options)
      const { content, title } = parseDocument(row.kind, bytes)
      sqlite.transaction(() => {
        saveOk.run(title, JSON.stringify(content), now(), chainId, row.uri)
        if (row.kind === 'task') titleTasks.run(title, chainId, row.uri)
        if (row.kind === 'proposal') titleProposals.run(title, chainId, row.uri)
      })()
      logger.debug('metadata resolved', { uri: row.uri, source })
    } catch (error) {
      if (options.signal.aborted) return
      // Rejected bytes (and documents of the wrong shape) are invalid; anything else may work later.
      const invalid = error instanceof MetadataRejectedError
      const delay = Math.min(MAX_RETRY_MS, options.retryAfterMs * 2 ** Math.min(row.attempts, 12))
      saveFailure.run(invalid ? 'invalid' : 'unavailable', (error as Error).message.slice(0, 300), now() + delay, now(), chainId, row.uri)
      logger.debug('metadata unavailable', { uri: row.uri, error: (error as Error).message, retryInMs: delay })
    }
  }

  /** Resolves what is due now; returns how many documents were attempted. */
  async function resolveDue(limit = 64): Promise<number> {
    const rows = due.all(chainId, now(), limit) as { uri: string; kind: DocumentKind; attempts: number }[]
    const queue = [...rows]
    const worker = async () => {
      for (let row = queue.shift(); row && !options.signal.aborted; row = queue.shift()) await resolveOne(row)
    }
    await Promise.all(Array.from({ length: Math.min(options.concurrency, queue.length) }, worker))
    return rows.length
  }

  async function run() {
    while (!options.signal.aborted) {
      const attempted = await resolveDue()
      if (attempted > 0) continue
      await Promise.race([
        sleep(1_000, options.signal).catch(() => {}),
        new Promise<void>((resolve) => (wake = resolve)),
      ])
      wake = undefined
    }
  }

  return {
    run,
    resolveDue,
    /** New URIs may be pending (a batch was written): look now rather than at the next second. */
    notify: () => wake?.(),
  }
}
