import type { Hex } from 'viem'
import type { IndexedLog } from '../rpc/eth'

// A range's logs as three flat buffers instead of an object graph, for the trip from the fetch
// worker to the thread that writes SQLite. Cloning ~2,000 log objects per range cost that thread
// about as much as writing them, and the copies lived in its heap until their batch was written,
// so every young-generation GC copied them again. Buffers are transferred (no copy, off the V8
// heap), and each log object is made only when the writer reaches it, and dies right after.

/** The string fields, in order: address, block hash, transaction hash, data, topics 0–3. */
const FIELDS = 8
/** The number fields: block number, block timestamp, transaction index, log index, topic count. */
const NUMBERS = 5

export type PackedLogs = {
  count: number
  /** Every string field's characters (hex, so one byte each). */
  text: Uint8Array
  /** Start and end of each string field in `text`: count × FIELDS × 2. */
  spans: Uint32Array
  numbers: Float64Array
}

const fieldsOf = (log: IndexedLog, topic: number) =>
  topic === 0 ? log.address : topic === 1 ? log.blockHash : topic === 2 ? log.transactionHash : topic === 3 ? log.data : log.topics[topic - 4]

/**
 * Packs logs, or returns undefined if a field is not plain ASCII (which the node's hex never
 * is): such a range then travels as objects, so nothing is stored other than it was received.
 * A field equal to the previous log's (block hash, transaction hash, address) is stored once.
 */
export function packLogs(logs: readonly IndexedLog[]): PackedLogs | undefined {
  const count = logs.length
  let length = 0
  for (const log of logs) {
    length += log.address.length + log.blockHash.length + log.transactionHash.length + log.data.length
    for (const t of log.topics) length += t.length
  }
  if (logs.some((log) => log.topics.length > FIELDS - 4)) return undefined
  const text = Buffer.allocUnsafeSlow(length)
  const spans = new Uint32Array(count * FIELDS * 2)
  const numbers = new Float64Array(count * NUMBERS)
  let offset = 0
  for (let i = 0; i < count; i++) {
    const log = logs[i]!
    const previous = i > 0 ? logs[i - 1]! : undefined
    for (let f = 0; f < FIELDS; f++) {
      const at = (i * FIELDS + f) * 2
      const value = fieldsOf(log, f)
      if (value === undefined) continue
      if (previous && f < 3 && fieldsOf(previous, f) === value) {
        spans[at] = spans[at - FIELDS * 2]!
        spans[at + 1] = spans[at + 1 - FIELDS * 2]!
        continue
      }
      const written = text.write(value, offset, 'utf8')
      if (written !== value.length) return undefined
      spans[at] = offset
      spans[at + 1] = offset += written
    }
    const n = i * NUMBERS
    numbers[n] = log.blockNumber
    numbers[n + 1] = log.blockTimestamp
    numbers[n + 2] = log.transactionIndex
    numbers[n + 3] = log.logIndex
    numbers[n + 4] = log.topics.length
  }
  return { count, text: text.subarray(0, offset), spans, numbers }
}

/** The buffers to transfer with a message carrying packed logs. */
export const packedBuffers = (packed: PackedLogs): ArrayBuffer[] =>
  [packed.text.buffer, packed.spans.buffer, packed.numbers.buffer] as ArrayBuffer[]

/** Reads packed logs back, one log at a time, in order (reusing strings shared with the previous log). */
export function createPackedReader(packed: PackedLogs) {
  // A Buffer view over the transferred bytes: toString('latin1') is the cheapest way back to a string.
  const text = Buffer.from(packed.text.buffer, packed.text.byteOffset, packed.text.byteLength)
  const { spans, numbers } = packed
  let previous: IndexedLog | undefined
  let previousIndex = -1

  const field = (i: number, f: number): string => {
    const at = (i * FIELDS + f) * 2
    if (previous && previousIndex === i - 1 && f < 3 && spans[at] === spans[at - FIELDS * 2]) return fieldsOf(previous, f)!
    return text.toString('latin1', spans[at]!, spans[at + 1]!)
  }

  return {
    count: packed.count,
    log(i: number): IndexedLog {
      const n = i * NUMBERS
      const topicCount = numbers[n + 4]!
      const topics: Hex[] = new Array(topicCount)
      for (let t = 0; t < topicCount; t++) topics[t] = field(i, 4 + t) as Hex
      const log: IndexedLog = {
        address: field(i, 0) as Hex,
        topics,
        data: field(i, 3) as Hex,
        blockHash: field(i, 1) as Hex,
        blockNumber: numbers[n]!,
        blockTimestamp: numbers[n + 1]!,
        transactionHash: field(i, 2) as Hex,
        transactionIndex: numbers[n + 2]!,
        logIndex: numbers[n + 3]!,
      }
      previous = log
      previousIndex = i
      return log
    },
  }
}

/** Whether packed lists are, one after another, in strictly increasing log order (as eth_getLogs answers them). */
export function packedInOrder(lists: readonly PackedLogs[]): boolean {
  let block = -1
  let transaction = -1
  let index = -1
  for (const { count, numbers } of lists) {
    for (let n = 0; n < count * NUMBERS; n += NUMBERS) {
      const b = numbers[n]!
      const t = numbers[n + 2]!
      const l = numbers[n + 3]!
      if (b < block || (b === block && (t < transaction || (t === transaction && l <= index)))) return false
      block = b
      transaction = t
      index = l
    }
  }
  return true
}

/** Every log of a packed list as objects (for the rare batch that mixes packed and object logs). */
export function unpackLogs(packed: PackedLogs): IndexedLog[] {
  const reader = createPackedReader(packed)
  return Array.from({ length: packed.count }, (_, i) => reader.log(i))
}
