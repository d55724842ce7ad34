import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseEther, type Hex } from 'viem'
import { envVariable } from '#config/env'
import type { Deployment } from '#config/deployment'
import { tasksAbi } from '#contracts-abi/index'
import { openDatabase } from '#db/client'
import { startAnvil } from '#devnet/anvil'
import { silentLogger } from '../logger'
import { createRpcClient } from '../rpc/client'
import { createEth, type RpcLog } from '../rpc/eth'
import { projectionSpecs } from '../store/tables'
import { blockNumber, call, rpc, transact } from '../testing/chain'
import { exited, spawnCli, testEnv } from '../testing/harness'
import type { WorkloadResult } from '../testing/workload'
import { address } from '../testing/world'
import { benchIndexerConfig, type BackfillJob, type BackfillResult } from './backfill-job'
import { openBenchDb } from './bench-db'
import { runScript } from './child'
import type { CpuTimes } from './cpu'

// `npm run bench:indexer [-- --events N --samples K --repeat R]`: on a fresh anvil with the real
// contracts, generates N mixed events (in a child process, generate.ts), then measures on the same
// data, in the same run (each measurement R times, interleaved, median reported):
//   1. the raw eth_getLogs fetch alone (same concurrency and request size, JSON parsed),
//   2. raw better-sqlite3 prepared inserts of the same rows alone: the raw logs, and every row
//      the indexer writes (raw logs, reads, projections, activity, metadata registrations),
//   3. the indexer's backfill from scratch (decode, reads, projections, checkpoints), in a fresh
//      process (backfill.ts) as the CLI runs it, and the CPU it and anvil used meanwhile (on Linux),
//      which says how busy the machine's cores were and whether the target leaves room for that much work,
// and live latency from transaction receipt to row visible with the real CLI following the head.

const args = process.argv.slice(2)
const option = (name: 'events' | 'samples' | 'repeat') => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? Number(args[i + 1]) : envVariable(`BENCH_${name.toUpperCase() as Uppercase<typeof name>}`)
}
const targetEvents = option('events')
const samples = option('samples')
const repeat = Math.max(1, option('repeat'))
const concurrency = 4
/** Issue #4's backfill target: at most this many times (fetch + inserts of the rows it writes). */
const targetRatio = 1.5
const cores = os.cpus().length
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'indexer-bench-'))
const log = (line: string) => console.log(line)
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`
const fmt = (n: number) => Math.round(n).toLocaleString('en-US')

const anvil = await startAnvil()
try {
  log(`bench: generating ${fmt(targetEvents)} events on a fresh anvil (${anvil.rpcUrl})…`)
  let started = Date.now()
  const { deployment, workload } = await generate(anvil.rpcUrl, targetEvents)
  const head = await blockNumber(anvil.rpcUrl)
  log(`bench: ${fmt(workload.events)} events in ${workload.blocks} blocks (${workload.tasks} tasks, ${workload.proposals} proposals, ${workload.actions} optimistic actions), generated in ${seconds(Date.now() - started)}`)
  // INDEXER_* tuning from the environment applies, as it would to `npm run indexer`: passed on to the backfill and CLI it starts.
  const tuning = Object.fromEntries(Object.entries(process.env).filter(([k, v]) => k.startsWith('INDEXER_') && v !== undefined)) as Record<string, string>
  const config = benchIndexerConfig(anvil.rpcUrl, deployment, tuning)
  const addresses = config.contracts.map((c) => c.address)
  // The baseline fetch splits the chain evenly into requests of about the indexer's target size.
  const span = head - config.startBlock + 1
  const blocksPerRequest = Math.max(1, Math.floor((span * config.targetLogsPerRequest) / Math.max(1, workload.events)))
  const ranges: [number, number][] = []
  for (let from = config.startBlock; from <= head; from += blocksPerRequest) ranges.push([from, Math.min(head, from + blocksPerRequest - 1)])

  // Each measurement runs `repeat` times, interleaved, and the median counts: this machine's
  // neighbours move single runs by ±20%. Each is a function, so that what one holds (logs, rows)
  // is garbage before the next starts.
  const fetchRuns: number[] = []
  const insertRuns: number[] = []
  const indexRuns: number[] = []
  const allRowsRuns: number[] = []
  const indexCpu: (CpuTimes | undefined)[] = []
  let indexed = 0
  let copied = 0

  /** 1. The fetch alone, then 2. the inserts of the raw logs alone. Returns how many logs it saw. */
  async function measureFetchAndRawInserts(run: number): Promise<number> {
    const eth = createEth(createRpcClient({ url: anvil.rpcUrl, logger: silentLogger, timeoutMs: 60_000 }))
    await eth.getLogs({ fromBlock: head, toBlock: head, address: addresses }) // warm-up
    let started = Date.now()
    const fetched: RpcLog[][] = []
    let next = 0
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < ranges.length) {
          const i = next++
          const [fromBlock, toBlock] = ranges[i]!
          fetched[i] = await eth.getLogs({ fromBlock, toBlock, address: addresses })
        }
      }),
    )
    fetchRuns.push(Date.now() - started)
    const logs = fetched.flat()

    // The same logs as raw_logs rows, one prepared statement, big transactions.
    const insertDb = openBenchDb(path.join(dir, `inserts-${run}.sqlite`), config.cacheMb)
    const insert = insertDb.sqlite.prepare(
      `INSERT INTO raw_logs (chain_id, block_hash, log_index, block_number, block_timestamp, transaction_hash, transaction_index, address, topics, data)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    started = Date.now()
    const insertAll = insertDb.sqlite.transaction((rows: RpcLog[]) => {
      for (const l of rows) {
        insert.run(config.chainId, l.blockHash, l.logIndex, l.blockNumber, l.blockTimestamp ?? 0, l.transactionHash, l.transactionIndex, l.address, JSON.stringify(l.topics), l.data)
      }
    })
    for (let i = 0; i < logs.length; i += 20_000) insertAll(logs.slice(i, i + 20_000))
    insertRuns.push(Date.now() - started)
    insertDb.close()
    return logs.length
  }

  /** 3. The indexer, from scratch, until caught up with the head, in a fresh process (backfill.ts). */
  async function measureBackfill(dbFile: string) {
    const result = await runScript<BackfillResult>(
      'backfill.ts',
      [JSON.stringify({ rpcUrl: anvil.rpcUrl, deployment, tuning, dbFile, nodePid: anvil.process.pid, verbose: args.includes('--verbose') } satisfies BackfillJob)],
      'the backfill',
    )
    indexRuns.push(result.ms)
    indexCpu.push(result.cpu)
    return result.indexed
  }

  /**
   * 2b. Every row the indexer wrote (raw logs, reads, projections, activity, metadata
   * registrations), copied with plain prepared inserts into an empty database.
   */
  function measureAllRowInserts(indexDbFile: string, run: number) {
    const indexDb = openDatabase(indexDbFile, { migrate: false })
    const allRows = copyTables(indexDb.sqlite)
    indexDb.close()
    const copyDb = openBenchDb(path.join(dir, `rows-${run}.sqlite`), config.cacheMb)
    const started = Date.now()
    let rowCount = 0
    for (const { table, columns, rows } of allRows) {
      const insertRow = copyDb.sqlite.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)
      const insertChunk = copyDb.sqlite.transaction((chunk: unknown[][]) => {
        for (const row of chunk) insertRow.run(row)
      })
      for (let i = 0; i < rows.length; i += 20_000) insertChunk(rows.slice(i, i + 20_000))
      rowCount += rows.length
    }
    allRowsRuns.push(Date.now() - started)
    copyDb.close()
    return rowCount
  }

  for (let run = 0; run < repeat; run++) {
    const fetchedLogs = await measureFetchAndRawInserts(run)
    const indexDbFile = path.join(dir, `portal-${run}.sqlite`)
    indexed = await measureBackfill(indexDbFile)
    if (indexed !== fetchedLogs) throw new Error(`the indexer stored ${indexed} logs, the fetch saw ${fetchedLogs}`)
    copied = measureAllRowInserts(indexDbFile, run)
    if (run < repeat - 1) for (const name of fs.readdirSync(dir)) fs.rmSync(path.join(dir, name), { force: true })
  }
  const fetchMs = percentile(fetchRuns, 50)
  const insertMs = percentile(insertRuns, 50)
  const indexMs = percentile(indexRuns, 50)
  const allRowsMs = percentile(allRowsRuns, 50)

  // 4. Live latency: the real CLI following the head (default poll interval), one transaction at
  // a time at random moments; from its receipt to its row being readable in SQLite. Once polling
  // only, once with a head subscription on anvil's websocket.
  const dbFile = path.join(dir, `portal-${repeat - 1}.sqlite`)
  const manager = address('bench-live')
  await rpc(anvil.rpcUrl, 'anvil_setBalance', [manager, '0x3635c9adc5dea00000'])
  let sent = 0
  async function liveLatency(extra: Record<string, string>) {
    const env = testEnv(anvil.rpcUrl, deployment, dbFile, { ...tuning, INDEXER_METADATA: 'off', ...extra })
    delete (env as Record<string, string>).POLL_INTERVAL_MS
    const child = spawnCli([], env)
    const reader = openDatabase(dbFile, { migrate: false })
    const visible = reader.sqlite.prepare('SELECT 1 FROM raw_logs WHERE transaction_hash = ?').pluck()
    const checkpoint = reader.sqlite.prepare('SELECT block_number FROM sync_checkpoints').pluck()
    while ((checkpoint.get() as number | undefined) !== (await blockNumber(anvil.rpcUrl))) await sleep(50)
    // Let the subscription open before the first sample.
    await sleep(1_000)
    const latencies: number[] = []
    for (let i = 0; i < samples; i++) {
      await sleep(Math.random() * 1_000)
      const hash = await transact(anvil.rpcUrl, {
        from: manager,
        to: deployment.contracts.tasks.address as Hex,
        data: call(tasksAbi, 'createTask', [`ipfs://bench-live-${sent++}`, 2_000_000_000n, manager, manager, [], []]),
        value: parseEther('0.001'),
      })
      const receiptAt = performance.now()
      while (!visible.get(hash.toLowerCase())) await sleep(2)
      latencies.push(performance.now() - receiptAt)
    }
    reader.close()
    child.kill('SIGTERM')
    await exited(child)
    return { p50: Math.round(percentile(latencies, 50)), p95: Math.round(percentile(latencies, 95)) }
  }
  const polled = await liveLatency({})
  const subscribed = await liveLatency({ RPC_WS_URL: anvil.rpcUrl.replace('http://', 'ws://') })

  const rawBase = fetchMs + insertMs
  const rowsBase = fetchMs + allRowsMs
  const runs = (values: number[]) => (repeat > 1 ? `   runs ${values.map((v) => (v / 1000).toFixed(2)).join(' / ')}` : '')
  log('')
  log(`indexer benchmark — ${fmt(indexed)} events, blocks ${config.startBlock}–${head}, ${cores} cores, median of ${repeat} runs`)
  log(`  eth_getLogs fetch alone                ${seconds(fetchMs).padStart(8)}   ${fmt((indexed * 1000) / fetchMs)} logs/s (${ranges.length} requests, ${concurrency} in flight)${runs(fetchRuns)}`)
  log(`  inserts of the raw logs alone          ${seconds(insertMs).padStart(8)}   ${fmt((indexed * 1000) / insertMs)} rows/s${runs(insertRuns)}`)
  log(`  inserts of all ${fmt(copied)} rows it writes ${seconds(allRowsMs).padStart(8)}   raw logs, reads, projections, activity, metadata${runs(allRowsRuns)}`)
  log(`  indexer backfill from scratch          ${seconds(indexMs).padStart(8)}   ${fmt((indexed * 1000) / indexMs)} events/s${runs(indexRuns)}`)
  log(`    = ${(indexMs / rowsBase).toFixed(2)} × (fetch + inserts of the rows it writes)   target ≤ ${targetRatio.toFixed(2)}`)
  log(`    = ${(indexMs / rawBase).toFixed(2)} × (fetch + inserts of the raw logs alone)`)
  const cpu = indexCpu[indexRuns.indexOf(indexMs)]
  if (cpu) {
    const usedMs = cpu.processMs + cpu.otherMs
    const busy = usedMs / (cores * indexMs)
    log(
      `    CPU in that run: indexer ${seconds(cpu.processMs)} (writer thread ${seconds(cpu.mainThreadMs)}), anvil ${seconds(cpu.otherMs)}` +
        ` = ${Math.round(busy * 100)}% of ${cores} cores over the backfill`,
    )
    // Whether the target is reachable at all with this much work: a backfill that took the
    // target time could use at most every core for that long.
    const targetMs = targetRatio * rowsBase
    log(
      `    CPU the target allows: ${seconds(cores * targetMs)} (${cores} cores × ${seconds(targetMs)}); this backfill used ${seconds(usedMs)}`,
    )
  }
  log(`  live latency receipt → row, polling         p50 ${polled.p50} ms   p95 ${polled.p95} ms   (n=${samples}, poll ${config.pollIntervalMs} ms)   target p95 ≤ ${config.pollIntervalMs + 250} ms`)
  log(`  live latency receipt → row, head subscription p50 ${subscribed.p50} ms   p95 ${subscribed.p95} ms   (n=${samples}, websocket newHeads, polling as fallback)`)
} finally {
  await anvil.stop()
  fs.rmSync(dir, { recursive: true, force: true })
}

/** The contracts and the workload, made by generate.ts in a child process. */
function generate(rpcUrl: string, events: number) {
  return runScript<{ deployment: Deployment; workload: WorkloadResult }>('generate.ts', [rpcUrl, String(events)], 'workload generation')
}

/** Every chain table's rows, for the all-rows insert baseline. */
function copyTables(sqlite: ReturnType<typeof openDatabase>['sqlite']) {
  const tables = ['raw_logs', 'raw_reads', 'metadata_documents', ...[...projectionSpecs.values()].map((s) => s.sqlName)]
  return tables.map((table) => {
    const stmt = sqlite.prepare(`SELECT * FROM "${table}"`).raw()
    return { table, columns: stmt.columns().map((c) => c.name), rows: stmt.all() as unknown[][] }
  })
}

/** The nearest-rank percentile: the smallest value with at least p% of the values at or below it. */
function percentile(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
