import { createPublicClient, webSocket } from 'viem'
import type { Logger } from '../logger'
import { sleep } from '../sleep'

// Between realtime ticks the indexer waits for the next block. With a websocket endpoint it
// subscribes to new heads (eth_subscribe "newHeads") and wakes as soon as one arrives; the poll
// interval still bounds every wait, so a dropped or silent subscription only costs latency.
// viem's websocket transport reconnects and subscribes again after a drop.

export type HeadWatcher = {
  /** Resolves at the next new head, or after `ms`, whichever comes first (rejects when aborted). */
  wait: (ms: number) => Promise<void>
  /** Resolves true once the node confirmed the subscription, false without one. */
  subscribed: () => Promise<boolean>
  close: () => void
}

export function createHeadWatcher({ wsUrl, logger, signal }: { wsUrl?: string; logger: Logger; signal: AbortSignal }): HeadWatcher {
  if (!wsUrl) return { wait: (ms) => sleep(ms, signal), subscribed: async () => false, close: () => {} }

  /** Heads seen so far, and the count the last wait started from: a head between waits is not missed. */
  let heads = 0
  let seen = 0
  let wake: (() => void) | undefined
  let lastErrorLog = 0
  const failed = (error: Error) => {
    // A flapping endpoint would log on every attempt: once a minute is enough to notice.
    if (Date.now() - lastErrorLog < 60_000) return
    lastErrorLog = Date.now()
    logger.warn('head subscription failed, polling until it is back', { error: error.message.split('\n')[0] })
  }
  const transport = webSocket(wsUrl, { reconnect: { attempts: Number.MAX_SAFE_INTEGER, delay: 2_000 }, keepAlive: { interval: 30_000 } })
  const client = createPublicClient({ transport })
  let closed = false
  let retry: NodeJS.Timeout | undefined
  let subscription: Promise<{ unsubscribe: () => Promise<unknown> } | undefined>
  /** Subscribes; an endpoint down at the start is asked again every 30 s (polling meanwhile). */
  const subscribe = () =>
    (subscription = client.transport
      .subscribe({
        params: ['newHeads'],
        onData: () => {
          heads++
          wake?.()
        },
        onError: failed,
      })
      .catch((error: Error) => {
        failed(error)
        if (!closed) retry = setTimeout(subscribe, 30_000).unref()
        return undefined
      }))
  const first = subscribe().then((s) => s !== undefined)

  const close = () => {
    if (closed) return
    closed = true
    clearTimeout(retry)
    void subscription
      .then((s) => s?.unsubscribe())
      .then(() => client.transport.getRpcClient())
      .then((socket) => socket.close())
      .catch(() => {})
  }
  signal.addEventListener('abort', close, { once: true })

  return {
    async wait(ms) {
      if (heads !== seen) {
        seen = heads
        return
      }
      signal.throwIfAborted()
      try {
        await new Promise<void>((resolve, reject) => {
          const done = () => {
            clearTimeout(timer)
            signal.removeEventListener('abort', aborted)
            resolve()
          }
          const aborted = () => {
            clearTimeout(timer)
            reject(signal.reason)
          }
          const timer = setTimeout(done, ms)
          wake = done
          signal.addEventListener('abort', aborted, { once: true })
        })
      } finally {
        wake = undefined
        seen = heads
      }
    },
    subscribed: () => first,
    close,
  }
}
