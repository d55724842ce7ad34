import { afterEach, describe, expect, it, vi } from 'vitest'
import { createChainHeadMonitor, type ChainHeadMonitor } from './chain-head.server'

// The background loop that reads the chain head: one read at a time, each bounded by the timeout.
// Waits poll for the state (vi.waitFor) rather than sleep a fixed time, so a loaded machine that
// runs timers late does not fail them; what must NOT happen is measured over a fixed window.

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
let monitor: ChainHeadMonitor | undefined
afterEach(() => monitor?.stop())

describe('the chain head monitor', () => {
  it('reads the head in the background and keeps the newest answer', async () => {
    let head = 10
    monitor = createChainHeadMonitor({ readHead: async () => BigInt(head++), intervalMs: 20, timeoutMs: 100 })
    expect(monitor.reading().rpc).toBe('unknown')
    await vi.waitFor(() => expect(monitor!.reading()).toMatchObject({ rpc: 'ok', error: null, head: expect.any(Number) }), { timeout: 5_000 })
    await vi.waitFor(() => expect(monitor!.reading().head).toBeGreaterThan(10), { timeout: 5_000 })
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
    await vi.waitFor(() => expect(monitor!.reading()).toMatchObject({ rpc: 'ok', head: 7 }), { timeout: 5_000 })
    hang = true
    await vi.waitFor(() => expect(monitor!.reading()).toMatchObject({ rpc: 'unreachable', head: 7, error: 'no answer within 80 ms' }), { timeout: 5_000 })
    // One hung read at a time: each holds the loop for its 80 ms timeout, so 400 ms see at most
    // about 6 reads start (timers may run late, never early); stacked reads every 10 ms would be ~40.
    const callsBefore = calls
    await wait(400)
    expect(calls - callsBefore).toBeLessThanOrEqual(6)
    expect(monitor.reading()).toMatchObject({ rpc: 'unreachable', head: 7 })
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
    await vi.waitFor(
      () => expect(monitor!.reading()).toMatchObject({ rpc: 'unreachable', head: null, error: 'fetch failed: connect ECONNREFUSED 127.0.0.1:1' }),
      { timeout: 5_000 },
    )
    refuse = false
    await vi.waitFor(() => expect(monitor!.reading()).toMatchObject({ rpc: 'ok', head: 3 }), { timeout: 5_000 })
  })
})
