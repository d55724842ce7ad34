import { RetryableError, RpcTimeoutError, type RpcError } from '../errors'
import { classifyHttpStatus, classifyJsonRpcError } from './classify'

// One JSON-RPC endpoint over HTTP. No retries here: it turns every failure into a classified
// error (see ../errors.ts) and leaves the policy to the client.

export type JsonRpcCall = { method: string; params: unknown[] }

export type HttpTransport = {
  url: string
  request: (call: JsonRpcCall, options?: { timeoutMs?: number; signal?: AbortSignal }) => Promise<unknown>
  /** Several calls in one HTTP request; fails as a whole if any call fails. */
  batch: (calls: JsonRpcCall[], options?: { timeoutMs?: number; signal?: AbortSignal }) => Promise<unknown[]>
}

type JsonRpcResponse = { id?: number; result?: unknown; error?: { code?: number; message?: string; data?: unknown } }

export function createHttpTransport({ url, timeoutMs: defaultTimeout = 10_000 }: { url: string; timeoutMs?: number }): HttpTransport {
  let nextId = 1

  async function post(body: unknown, method: string, timeoutMs: number, signal?: AbortSignal): Promise<unknown> {
    // One controller per request, tied to the caller's signal by a listener removed afterwards
    // (AbortSignal.any would leave listeners on the long-lived indexer signal).
    const controller = new AbortController()
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      controller.abort()
    }, timeoutMs)
    const onAbort = () => controller.abort(signal?.reason)
    signal?.addEventListener('abort', onAbort, { once: true })
    let res: Response
    let text: string
    try {
      signal?.throwIfAborted()
      res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: controller.signal,
      })
      text = await res.text()
    } catch (error) {
      if (signal?.aborted) throw signal.reason ?? error
      if (timedOut) throw new RpcTimeoutError(`${method}: no answer within ${timeoutMs} ms`, { method, url }, { cause: error })
      throw new RetryableError(`${method}: ${(error as Error).cause ? String((error as Error & { cause: unknown }).cause) : (error as Error).message}`, { method, url }, { cause: error })
    } finally {
      clearTimeout(timer)
      signal?.removeEventListener('abort', onAbort)
    }
    if (!res.ok) throw classifyHttpStatus(res.status, text, method, url)
    try {
      return JSON.parse(text)
    } catch (error) {
      throw new RetryableError(`${method}: malformed JSON response (${text.slice(0, 80)})`, { method, url }, { cause: error })
    }
  }

  function unwrap(response: JsonRpcResponse | undefined, method: string): unknown {
    if (!response || typeof response !== 'object') throw new RetryableError(`${method}: empty response`, { method, url })
    if (response.error) throw classifyJsonRpcError(response.error, method, url)
    if (!('result' in response)) throw new RetryableError(`${method}: response without result`, { method, url })
    return response.result
  }

  return {
    url,
    async request(call, options = {}) {
      const id = nextId++
      const body = { jsonrpc: '2.0', id, method: call.method, params: call.params }
      const response = (await post(body, call.method, options.timeoutMs ?? defaultTimeout, options.signal)) as JsonRpcResponse
      if (Array.isArray(response)) throw new RetryableError(`${call.method}: unexpected batch response`, { method: call.method, url })
      return unwrap(response, call.method)
    },
    async batch(calls, options = {}) {
      if (calls.length === 0) return []
      const first = nextId
      nextId += calls.length
      const body = calls.map((call, i) => ({ jsonrpc: '2.0', id: first + i, method: call.method, params: call.params }))
      const label = calls[0]!.method
      const response = await post(body, label, options.timeoutMs ?? defaultTimeout, options.signal)
      if (!Array.isArray(response)) {
        // Some nodes answer a whole batch with one error object (e.g. batch too large).
        throw unwrapError(response as JsonRpcResponse, label)
      }
      const byId = new Map<number, JsonRpcResponse>()
      for (const item of response as JsonRpcResponse[]) if (typeof item?.id === 'number') byId.set(item.id, item)
      return calls.map((call, i) => unwrap(byId.get(first + i), call.method))
    },
  }

  function unwrapError(response: JsonRpcResponse, method: string): RpcError {
    if (response?.error) return classifyJsonRpcError(response.error, method, url)
    return new RetryableError(`${method}: malformed batch response`, { method, url })
  }
}
