import type { Logger } from '../logger'
import { isRetryable, RangeTooLargeError, RpcTimeoutError, StateUnavailableError } from '../errors'
import { sleep } from '../sleep'
import { createHttpTransport, type HttpTransport, type JsonRpcCall } from './transport'

// The RPC client every indexer component uses: retries what isRetryable says may succeed again, with
// exponential backoff and jitter, alternating to the fallback URL when one is configured; never
// retries anything else, except that state a pruned endpoint no longer has is asked of the other
// one (an archive node). A range the node refuses as too large is the caller's to split.

export type RpcClientOptions = {
  url: string
  fallbackUrl?: string
  logger: Logger
  timeoutMs?: number
  /** Attempts per call, first one included. */
  maxAttempts?: number
  baseDelayMs?: number
  maxDelayMs?: number
  signal?: AbortSignal
}

export type RequestOptions = {
  timeoutMs?: number
  maxAttempts?: number
  /** false: a timeout is thrown at once (eth_getLogs splits the range instead of asking again). */
  retryTimeouts?: boolean
}

export type RpcClient = {
  request: <T = unknown>(method: string, params: unknown[], options?: RequestOptions) => Promise<T>
  batch: <T = unknown>(calls: JsonRpcCall[], options?: RequestOptions) => Promise<T[]>
  urls: string[]
}

export function createRpcClient(options: RpcClientOptions): RpcClient {
  const timeoutMs = options.timeoutMs ?? 10_000
  const transports: HttpTransport[] = [createHttpTransport({ url: options.url, timeoutMs })]
  if (options.fallbackUrl) transports.push(createHttpTransport({ url: options.fallbackUrl, timeoutMs }))
  const maxAttempts = options.maxAttempts ?? 10
  const baseDelay = options.baseDelayMs ?? 100
  const maxDelay = options.maxDelayMs ?? 3_000

  // Sticky failover: after a failure the next attempt goes to the other endpoint, and whichever
  // answered last is asked first; the primary gets another chance every 30 s.
  let preferred = 0
  let preferredSince = 0

  async function withRetry<T>(
    label: string,
    run: (transport: HttpTransport) => Promise<T>,
    attempts: number,
    retryTimeouts = true,
  ): Promise<T> {
    let lastError: unknown
    /** Endpoints that said they lack the state asked about: not asked again for this call. */
    const stateless = new Set<number>()
    for (let attempt = 0; attempt < attempts; attempt++) {
      options.signal?.throwIfAborted()
      if (preferred !== 0 && Date.now() - preferredSince > 30_000) preferred = 0
      let index = (preferred + attempt) % transports.length
      if (stateless.has(index)) index = transports.findIndex((_, i) => !stateless.has(i))
      const transport = transports[index]!
      try {
        const result = await run(transport)
        // A pruned primary is still healthy: only failures make the fallback the preferred endpoint.
        if (index !== preferred && stateless.size === 0) {
          preferred = index
          preferredSince = Date.now()
          options.logger.warn('rpc failover', { to: index === 0 ? 'primary' : 'fallback' })
        }
        return result
      } catch (error) {
        if (options.signal?.aborted) throw options.signal.reason
        if (error instanceof StateUnavailableError) {
          stateless.add(index)
          lastError = error
          if (stateless.size === transports.length) throw error
          options.logger.debug('rpc state unavailable, asking the other endpoint', { method: label, error: error.message })
          continue
        }
        if (!isRetryable(error) || error instanceof RangeTooLargeError) throw error
        if (!retryTimeouts && error instanceof RpcTimeoutError) throw error
        lastError = error
        if (attempt + 1 >= attempts) break
        const delay = Math.min(maxDelay, baseDelay * 2 ** attempt) * (0.5 + Math.random() * 0.5)
        options.logger.debug('rpc retry', { method: label, attempt: attempt + 1, delayMs: Math.round(delay), error: (error as Error).message })
        await sleep(delay, options.signal)
      }
    }
    throw lastError
  }

  return {
    urls: transports.map((t) => t.url),
    request: <T>(method: string, params: unknown[], requestOptions: RequestOptions = {}) =>
      withRetry(
        method,
        (t) => t.request({ method, params }, { timeoutMs: requestOptions.timeoutMs, signal: options.signal }) as Promise<T>,
        requestOptions.maxAttempts ?? maxAttempts,
        requestOptions.retryTimeouts,
      ),
    batch: <T>(calls: JsonRpcCall[], requestOptions: RequestOptions = {}) =>
      withRetry(
        calls[0]?.method ?? 'batch',
        (t) => t.batch(calls, { timeoutMs: requestOptions.timeoutMs, signal: options.signal }) as Promise<T[]>,
        requestOptions.maxAttempts ?? maxAttempts,
      ),
  }
}
