import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../db/client'
import { useAnvil } from '../test/setup'
import { digestChain } from './digest'
import { silentLogger } from './logger'
import { createRpcClient } from './rpc/client'
import { createEth } from './rpc/eth'
import { OutOfOrderBatchError } from './store/apply-batch'
import { createIndexer } from './sync/indexer'
import { indexOnce, testConfig } from './testing/harness'
import { startRpcProxy, type RpcProxy } from './testing/rpc-proxy'
import { deployWorld, generateWorkload, type World } from './testing/workload'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

// The indexer against a bad provider: the same chain indexed through a proxy that fails 20% of
// requests (HTTP 500, 429, timeouts, "more than 10000 results"), refuses big answers, and
// duplicates and shuffles logs must give exactly the rows of a direct index.

let world: World
let rpcUrl: string
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'indexer-faults-'))
const proxies: RpcProxy[] = []
afterAll(async () => {
  for (const p of proxies) await p.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

beforeAll(async () => {
  const anvil = await useAnvil()
  rpcUrl = anvil.rpcUrl
  world = await deployWorld(rpcUrl)
  await generateWorkload(world, { events: 2500, seed: 7, tasksPerCohort: 80 })
}, 60_000)

function freshDb(name: string) {
  return openDatabase(path.join(dir, `${name}.sqlite`))
}

describe('RPC faults', () => {
  it('indexes the same rows through a proxy failing 20% of requests', async () => {
    const direct = freshDb('direct')
    await indexOnce({ sqlite: direct.sqlite, config: testConfig(rpcUrl, world.deployment) })
    const expected = digestChain(direct.sqlite, world.deployment.chainId)
    expect(expected.tables.raw_logs!.rows).toBeGreaterThan(2000)

    const proxy = await startRpcProxy({
      upstream: rpcUrl,
      faults: { http500: 0.07, http429: 0.07, timeout: 0.03, tooManyResults: 0.03 },
      maxLogs: 400,
      scrambleLogs: true,
      holdMs: 2_000,
      seed: 3,
      eachFaultFirst: true,
    })
    proxies.push(proxy)
    const faulty = freshDb('faulty')
    // Through the fetch worker, as the CLI backfills: its errors must cross the thread boundary
    // as the classes the retry logic knows, and its rows equal the in-process ones above.
    const config = testConfig(proxy.url, world.deployment, {
      INDEXER_FETCH_WORKER: 'on',
      INDEXER_RPC_TIMEOUT_MS: '800',
      INDEXER_GETLOGS_TIMEOUT_MS: '800',
      INDEXER_INITIAL_BLOCK_RANGE: '100000',
    })
    const warnings: string[] = []
    const logger = { ...silentLogger, warn: (msg: string) => void warnings.push(msg) }
    await indexOnce({ sqlite: faulty.sqlite, config: { ...config, rpcUrl: proxy.url }, logger })
    expect(warnings).not.toContain('fetch worker stopped, fetching on the indexer thread')
    const actual = digestChain(faulty.sqlite, world.deployment.chainId)
    expect(actual).toEqual(expected)
    for (const kind of ['http500', 'http429', 'timeout', 'tooManyResults', 'scrambled']) {
      expect(proxy.faultsInjected.get(kind) ?? 0, kind).toBeGreaterThan(0)
    }
    direct.close()
    faulty.close()
  }, 90_000)

  it('falls back to RPC_FALLBACK_URL when the primary is down', async () => {
    const db = freshDb('fallback')
    const config = testConfig('http://127.0.0.1:9', world.deployment, { RPC_FALLBACK_URL: rpcUrl })
    expect(config.fallbackRpcUrl).toBe(rpcUrl)
    await indexOnce({ sqlite: db.sqlite, config })
    const direct = openDatabase(path.join(dir, 'direct.sqlite'))
    expect(digestChain(db.sqlite, world.deployment.chainId)).toEqual(digestChain(direct.sqlite, world.deployment.chainId))
    db.close()
    direct.close()
  }, 60_000)
})

describe('duplicated and out-of-order deliveries', () => {
  it('never count twice', async () => {
    const db = freshDb('deliveries')
    const config = testConfig(rpcUrl, world.deployment, { FINALITY_DEPTH: '0' })
    const abort = new AbortController()
    const eth = createEth(createRpcClient({ url: rpcUrl, logger: silentLogger }))
    const indexer = createIndexer({ sqlite: db.sqlite, eth, config, logger: silentLogger, signal: abort.signal })
    const head = await eth.blockNumber()
    const mid = Math.floor((config.startBlock + head) / 2)
    const batchOf = async (from: number, to: number) => {
      const logs = await indexer.fetcher.fetchLogs(from, to)
      // Every log twice, in reverse order.
      const scrambled = [...logs, ...logs].reverse()
      const { entries, reads } = await indexer.fetcher.prepare(scrambled)
      const header = (await eth.header(to))!
      return { fromBlock: from, toBlock: to, toBlockHash: header.hash, chainHead: head, entries, reads, headers: [header], recordUndo: false }
    }
    const first = await batchOf(config.startBlock, mid)
    expect(indexer.writer.write(first)).toBe(new Set(first.entries.map((e) => `${e.log.blockHash}:${e.log.logIndex}`)).size)
    const afterFirst = digestChain(db.sqlite, world.deployment.chainId)
    // The same batch delivered again is refused whole: it does not continue the checkpoint.
    expect(() => indexer.writer.write(first)).toThrow(OutOfOrderBatchError)
    // A later batch delivered early is refused too.
    const third = await batchOf(mid + 2, head)
    expect(() => indexer.writer.write(third)).toThrow(OutOfOrderBatchError)
    expect(digestChain(db.sqlite, world.deployment.chainId)).toEqual(afterFirst)
    indexer.writer.write(await batchOf(mid + 1, head))

    const direct = openDatabase(path.join(dir, 'direct.sqlite'))
    expect(digestChain(db.sqlite, world.deployment.chainId)).toEqual(digestChain(direct.sqlite, world.deployment.chainId))
    direct.close()
    db.close()
  }, 60_000)
})
