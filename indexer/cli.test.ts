import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '#db/client'
import { startAnvil } from '#devnet/anvil'
import { getIndexerStatus } from '#db/indexer-status'
import { useAnvil } from '../test/setup'
import { digestChain } from './digest'
import { blockNumber } from './testing/chain'
import { exited, spawnCli, testEnv } from './testing/harness'
import { generateWorkload } from './testing/workload'
import { deployWorld, type World } from './testing/world'

// The CLI as `npm start` runs it: JSON logs, resume, SIGTERM, rebuild (never beside a running
// indexer), status, from-scratch, a clear line and exit 1 for an unreachable RPC, and a halt when
// the indexed chain vanished.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'indexer-cli-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))
let world: World
let rpcUrl: string
const file = path.join(dir, 'portal.sqlite')
let env: Record<string, string>

const jsonLines = (output: string) =>
  output
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>)

async function until(check: () => boolean, what: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

beforeAll(async () => {
  rpcUrl = (await useAnvil()).rpcUrl
  world = await deployWorld(rpcUrl)
  await generateWorkload(world, { events: 800, seed: 31, tasksPerCohort: 40 })
  env = testEnv(rpcUrl, world.deployment, file)
}, 60_000)

describe('indexer CLI', () => {
  it('says so in one line and exits 1 when the RPC is unreachable', async () => {
    const child = spawnCli([], { ...env, RPC_URL: 'http://127.0.0.1:9' })
    expect(await exited(child)).toBe(1)
    const lines = child.output().trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^indexer: cannot reach the RPC at http:\/\/127\.0\.0\.1:9/)
  })

  it('backfills, follows the head with JSON logs, and stops cleanly on SIGTERM', async () => {
    const child = spawnCli([], env)
    await until(() => jsonLines(child.output()).some((l) => l.msg === 'backfill done'), 'the backfill')
    const batch = jsonLines(child.output()).find((l) => l.msg === 'batch')!
    expect(batch).toMatchObject({ chainId: world.deployment.chainId })
    for (const key of ['fromBlock', 'toBlock', 'events', 'ms']) expect(typeof batch[key]).toBe('number')
    // What rewrites the rows refuses to run beside the indexer, whose writes it would block.
    for (const command of ['rebuild', 'reread']) {
      const refused = spawnCli([command], env)
      expect(await exited(refused)).toBe(1)
      expect(refused.output()).toContain(`indexer: ${command} rewrites the indexed rows, but an indexer (pid ${child.pid}) is indexing chain`)
    }
    // New blocks while it follows the head.
    await generateWorkload(world, { events: 100, seed: 32, tasksPerCohort: 10 })
    const head = await blockNumber(rpcUrl)
    const db = openDatabase(file)
    await until(() => (getIndexerStatus(db.db, world.deployment.chainId)?.indexedBlock ?? 0) >= head, 'realtime sync to the head')
    db.close()
    child.kill('SIGTERM')
    expect(await exited(child)).toBe(0)
    expect(jsonLines(child.output()).at(-1)).toMatchObject({ msg: 'stopped', indexedBlock: head })
  }, 60_000)

  it('resumes, rebuilds identical rows, and re-indexes from scratch to the same rows', async () => {
    // Per table, so a difference names its table.
    const digest = () => {
      const db = openDatabase(file)
      const value = digestChain(db.sqlite, world.deployment.chainId).tables
      db.close()
      return value
    }
    const resumed = spawnCli(['--once'], env)
    expect(await exited(resumed)).toBe(0)
    expect(jsonLines(resumed.output()).some((l) => l.msg === 'backfill')).toBe(false)
    const before = digest()
    // The pinned reads themselves, so a difference after the re-index shows the rows, not a hash.
    const reads = () => {
      const db = openDatabase(file)
      const rows = db.sqlite.prepare('SELECT * FROM raw_reads ORDER BY block_number, block_hash, kind, key').all()
      db.close()
      return rows
    }
    const readsBefore = reads()
    const rebuild = spawnCli(['rebuild'], env)
    expect(await exited(rebuild)).toBe(0)
    expect(digest()).toEqual(before)
    const scratch = spawnCli(['--once', '--from-scratch'], env)
    expect(await exited(scratch)).toBe(0)
    expect(reads()).toEqual(readsBefore)
    expect(digest()).toEqual(before)
    const status = spawnCli(['status'], env)
    expect(await exited(status)).toBe(0)
    expect(JSON.parse(status.output().trim().split('\n').at(-1)!)).toMatchObject({ lag: 0, halted: null })
    const printed = spawnCli(['digest'], env)
    expect(await exited(printed)).toBe(0)
    expect(JSON.parse(printed.output().trim().split('\n').at(-1)!).tables).toEqual(before)
  }, 60_000)

  it('halts with the reason when the indexed chain is gone (devnet restarted from scratch)', async () => {
    const other = await startAnvil()
    try {
      const fresh = await deployWorld(other.rpcUrl)
      await generateWorkload(fresh, { events: 300, seed: 33, tasksPerCohort: 20 })
      const child = spawnCli(['--once'], { ...env, RPC_URL: other.rpcUrl })
      expect(await exited(child)).toBe(1)
      expect(child.output()).toMatch(/indexer halted: indexed block \d+ .* is no longer on the chain/)
      const db = openDatabase(file)
      expect(getIndexerStatus(db.db, world.deployment.chainId)?.halted).toMatch(/reorganised deeper than finality or was reset/)
      db.close()
    } finally {
      await other.stop()
    }
  }, 60_000)
})
