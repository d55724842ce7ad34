import { describe, expect, it } from 'vitest'
import { boundedChainRead } from './bounded-chain-read.server'

// The page's wait on a chain read is bounded; the answer still arrives for the next visit.

describe('boundedChainRead', () => {
  it('answers within its wait while the RPC hangs, and has the answer once it lands', async () => {
    let release: (value: string) => void = () => {}
    let calls = 0
    const read = () => {
      calls++
      return new Promise<string>((resolve) => (release = resolve))
    }
    const started = Date.now()
    expect(await boundedChainRead('hung', read, { freshMs: 60_000, waitMs: 50 })).toBeNull()
    expect(Date.now() - started).toBeLessThan(1_000)
    // A second visit while the read hangs starts no second read.
    expect(await boundedChainRead('hung', read, { freshMs: 60_000, waitMs: 20 })).toBeNull()
    expect(calls).toBe(1)
    release('1 ETH')
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(await boundedChainRead('hung', read, { freshMs: 60_000, waitMs: 20 })).toBe('1 ETH')
    expect(calls).toBe(1)
  })

  it('gives a quick answer on the same visit, and reads again once it is stale; a failure keeps the last answer', async () => {
    let answer = 'first'
    let fail = false
    const read = async () => {
      if (fail) throw new Error('RPC down')
      return answer
    }
    expect(await boundedChainRead('quick', read, { freshMs: 30 })).toBe('first')
    answer = 'second'
    expect(await boundedChainRead('quick', read, { freshMs: 30 })).toBe('first')
    await new Promise((resolve) => setTimeout(resolve, 40))
    expect(await boundedChainRead('quick', read, { freshMs: 30 })).toBe('second')
    fail = true
    await new Promise((resolve) => setTimeout(resolve, 40))
    expect(await boundedChainRead('quick', read, { freshMs: 30 })).toBe('second')
  })
})
