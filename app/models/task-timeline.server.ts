import { decodeEventLog, pad, toHex, type Hex } from 'viem'
import { tasksAbi } from '../../contracts-abi/Tasks'
import type { Db } from '../../db/client'
import { ensureTaskSearch, RAW_LOGS_TOPIC1, sqliteOf } from './task-search.server'

// Every event of one task, from the raw logs (the indexer's source of truth), each with its
// transaction. Every Tasks event indexes the task id first, so topic 1 finds them all through
// the expression index that task-search.server.ts keeps on raw_logs.

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue }

export type TimelineEvent = {
  name: string
  args: Record<string, JsonValue>
  blockNumber: number
  logIndex: number
  timestamp: number
  transactionHash: string
}

export function getTaskTimeline(
  db: Db,
  { chainId, taskId, tasksAddress }: { chainId: number; taskId: number; tasksAddress: string },
): TimelineEvent[] {
  ensureTaskSearch(sqliteOf(db))
  const rows = sqliteOf(db)
    .prepare(
      `SELECT block_number AS blockNumber, log_index AS logIndex, block_timestamp AS timestamp,
              transaction_hash AS transactionHash, address, topics, data
       FROM raw_logs
       WHERE chain_id = ? AND ${RAW_LOGS_TOPIC1} = ?
       ORDER BY block_number, transaction_index, log_index`,
    )
    .all(chainId, pad(toHex(BigInt(taskId)), { size: 32 })) as {
    blockNumber: number
    logIndex: number
    timestamp: number
    transactionHash: string
    address: string
    topics: string
    data: Hex
  }[]
  const address = tasksAddress.toLowerCase()
  return rows.flatMap((row) => {
    if (row.address.toLowerCase() !== address) return []
    try {
      const decoded = decodeEventLog({
        abi: tasksAbi,
        topics: JSON.parse(row.topics) as [Hex, ...Hex[]],
        data: row.data,
        strict: true,
      })
      return [
        {
          name: decoded.eventName,
          args: toJson(decoded.args ?? {}) as Record<string, JsonValue>,
          blockNumber: row.blockNumber,
          logIndex: row.logIndex,
          timestamp: row.timestamp,
          transactionHash: row.transactionHash,
        },
      ]
    } catch {
      return []
    }
  })
}

/** Decoded ABI values → JSON (bigints as decimal strings), so they survive serialization. */
function toJson(value: unknown): JsonValue {
  if (typeof value === 'bigint') return value.toString()
  if (Array.isArray(value)) return value.map(toJson)
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toJson(item)]))
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value
  return null
}
