import type { Hex } from 'viem'
import type { RpcLog } from '../rpc/eth'
import type { IndexedLog } from '../rpc/eth'

// Reading stored raw logs back as logs, for what replays them (rebuild, reread): the columns under
// the log's field names, and the topics parsed from their JSON.

/** The raw_logs columns of a log, as a SELECT list naming them like RpcLog's fields. */
export const rawLogColumns = `block_hash AS blockHash, log_index AS logIndex, block_number AS blockNumber, block_timestamp AS blockTimestamp,
  transaction_hash AS transactionHash, transaction_index AS transactionIndex, address, topics, data`

export type RawLogRow = Omit<RpcLog, 'topics' | 'blockTimestamp'> & { blockTimestamp: number; topics: string }

export function logFromRow(row: RawLogRow): IndexedLog {
  return { ...row, topics: JSON.parse(row.topics) as Hex[] }
}
