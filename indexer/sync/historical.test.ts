import type { Hex } from 'viem'
import { describe, expect, it } from 'vitest'
import { silentLogger } from '../logger'
import type { Batch } from '../store/batch'
import type { IndexedLog } from '../rpc/eth'
import type { BatchWriter } from '../store/apply-batch'
import type { BatchSource } from './batch-source'
import { createHistoricalSync } from './historical'
import { createRangePlanner } from './range-planner'

// The backfill's scheduling: which ranges it asks for, and when, while one is held up. The source
// here is in memory (one block per range, a chosen number of logs each) and the writer only
// records what it is given: the real source and writer are covered against anvil and SQLite by
// the kill, fault and reorg tests. This is about order and look-ahead, which those cannot pin down.

const hash = (n: number) => `0x${n.toString(16).padStart(64, '0')}` as Hex
const log = (block: number, index: number): IndexedLog => ({
  address: hash(0).slice(0, 42) as Hex,
  topics: [],
  data: '0x',
  blockHash: hash(block),
  blockNumber: block,
  blockTimestamp: block,
  transactionHash: hash(block),
  transactionIndex: 0,
  logIndex: index,
})

function batchOf(block: number, logs: number): Batch {
  return {
    fromBlock: block,
    toBlock: block,
    toBlockHash: hash(block),
    chainHead: 1_000,
    entries: Array.from({ length: logs }, (_, i) => ({ log: log(block, i) })),
    reads: [],
    headers: [{ number: block, hash: hash(block), parentHash: hash(block - 1), timestamp: block }],
    recordUndo: false,
  }
}

/** A source whose blocks answer at once, except those held until `release(block)`. */
function heldSource(logsPerBlock: number, held: number[]) {
  const asked: number[] = []
  const waiting = new Map<number, () => void>()
  const source: BatchSource = {
    fetch: async (fromBlock) => {
      asked.push(fromBlock)
      if (held.includes(fromBlock)) await new Promise<void>((resolve) => waiting.set(fromBlock, resolve))
      return batchOf(fromBlock, logsPerBlock)
    },
    ready: async () => {},
    close: async () => {},
  }
  const release = (block: number) => waiting.get(block)!()
  return { source, asked, release, isWaiting: (block: number) => waiting.has(block) }
}

function recordingWriter() {
  const written: { fromBlock: number; toBlock: number; logs: number }[] = []
  const writer = {
    write: (batch: Batch) => {
      written.push({ fromBlock: batch.fromBlock, toBlock: batch.toBlock, logs: batch.entries.length })
      return batch.entries.length
    },
  } as BatchWriter
  return { writer, written }
}

const oneBlockRanges = () => createRangePlanner({ initialBlocks: 1, maxBlocks: 1 })
const settle = () => new Promise((resolve) => setTimeout(resolve, 20))

describe('historical sync', () => {
  it('keeps fetching past a held-up range, up to its budget of fetched logs, and writes in block order', async () => {
    const { source, asked, release, isWaiting } = heldSource(10, [1])
    const { writer, written } = recordingWriter()
    const sync = createHistoricalSync({ source, planner: oneBlockRanges(), writer, logger: silentLogger, concurrency: 2, maxLogsPerTransaction: 30, maxBufferedLogs: 50 })
    const done = sync.run(1, 20, 1_000)
    await settle()
    expect(isWaiting(1)).toBe(true)
    // The writer waits on block 1; blocks 2–6 came back (50 logs buffered, the budget); block 7 was
    // asked for before the budget was full.
    // Counting ranges instead of logs would have stopped at blocks 1 and 2.
    expect(asked).toEqual([1, 2, 3, 4, 5, 6, 7])
    expect(written).toEqual([])
    release(1)
    await done
    expect(asked).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
    expect(written.map((w) => [w.fromBlock, w.toBlock])).toEqual([
      [1, 3],
      [4, 6],
      [7, 9],
      [10, 12],
      [13, 15],
      [16, 18],
      [19, 20],
    ])
    expect(written.reduce((n, w) => n + w.logs, 0)).toBe(200)
  })

  it('caps the ranges waiting behind a held-up one when they bring no logs', async () => {
    const { source, asked, release } = heldSource(0, [1])
    const { writer, written } = recordingWriter()
    const sync = createHistoricalSync({ source, planner: oneBlockRanges(), writer, logger: silentLogger, concurrency: 2, maxBufferedLogs: 50 })
    const done = sync.run(1, 100, 1_000)
    await settle()
    // The held range, which the writer waits on, and 8 × concurrency ranges queued behind it.
    expect(asked.length).toBe(1 + 2 * 8)
    release(1)
    await done
    expect(asked.length).toBe(100)
    expect(written.at(-1)?.toBlock).toBe(100)
  })

  it('asks for nothing more once a range has failed', async () => {
    let calls = 0
    const source: BatchSource = {
      fetch: async (fromBlock) => {
        calls++
        // Answers take a moment, so some are still out when the failure reaches the writer.
        await new Promise((resolve) => setTimeout(resolve, 1))
        if (fromBlock === 3) throw new Error('execution reverted')
        return batchOf(fromBlock, 1)
      },
      ready: async () => {},
      close: async () => {},
    }
    const { writer, written } = recordingWriter()
    const sync = createHistoricalSync({ source, planner: oneBlockRanges(), writer, logger: silentLogger, concurrency: 2 })
    await expect(sync.run(1, 1_000, 1_000)).rejects.toThrow('execution reverted')
    const callsAtFailure = calls
    await settle()
    expect(calls).toBe(callsAtFailure)
    expect(written.map((w) => w.toBlock).at(-1)).toBe(2)
  })
})
