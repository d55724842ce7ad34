import { afterEach, describe, expect, it } from 'vitest'
import { createChainHeadMonitor, type ChainHeadMonitor } from './chain-head.server'

// The background loop that reads the chain head: one read at a time, each bounded by the timeout.

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
let monitor: ChainHeadMonitor | undefined
afterEach(() => monitor?.stop())

describe('the chain head monitor', () => {
  it('reads the head in the background and keeps the newest answer', async () => {
    let head = 10
    monitor = createChainHeadMonitor({ readHead: async () => BigInt(head++), intervalMs: 20, timeoutMs: 100 })
    expect(monitor.reading().rpc).toBe('unknown')
    await wait(100)
    expect(monitor.reading()).toMatchObject({ rpc: 'ok', error: null })
    expect(monitor.reading().head).toBeGreaterThan(10)
  })

  it('calls a hung read unreachable after the timeout, keeps the last head, and never stacks reads', async () => {
    let calls = 0
    let hang = false
    monitor = createChainHeadMonitor({
      readHead: () => {
        calls++
        return hang ? new Promise<bigint>(() => {}) : Promise.resolve(7n)
      },
      intervalMs: 10,
      timeoutMs: 80,
    })
    await wait(30)
    expect(monitor.reading()).toMatchObject({ rpc: 'ok', head: 7 })
    hang = true
    await wait(40)
    const callsWhileHanging = calls
    await wait(60)
    expect(monitor.reading()).toMatchObject({ rpc: 'unreachable', head: 7, error: 'no answer within 80 ms' })
    // One hung read at a time: at most one more started after the first one timed out.
    expect(calls - callsWhileHanging).toBeLessThanOrEqual(1)
  })

  it('reports a refused connection with its reason, and recovers', async () => {
    let refuse = true
    monitor = createChainHeadMonitor({
      readHead: async () => {
        if (refuse) throw new Error('fetch failed: connect ECONNREFUSED 127.0.0.1:1\n    at …')
        return 3n
      },
      intervalMs: 10,
      timeoutMs: 50,
    })
    await wait(30)
    expect(monitor.reading()).toMatchObject({ rpc: 'unreachable', head: null, error: 'fetch failed: connect ECONNREFUSED 127.0.0.1:1' })
    refuse = false
    await wait(40)
    expect(monitor.reading()).toMatchObject({ rpc: 'ok', head: 3 })
  })
})
