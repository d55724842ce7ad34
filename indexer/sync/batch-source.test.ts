import type { Hex } from 'viem'
import { describe, expect, it } from 'vitest'
import { silentLogger } from '../logger'
import { createLearningTurns, type LearningTurn } from '../reads/learning-turns'
import type { Eth, RpcLog } from '../rpc/eth'
import { fetchRangeBatch } from './batch-source'
import type { RangeFetcher } from './fetch-range'

// The learning turns of ranges fetched at once (reads/learning-turns.ts), through fetchRangeBatch:
// a range plans its reads only after the ranges asked for before it have learned, and a range
// that fails still lets the later ones go on. The node here is in memory, so each range's answer
// can be held back or failed at will; read-order.test.ts covers the same through anvil.

const hash = (n: number) => `0x${n.toString(16).padStart(64, '0')}` as Hex

function heldNode() {
  const answers = new Map<number, { resolve: (logs: RpcLog[]) => void; reject: (error: Error) => void }>()
  const fetcher = {
    fetchLogs: (fromBlock: number) => new Promise<RpcLog[]>((resolve, reject) => answers.set(fromBlock, { resolve, reject })),
  } as unknown as RangeFetcher
  const eth = { header: async (n: number) => ({ number: n, hash: hash(n), parentHash: hash(n - 1), timestamp: n }) } as unknown as Eth
  return { fetcher, eth, answers }
}

/** Fetches block ranges 1, 2 and 3 at once; records when each one got to plan its reads. */
function fetchThree() {
  const node = heldNode()
  const deps = { eth: node.eth, fetcher: node.fetcher, logger: silentLogger, turns: createLearningTurns() }
  const planned: number[] = []
  const prepare = (block: number) => async (_logs: RpcLog[], turn: LearningTurn) => {
    turn.learned()
    await turn.previousLearned
    planned.push(block)
    return { entries: [], reads: [] }
  }
  const ranges = [1, 2, 3].map((block) => fetchRangeBatch(deps, { fromBlock: block, toBlock: block, chainHead: 10 }, prepare(block)))
  for (const range of ranges) range.catch(() => {})
  return { ranges, planned, answers: node.answers }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 10))

describe('learning turns of ranges fetched at once', () => {
  it('plan a range’s reads only once every earlier range has learned', async () => {
    const { ranges, planned, answers } = fetchThree()
    await settle()
    answers.get(3)!.resolve([])
    answers.get(2)!.resolve([])
    await settle()
    expect(planned).toEqual([]) // range 1 has not answered yet

    answers.get(1)!.resolve([])
    await Promise.all(ranges)
    expect(planned).toEqual([1, 2, 3])
  })

  it('let the ranges after a failed one go on', async () => {
    const { ranges, planned, answers } = fetchThree()
    await settle()
    answers.get(2)!.resolve([])
    answers.get(3)!.resolve([])
    answers.get(1)!.reject(new Error('execution reverted'))

    await expect(ranges[0]).rejects.toThrow('execution reverted')
    await Promise.all(ranges.slice(1))
    expect(planned).toEqual([2, 3])
  }, 5_000)
})
