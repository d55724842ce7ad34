import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openDatabase } from '#db/client'
import { useAnvil } from '../test/setup'
import { digestChain } from './digest'
import { exited, indexOnce, spawnCli, testConfig, testEnv } from './testing/harness'
import { emptyProjections } from './testing/projection-coverage'
import { generateWorkload } from './testing/workload'
import { deployWorld } from './testing/world'

// Crash safety: the real CLI is SIGKILLed at 10 random instants of a backfill of more than 20k
// events (every projection table gets rows) and restarted each time; after every kill the DB holds exactly the logs up to its
// checkpoint (no half-written batch), and the final DB equals an uninterrupted run, row for row.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'indexer-kill-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('kill -9 during backfill', () => {
  it('resumes exactly where it stopped', async () => {
    const anvil = await useAnvil()
    const world = await deployWorld(anvil.rpcUrl)
    // Dense traffic (many preapproved applicants per task) so 20k events take few transactions.
    await generateWorkload(world, { events: 21_000, seed: 5, preapprovedShare: 0.6, preapprovedCount: 20 })
    const chainId = world.deployment.chainId

    const reference = openDatabase(path.join(dir, 'reference.sqlite'))
    await indexOnce({ sqlite: reference.sqlite, config: testConfig(anvil.rpcUrl, world.deployment) })
    const expected = digestChain(reference.sqlite, chainId)
    expect(expected.tables.raw_logs!.rows).toBeGreaterThanOrEqual(20_000)
    expect(emptyProjections(expected)).toEqual([])
    const logsUpTo = reference.sqlite.prepare('SELECT count(*) FROM raw_logs WHERE chain_id = ? AND block_number <= ?').pluck()

    const file = path.join(dir, 'killed.sqlite')
    openDatabase(file).close()
    // Small ranges and one request in flight: many batches, so kills land mid-backfill.
    const env = testEnv(anvil.rpcUrl, world.deployment, file, { INDEXER_MAX_BLOCK_RANGE: '1', INDEXER_CONCURRENCY: '1' })
    const rand = mulberry32(99)
    let lastCheckpoint = -1
    let kills = 0
    for (let i = 0; i < 10; i++) {
      const child = spawnCli(['--once'], env)
      const batchesBeforeKill = 1 + Math.floor(rand() * 4)
      const finished = exited(child)
      const batchLines = () => child.output().split('\n').filter((l) => l.includes('"msg":"batch"')).length
      while (batchLines() < batchesBeforeKill && child.exitCode === null) await new Promise((r) => setTimeout(r, 5))
      await new Promise((r) => setTimeout(r, Math.floor(rand() * 40)))
      if (child.exitCode === null) {
        child.kill('SIGKILL')
        kills++
      }
      await finished
      const killed = openDatabase(file)
      const checkpoint = killed.sqlite.prepare('SELECT block_number FROM sync_checkpoints WHERE chain_id = ?').pluck().get(chainId) as number | undefined
      if (checkpoint !== undefined) {
        expect(checkpoint).toBeGreaterThanOrEqual(lastCheckpoint)
        lastCheckpoint = checkpoint
        const stored = killed.sqlite.prepare('SELECT count(*) FROM raw_logs WHERE chain_id = ?').pluck().get(chainId)
        // All of the logs up to the checkpoint, none beyond it.
        expect(stored).toBe(logsUpTo.get(chainId, checkpoint))
      }
      killed.close()
    }
    expect(kills).toBe(10)

    const last = spawnCli(['--once'], env)
    expect(await exited(last)).toBe(0)
    const killed = openDatabase(file)
    expect(digestChain(killed.sqlite, chainId)).toEqual(expected)
    killed.close()
    reference.close()
  }, 180_000)
})

function mulberry32(seed: number) {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
