import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { rpc } from './chain'

// A JSON-RPC proxy for tests, bound to 127.0.0.1, that makes a healthy node look like a bad
// provider: HTTP 500 and 429, requests that never answer, "query returned more than 10000
// results" on eth_getLogs, log lists with duplicated and shuffled entries, and a pruned node's
// "missing trie node" for state read at a given block. Deterministic for a given seed. Counts
// what it forwarded, per method, for assertions; can show each call to a test and hold chosen
// requests back.

export type FaultRates = {
  http500?: number
  http429?: number
  /** Hold the request without answering (the client must time out). */
  timeout?: number
  /** eth_getLogs only: answer "query returned more than 10000 results". */
  tooManyResults?: number
}

export type ProxyOptions = {
  upstream: string
  faults?: FaultRates
  seed?: number
  /** Like real providers: refuse eth_getLogs answers with more logs than this. */
  maxLogs?: number
  /** Duplicate and shuffle the entries of eth_getLogs answers. */
  scrambleLogs?: boolean
  /** How long a "timeout" request is held before the socket is dropped. */
  holdMs?: number
  /** Inject each configured fault kind once on the first requests (so a short run sees all of them). */
  eachFaultFirst?: boolean
  /** Sees every call forwarded or faulted (each call of a batch), before anything else happens. */
  onCall?: (call: { method: string; params: unknown[] }) => void
  /** Answer state reads pinned to a block (eth_call, eth_getBalance…) as a pruned, non-archive node does. */
  prunedState?: boolean
  /** Holds a single (unbatched) request this long before handling it: answers can be made to come back in another order. */
  delayMs?: (call: { method: string; params: unknown[] }) => number
  /**
   * Answer state reads pinned to the node's newest block from its live state, as anvil does, after
   * `meanwhile` (run once, at the first such read) has mined another block: the answer then holds
   * that block's changes, which the block read does not have.
   */
  headReadsFromLiveState?: { meanwhile: () => Promise<void> }
}

export type RpcProxy = {
  url: string
  requests: Map<string, number>
  faultsInjected: Map<string, number>
  setFaults: (faults: FaultRates) => void
  close: () => Promise<void>
}

type JsonRpcRequest = { id: unknown; method: string; params: unknown[] }

const stateMethods = new Set(['eth_call', 'eth_getBalance', 'eth_getCode', 'eth_getStorageAt'])
/** Where a state read's block parameter is in its params. */
const blockParam = (call: JsonRpcRequest) => (call.method === 'eth_getStorageAt' ? 2 : 1)

/** The block hash a state read is pinned to (EIP-1898 `{ blockHash }`), if it is. */
function pinnedHash(call: JsonRpcRequest): string | undefined {
  if (!stateMethods.has(call.method)) return undefined
  const block = call.params[blockParam(call)] as { blockHash?: string } | undefined
  return typeof block === 'object' && block !== null && typeof block.blockHash === 'string' ? block.blockHash : undefined
}

/** A state read at a given block (a number or EIP-1898 block hash), not at the head. */
function readsPastState(call: JsonRpcRequest): boolean {
  if (!stateMethods.has(call.method)) return false
  const block = call.params[blockParam(call)]
  return block !== undefined && block !== 'latest' && block !== 'pending'
}

export async function startRpcProxy(options: ProxyOptions): Promise<RpcProxy> {
  let faults = options.faults ?? {}
  let state = (options.seed ?? 42) >>> 0
  const rand = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const requests = new Map<string, number>()
  const faultsInjected = new Map<string, number>()
  const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1)
  const held = new Set<http.ServerResponse>()
  let meanwhileDone = false

  /** Re-points reads of the newest block at 'latest', once another block has been mined (headReadsFromLiveState). */
  async function readHeadFromLiveState(calls: JsonRpcRequest[], live: { meanwhile: () => Promise<void> }) {
    const pinned = calls.filter((c) => pinnedHash(c) !== undefined)
    if (pinned.length === 0) return
    const head = await rpc<{ hash: string }>(options.upstream, 'eth_getBlockByNumber', ['latest', false])
    for (const call of pinned) {
      if (pinnedHash(call)!.toLowerCase() !== head.hash.toLowerCase()) continue
      if (!meanwhileDone) {
        meanwhileDone = true
        await live.meanwhile()
      }
      count(faultsInjected, 'headReadFromLiveState')
      call.params[blockParam(call)] = 'latest'
    }
  }

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    let body: JsonRpcRequest | JsonRpcRequest[]
    try {
      body = JSON.parse(Buffer.concat(chunks).toString())
    } catch {
      res.writeHead(400).end('bad json')
      return
    }
    const calls = Array.isArray(body) ? body : [body]
    for (const c of calls) {
      count(requests, c.method)
      options.onCall?.(c)
    }
    const getLogs = !Array.isArray(body) && body.method === 'eth_getLogs'
    const delay = Array.isArray(body) ? 0 : (options.delayMs?.(body) ?? 0)
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay))

    // Forced first occurrences (eachFaultFirst): a roll just inside that fault's band.
    let roll = rand()
    if (options.eachFaultFirst) {
      const order: (keyof FaultRates)[] = ['http500', 'http429', 'timeout', 'tooManyResults']
      let base = 0
      for (const kind of order) {
        const rate = faults[kind] ?? 0
        if (rate > 0 && !faultsInjected.has(kind) && (kind !== 'tooManyResults' || getLogs)) {
          roll = base
          break
        }
        base += kind === 'tooManyResults' && !getLogs ? 0 : rate
      }
    }
    let edge = faults.http500 ?? 0
    if (roll < edge) {
      count(faultsInjected, 'http500')
      res.writeHead(500, { 'content-type': 'text/plain' }).end('internal server error')
      return
    }
    edge += faults.http429 ?? 0
    if (roll < edge) {
      count(faultsInjected, 'http429')
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '1' }).end('{"error":"rate limited"}')
      return
    }
    edge += faults.timeout ?? 0
    if (roll < edge) {
      count(faultsInjected, 'timeout')
      held.add(res)
      setTimeout(() => {
        held.delete(res)
        res.destroy()
      }, options.holdMs ?? 5_000)
      return
    }
    edge += getLogs ? (faults.tooManyResults ?? 0) : 0
    if (roll < edge) {
      count(faultsInjected, 'tooManyResults')
      return reply(res, { jsonrpc: '2.0', id: (body as JsonRpcRequest).id, error: { code: -32005, message: 'query returned more than 10000 results' } })
    }

    if (options.headReadsFromLiveState) await readHeadFromLiveState(calls, options.headReadsFromLiveState)
    let upstream: Response
    try {
      upstream = await fetch(options.upstream, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    } catch {
      res.writeHead(502).end('upstream unreachable')
      return
    }
    const text = await upstream.text()
    const pruned = options.prunedState ? new Set(calls.filter(readsPastState).map((c) => c.id)) : undefined
    if (pruned && pruned.size > 0) {
      type Answer = { id: unknown }
      const forget = (answer: Answer) => {
        if (!pruned.has(answer.id)) return answer
        count(faultsInjected, 'prunedState')
        return { jsonrpc: '2.0', id: answer.id, error: { code: -32000, message: 'missing trie node 5a4b… (path ) state is not available' } }
      }
      const answer = JSON.parse(text) as Answer | Answer[]
      return reply(res, Array.isArray(answer) ? answer.map(forget) : forget(answer))
    }
    if (!getLogs || (!options.maxLogs && !options.scrambleLogs)) {
      res.writeHead(upstream.status, { 'content-type': 'application/json' }).end(text)
      return
    }
    const answer = JSON.parse(text) as { id: unknown; result?: unknown[] }
    if (Array.isArray(answer.result) && options.maxLogs && answer.result.length > options.maxLogs) {
      count(faultsInjected, 'tooManyResults')
      return reply(res, { jsonrpc: '2.0', id: answer.id, error: { code: -32005, message: `query returned more than ${options.maxLogs} results` } })
    }
    if (Array.isArray(answer.result) && options.scrambleLogs && answer.result.length > 0) {
      const logs = [...answer.result]
      for (let i = 0; i < Math.ceil(logs.length / 10); i++) logs.push(logs[Math.floor(rand() * logs.length)])
      for (let i = logs.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1))
        ;[logs[i], logs[j]] = [logs[j], logs[i]]
      }
      count(faultsInjected, 'scrambled')
      answer.result = logs
    }
    reply(res, answer)
  })

  function reply(res: http.ServerResponse, value: unknown) {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(value))
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    faultsInjected,
    setFaults: (next) => (faults = next),
    close: async () => {
      for (const res of held) res.destroy()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
