import type Database from 'better-sqlite3'
import type { Hex } from 'viem'
import { createDecoder } from '../decode/decoder'
import type { Logger } from '../logger'
import { rebuildProjections, type ProjectionConfig } from '../projections/rebuild'
import type { Eth } from '../rpc/eth'
import { logFromRow, rawLogColumns, type RawLogRow } from '../store/raw-log-rows'
import { createTaskInfoCache } from './escrow'
import { createReadPlanner, eventsNeedingReads } from './plan'

// `npm run indexer -- reread`: the pinned reads that failed (a pruned node without the old state,
// most often) are made again, through the same planner and at the same block hashes, and every
// answer replaces its stored failure; then the projections are rebuilt from the logs and reads, so
// the rows equal those of an index that never met the failure. Reads that fail again stay stored
// as failures. The network reads happen before the transaction; the replacement and the rebuild
// are one transaction, so a crash leaves either the old rows or the new ones.

export type RereadResult = {
  /** Failed reads found. */
  failed: number
  /** Of those, answered now and replaced. */
  repaired: number
  /** Of those, failing again (still stored as failures). */
  stillFailing: number
  /** The rebuild, when any read was replaced. */
  rebuilt: { events: number; ms: number } | null
}

type FailedRead = { blockHash: Hex; kind: string; key: string }

/** Block hashes whose events are read again per planner call, to bound memory on a large database. */
const BLOCKS_PER_ROUND = 200

export async function rereadFailedReads({
  sqlite,
  chainId,
  eth,
  config,
  logger,
}: {
  sqlite: Database.Database
  chainId: number
  eth: Eth
  config: ProjectionConfig
  logger: Logger
}): Promise<RereadResult> {
  const { contracts } = config
  const failedReads = sqlite
    .prepare(
      `SELECT block_hash AS blockHash, kind, key FROM raw_reads
       WHERE chain_id = ? AND json_type(result, '$.error') IS NOT NULL ORDER BY block_number, kind, key`,
    )
    .all(chainId) as FailedRead[]
  if (failedReads.length === 0) return { failed: 0, repaired: 0, stillFailing: 0, rebuilt: null }

  const wanted = new Set(failedReads.map(readId))
  const blockHashes = [...new Set(failedReads.map((r) => r.blockHash))]
  const decode = createDecoder(contracts, { only: eventsNeedingReads })
  // A fresh cache: what a task's escrow is gets read again at the block, like the first time.
  const readsFor = createReadPlanner({ eth, tasks: contracts.find((c) => c.kind === 'tasks')?.address, cache: createTaskInfoCache() })
  const logsAt = sqlite.prepare(
    `SELECT ${rawLogColumns} FROM raw_logs WHERE chain_id = ? AND block_hash = ? ORDER BY transaction_index, log_index`,
  )

  const answers = new Map<string, string>()
  for (let i = 0; i < blockHashes.length; i += BLOCKS_PER_ROUND) {
    const entries: Parameters<typeof readsFor>[0] = []
    for (const blockHash of blockHashes.slice(i, i + BLOCKS_PER_ROUND)) {
      for (const row of logsAt.all(chainId, blockHash) as RawLogRow[]) {
        const log = logFromRow(row)
        const event = decode(log)
        if (event) entries.push({ log, event })
      }
    }
    for (const read of await readsFor(entries)) {
      const id = readId(read)
      if (wanted.has(id) && !isFailure(read.result)) answers.set(id, read.result)
    }
  }

  let rebuilt: RereadResult['rebuilt'] = null
  if (answers.size > 0) {
    const replace = sqlite.prepare('UPDATE raw_reads SET result = ? WHERE chain_id = ? AND block_hash = ? AND kind = ? AND key = ?')
    sqlite
      .transaction(() => {
        for (const read of failedReads) {
          const answer = answers.get(readId(read))
          if (answer !== undefined) replace.run(answer, chainId, read.blockHash, read.kind, read.key)
        }
        rebuilt = rebuildProjections({ sqlite, chainId, config, logger })
      })
      .immediate()
  }
  return { failed: failedReads.length, repaired: answers.size, stillFailing: failedReads.length - answers.size, rebuilt }
}

const readId = (r: FailedRead) => `${r.blockHash}\u0000${r.kind}\u0000${r.key}`

function isFailure(result: string): boolean {
  const parsed = JSON.parse(result) as unknown
  return typeof parsed === 'object' && parsed !== null && 'error' in parsed
}
