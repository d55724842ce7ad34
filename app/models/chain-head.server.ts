import { getRpcClient } from './rpc-client.server'

// The chain head as the web process last read it. One loop per process asks the RPC every few
// seconds, each read bounded by a timeout, and pages read the latest answer: no request ever
// waits on the chain, and an RPC that is down or hangs shows on every page as "unreachable"
// within one interval plus the timeout.

export type ChainHeadReading = {
  /** The newest head read (it may be old when the RPC stopped answering); null before any answer. */
  head: number | null
  /** ok: the last read answered; unreachable: it failed or timed out; unknown: no read has finished yet. */
  rpc: 'ok' | 'unreachable' | 'unknown'
  /** When the last read answered (ms since epoch). */
  answeredAt: number | null
  /** Why the last read failed. */
  error: string | null
}

export type ChainHeadMonitor = { reading: () => ChainHeadReading; stop: () => void }

export type ChainHeadMonitorOptions = {
  readHead: () => Promise<bigint | number>
  intervalMs: number
  timeoutMs: number
  now?: () => number
}

export function createChainHeadMonitor({ readHead, intervalMs, timeoutMs, now = Date.now }: ChainHeadMonitorOptions): ChainHeadMonitor {
  let reading: ChainHeadReading = { head: null, rpc: 'unknown', answeredAt: null, error: null }
  let timer: NodeJS.Timeout | undefined
  let stopped = false

  async function readOnce() {
    let timeout: NodeJS.Timeout | undefined
    try {
      const head = await Promise.race([
        readHead(),
        new Promise<never>((_, reject) => {
          timeout = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs)
        }),
      ])
      reading = { head: Number(head), rpc: 'ok', answeredAt: now(), error: null }
    } catch (error) {
      reading = { ...reading, rpc: 'unreachable', error: (error as Error).message.split('\n')[0]!.slice(0, 200) }
    } finally {
      clearTimeout(timeout)
    }
  }

  // One read at a time: the next starts an interval after the previous one ended.
  async function loop() {
    await readOnce()
    if (stopped) return
    timer = setTimeout(loop, intervalMs)
    // The loop never keeps a process alive on its own (tests, scripts that import a loader).
    timer.unref()
  }
  void loop()

  return {
    reading: () => reading,
    stop: () => {
      stopped = true
      clearTimeout(timer)
    },
  }
}

const HEAD_INTERVAL_MS = 2_000
const HEAD_TIMEOUT_MS = 1_500

const globalForHead = globalThis as unknown as { portalChainHead?: ChainHeadMonitor }

/** The web process's reading of the chain head; the first call starts the loop. */
export function getChainHeadReading(): ChainHeadReading {
  globalForHead.portalChainHead ??= createChainHeadMonitor({
    readHead: () => getRpcClient().getBlockNumber({ cacheTime: 0 }),
    intervalMs: HEAD_INTERVAL_MS,
    timeoutMs: HEAD_TIMEOUT_MS,
  })
  return globalForHead.portalChainHead.reading()
}
