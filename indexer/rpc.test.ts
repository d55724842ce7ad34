import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { silentLogger } from './logger'
import { createRpcClient } from './rpc/client'
import { errorFromWire, errorToWire, NonRetryableError, RangeTooLargeError, RetryableError, RpcTimeoutError, StateUnavailableError } from './errors'
import { classifyHttpStatus, classifyJsonRpcError } from './rpc/classify'
import { createEth } from './rpc/eth'
import { createRangeFetcher } from './sync/fetch-range'
import { createRangePlanner } from './sync/range-planner'

// The RPC client's policy against a scripted node: what is retried (with backoff), what never is,
// how eth_getLogs ranges shrink, and how the planner adapts.

type Script = (call: { method: string; params: unknown[] }, n: number) => { status?: number; body?: unknown; hang?: boolean }
let script: Script = () => ({ body: '0x1' })
const calls: string[] = []
let server: http.Server
let url = ''

beforeAll(async () => {
  server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const call = JSON.parse(Buffer.concat(chunks).toString())
    calls.push(call.method)
    const answer = script(call, calls.length)
    if (answer.hang) return
    if (answer.status && answer.status !== 200) return res.writeHead(answer.status).end('nope')
    const body = answer.body as { error?: unknown } | undefined
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify(body && typeof body === 'object' && 'error' in body ? { jsonrpc: '2.0', id: call.id, error: body.error } : { jsonrpc: '2.0', id: call.id, result: answer.body }),
    )
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => {
  server.closeAllConnections()
  return new Promise<void>((resolve) => server.close(() => resolve()))
})

function client(options: { timeoutMs?: number } = {}) {
  calls.length = 0
  return createRpcClient({ url, logger: silentLogger, baseDelayMs: 5, maxDelayMs: 20, maxAttempts: 5, timeoutMs: options.timeoutMs ?? 2_000 })
}

describe('error classification', () => {
  it('tells retryable, non-retryable and range errors apart', () => {
    expect(classifyJsonRpcError({ code: -32005, message: 'query returned more than 10000 results' }, 'eth_getLogs')).toBeInstanceOf(RangeTooLargeError)
    expect(classifyJsonRpcError({ code: -32602, message: 'Log response size exceeded. You can make eth_getLogs requests with up to a 2K block range' }, 'eth_getLogs')).toBeInstanceOf(RangeTooLargeError)
    expect(classifyJsonRpcError({ code: 3, message: 'execution reverted' }, 'eth_call')).toBeInstanceOf(NonRetryableError)
    expect(classifyJsonRpcError({ code: -32602, message: 'invalid params' }, 'eth_getBalance')).toBeInstanceOf(NonRetryableError)
    expect(classifyJsonRpcError({ code: -32601, message: 'method not found' }, 'eth_foo')).toBeInstanceOf(NonRetryableError)
    expect(classifyJsonRpcError({ code: -32603, message: 'internal error' }, 'eth_call')).toBeInstanceOf(RetryableError)
    const pruned = classifyJsonRpcError({ code: -32000, message: 'missing trie node 1a2b (path )' }, 'eth_call')
    expect(pruned).toBeInstanceOf(StateUnavailableError)
    expect(pruned).toBeInstanceOf(NonRetryableError)
    // As the fetch worker sends it to the indexer's thread.
    expect(errorFromWire(errorToWire(pruned))).toBeInstanceOf(StateUnavailableError)
    expect(classifyJsonRpcError({ code: -32000, message: 'header not found' }, 'eth_call')).toBeInstanceOf(RetryableError)
    // Anvil, asked about a block it is still storing: there a moment later. Below its height: never (a restarted devnet).
    const ahead = classifyJsonRpcError({ code: -32602, message: 'BlockOutOfRangeError: block height is 194 but requested was 195' }, 'eth_call')
    expect(ahead).toBeInstanceOf(RetryableError)
    const behind = classifyJsonRpcError({ code: -32602, message: 'BlockOutOfRangeError: block height is 194 but requested was 111' }, 'eth_call')
    expect(behind).toBeInstanceOf(NonRetryableError)
    expect(behind).not.toBeInstanceOf(RetryableError)
    expect(classifyHttpStatus(429, '', 'eth_call')).toBeInstanceOf(RetryableError)
    expect(classifyHttpStatus(503, '', 'eth_call')).toBeInstanceOf(RetryableError)
    expect(classifyHttpStatus(413, '', 'eth_getLogs')).toBeInstanceOf(RangeTooLargeError)
    expect(classifyHttpStatus(401, '', 'eth_call')).toBeInstanceOf(NonRetryableError)
    const hinted = classifyJsonRpcError({ message: 'Log response size exceeded. this block range should work: [0x10, 0x1f]' }, 'eth_getLogs')
    expect((hinted as RangeTooLargeError).suggestedToBlock).toBe(0x1f)
  })
})

describe('retries', () => {
  it('retries HTTP 500 and 429 with backoff until an answer', async () => {
    const rpc = client()
    script = (_c, n) => (n === 1 ? { status: 500 } : n === 2 ? { status: 429 } : { body: '0x2a' })
    expect(await rpc.request('eth_blockNumber', [])).toBe('0x2a')
    expect(calls).toHaveLength(3)
  })

  it('never retries a revert or invalid params', async () => {
    const rpc = client()
    script = () => ({ body: { error: { code: 3, message: 'execution reverted: NotManager()' } } })
    await expect(rpc.request('eth_call', [{}])).rejects.toBeInstanceOf(NonRetryableError)
    expect(calls).toHaveLength(1)
    calls.length = 0
    script = () => ({ body: { error: { code: -32602, message: 'invalid argument 0' } } })
    await expect(rpc.request('eth_getBalance', ['nope'])).rejects.toBeInstanceOf(NonRetryableError)
    expect(calls).toHaveLength(1)
  })

  it('gives up after the attempts with the last retryable error', async () => {
    const rpc = client()
    script = () => ({ status: 503 })
    await expect(rpc.request('eth_blockNumber', [])).rejects.toBeInstanceOf(RetryableError)
    expect(calls).toHaveLength(5)
  })

  it('times out a request that never answers', async () => {
    const rpc = client({ timeoutMs: 100 })
    script = () => ({ hang: true })
    await expect(rpc.request('eth_getLogs', [{}], { retryTimeouts: false })).rejects.toBeInstanceOf(RpcTimeoutError)
    expect(calls).toHaveLength(1)
  })
})

describe('eth_getLogs ranges', () => {
  it('splits a range the node refuses and keeps the logs in order', async () => {
    const eth = createEth(client())
    const planner = createRangePlanner({ initialBlocks: 1_000, targetLogs: 100 })
    // One log per block; refuse ranges wider than 8 blocks like a provider with a result cap.
    script = (c) => {
      const { fromBlock, toBlock } = c.params[0] as { fromBlock: string; toBlock: string }
      const from = Number.parseInt(fromBlock, 16)
      const to = Number.parseInt(toBlock, 16)
      if (to - from + 1 > 8) return { body: { error: { code: -32005, message: 'query returned more than 10000 results' } } }
      return {
        body: Array.from({ length: to - from + 1 }, (_, i) => ({
          address: '0x0000000000000000000000000000000000000001',
          topics: [],
          data: '0x',
          blockHash: `0x${(from + i).toString(16).padStart(64, '0')}`,
          blockNumber: `0x${(from + i).toString(16)}`,
          transactionHash: `0x${'ab'.repeat(32)}`,
          transactionIndex: '0x0',
          logIndex: '0x0',
        })),
      }
    }
    const fetcher = createRangeFetcher({ eth, addresses: [], planner, decode: () => undefined, readsFor: async () => [], logger: silentLogger })
    const logs = await fetcher.fetchLogs(0, 99)
    expect(logs.map((l) => l.blockNumber)).toEqual(Array.from({ length: 100 }, (_, i) => i))
    expect(planner.size()).toBeLessThanOrEqual(8)
  })

  it('grows ranges while answers are small and aims at the target log count', () => {
    const planner = createRangePlanner({ initialBlocks: 100, maxBlocks: 10_000, targetLogs: 1_000 })
    planner.onSuccess(100, 0)
    expect(planner.size()).toBe(200)
    planner.onSuccess(200, 1_000)
    expect(planner.size()).toBe(200)
    planner.onSuccess(200, 4_000)
    expect(planner.size()).toBe(50)
    planner.onTooLarge(50)
    expect(planner.size()).toBe(25)
    for (let i = 0; i < 5; i++) planner.onSuccess(25, 0)
    expect(planner.size()).toBe(25) // capped by the ceiling for a while after a refusal
  })
})
