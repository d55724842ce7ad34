import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openDatabase } from '#db/client'
import { getTaskDetail } from '../app/models/task-detail.server'
import { useAnvil } from '../test/setup'
import { digestChain } from './digest'
import { silentLogger } from './logger'
import { createRpcClient } from './rpc/client'
import { createEth } from './rpc/eth'
import { rebuildProjections } from './projections/rebuild'
import { OutOfOrderBatchError } from './errors'
import { createIndexer } from './sync/indexer'
import { exited, indexOnce, spawnCli, testConfig, testEnv } from './testing/harness'
import { startRpcProxy, type RpcProxy } from './testing/rpc-proxy'
import { emptyProjections } from './testing/projection-coverage'
import { generateWorkload } from './testing/workload'
import { deployWorld, type World } from './testing/world'

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

/** The rows of a direct index of the chain (no proxy), made once: what every faulty run must equal. */
let direct: ReturnType<typeof digestChain> | undefined
async function directDigest() {
  if (direct) return direct
  const db = freshDb('direct')
  await indexOnce({ sqlite: db.sqlite, config: testConfig(rpcUrl, world.deployment) })
  direct = digestChain(db.sqlite, world.deployment.chainId)
  db.close()
  return direct
}

describe('RPC faults', () => {
  it('indexes the same rows through a proxy failing 20% of requests', async () => {
    const expected = await directDigest()
    expect(expected.tables.raw_logs!.rows).toBeGreaterThan(2000)
    expect(emptyProjections(expected)).toEqual([])

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
    faulty.close()
  }, 90_000)

  it('falls back to RPC_FALLBACK_URL when the primary is down', async () => {
    const db = freshDb('fallback')
    const config = testConfig('http://127.0.0.1:9', world.deployment, { RPC_FALLBACK_URL: rpcUrl })
    expect(config.fallbackRpcUrl).toBe(rpcUrl)
    await indexOnce({ sqlite: db.sqlite, config })
    expect(digestChain(db.sqlite, world.deployment.chainId)).toEqual(await directDigest())
    db.close()
  }, 60_000)
})

describe('a pruned (non-archive) node', () => {
  const captureWarnings = () => {
    const warnings: string[] = []
    return { warnings, logger: { ...silentLogger, warn: (msg: string) => void warnings.push(msg) } }
  }

  it('asks the archive fallback for old state only, and stays on the primary for the rest', async () => {
    const pruned = await startRpcProxy({ upstream: rpcUrl, prunedState: true })
    const archive = await startRpcProxy({ upstream: rpcUrl })
    proxies.push(pruned, archive)
    const db = freshDb('pruned-with-archive')
    const { warnings, logger } = captureWarnings()
    // Through the fetch worker, as the CLI backfills: the error class must survive the thread boundary.
    const config = testConfig(pruned.url, world.deployment, { RPC_FALLBACK_URL: archive.url, INDEXER_FETCH_WORKER: 'on' })
    await indexOnce({ sqlite: db.sqlite, config, logger })

    expect(pruned.faultsInjected.get('prunedState') ?? 0).toBeGreaterThan(10)
    expect(digestChain(db.sqlite, world.deployment.chainId)).toEqual(await directDigest())
    expect(warnings).not.toContain('escrow read missing after BudgetChanged')
    // A pruned primary is not a failing one: logs and heads keep coming from it.
    expect(warnings).not.toContain('rpc failover')
    expect(archive.requests.get('eth_getLogs') ?? 0).toBe(0)
    expect(pruned.requests.get('eth_getLogs') ?? 0).toBeGreaterThan(0)
    db.close()
  }, 60_000)

  it('without a fallback, indexes every event and stores the reads it could not make as failures', async () => {
    const pruned = await startRpcProxy({ upstream: rpcUrl, prunedState: true })
    proxies.push(pruned)
    const db = freshDb('pruned-alone')
    const { warnings, logger } = captureWarnings()
    await indexOnce({ sqlite: db.sqlite, config: testConfig(pruned.url, world.deployment), logger })

    const actual = digestChain(db.sqlite, world.deployment.chainId)
    expect(actual.tables.raw_logs).toEqual((await directDigest()).tables.raw_logs)
    expect(warnings).toContain('escrow read missing after BudgetChanged')
    const failures = db.sqlite.prepare("SELECT count(*) FROM raw_reads WHERE result LIKE '%missing trie node%'").pluck().get() as number
    expect(failures).toBeGreaterThan(0)
    // The task page says which budgets predate a change the portal could not read.
    const outdated = db.sqlite.prepare("SELECT task_id FROM tasks WHERE budget_read_error LIKE '%missing trie node%'").pluck().all() as number[]
    expect(outdated.length).toBeGreaterThan(0)
    const detail = (taskId: number) => getTaskDetail(db.db, { chainId: world.deployment.chainId, taskId })!
    expect(detail(outdated[0]!).budgetOutdated).toBe(true)
    const known = db.sqlite.prepare('SELECT task_id FROM tasks WHERE budget_read_error IS NULL').pluck().get() as number
    expect(detail(known).budgetOutdated).toBe(false)
    // The failures are stored with the reads, so a rebuild gives the same rows.
    rebuildProjections({ sqlite: db.sqlite, chainId: world.deployment.chainId, config: testConfig(rpcUrl, world.deployment), logger: silentLogger })
    expect(digestChain(db.sqlite, world.deployment.chainId)).toEqual(actual)
    // Missing state is not a refusal of eth_call state overrides: no fallback to one request per balance.
    expect(pruned.requests.get('eth_getBalance') ?? 0).toBe(0)
    db.close()
  }, 60_000)

  it('`reread` makes the failed reads again once an archive node answers, giving the rows of a direct index', async () => {
    const pruned = await startRpcProxy({ upstream: rpcUrl, prunedState: true })
    proxies.push(pruned)
    const file = path.join(dir, 'pruned-then-reread.sqlite')
    const db = openDatabase(file)
    await indexOnce({ sqlite: db.sqlite, config: testConfig(pruned.url, world.deployment), logger: silentLogger })
    const failedKinds = () =>
      db.sqlite.prepare("SELECT kind, count(*) AS n FROM raw_reads WHERE json_type(result, '$.error') IS NOT NULL GROUP BY kind ORDER BY kind").all()
    expect(failedKinds()).toEqual([
      { kind: 'escrowBalances', n: expect.any(Number) },
      { kind: 'proposalParams', n: expect.any(Number) },
      { kind: 'tokenMetadata', n: expect.any(Number) },
    ])
    const before = digestChain(db.sqlite, world.deployment.chainId)
    const failed = (failedKinds() as { n: number }[]).reduce((sum, k) => sum + k.n, 0)

    // Still only the pruned node: nothing can be answered, so nothing changes, and the command says why.
    const env = testEnv(pruned.url, world.deployment, file)
    const again = spawnCli(['reread'], env)
    expect(await exited(again)).toBe(1)
    expect(again.output()).toContain('some reads still fail')
    expect(again.output()).toContain(`"stillFailing":${failed}`)
    expect(digestChain(db.sqlite, world.deployment.chainId)).toEqual(before)

    // With an archive node as the fallback, as the README says: every failure is answered.
    const repaired = spawnCli(['reread'], { ...env, RPC_FALLBACK_URL: rpcUrl })
    expect(await exited(repaired)).toBe(0)
    expect(repaired.output()).toContain(`"repaired":${failed}`)
    expect(failedKinds()).toEqual([])
    expect(digestChain(db.sqlite, world.deployment.chainId)).toEqual(await directDigest())
    db.close()
  }, 90_000)
})

describe('a locked database', () => {
  it('waits for another writer to let go, then indexes the same rows', async () => {
    const file = path.join(dir, 'locked.sqlite')
    const db = openDatabase(file)
    // Shorter than the 5 s default, so the lock outlasts it in a short test.
    db.sqlite.pragma('busy_timeout = 50')
    // Another process holding the write lock (the web app, or sqlite3 left open in a transaction).
    const other = openDatabase(file, { migrate: false })
    other.sqlite.exec('BEGIN IMMEDIATE')
    const released = new Promise<void>((resolve) =>
      setTimeout(() => {
        other.sqlite.exec('COMMIT')
        resolve()
      }, 1_500),
    )
    const retries: unknown[] = []
    const logger = { ...silentLogger, warn: (msg: string, fields?: Record<string, unknown>) => void (msg === 'sync error, retrying' && retries.push(fields?.error)) }
    await indexOnce({ sqlite: db.sqlite, config: testConfig(rpcUrl, world.deployment), logger })
    await released
    expect(retries.length).toBeGreaterThan(0)
    expect(retries[0]).toMatch(/database is locked/)
    expect(digestChain(db.sqlite, world.deployment.chainId)).toEqual(await directDigest())
    other.close()
    db.close()
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

    expect(digestChain(db.sqlite, world.deployment.chainId)).toEqual(await directDigest())
    db.close()
  }, 60_000)
})
