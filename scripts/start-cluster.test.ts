import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { isPortFree } from '#devnet/anvil'
import { freePort } from '#db/pg/server'
import { walPosition, waitForReplay } from '#db/pg/replication'

// `npm run start:cluster` for real: the script starts a primary and a streaming replica, a row
// written on the primary is read on the replica, the replica refuses writes, and Ctrl-C stops both.

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-cluster-'))
// The servers run as the `postgres` user when the tests run as root: let it reach DATA_DIR/cluster.
fs.chmodSync(dataDir, 0o711)
let child: ChildProcess | undefined

afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGINT')
  fs.rmSync(dataDir, { recursive: true, force: true })
})

function waitForOutput(process: ChildProcess, text: string, timeoutMs: number): Promise<string> {
  let output = ''
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${text}" within ${timeoutMs} ms; output:\n${output}`)), timeoutMs)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes(text)) {
        clearTimeout(timer)
        resolve(output)
      }
    }
    process.stdout!.on('data', onData)
    process.stderr!.on('data', onData)
    process.once('exit', (code) => {
      clearTimeout(timer)
      if (!output.includes(text)) reject(new Error(`exited (${code}) before "${text}"; output:\n${output}`))
    })
  })
}

describe('npm run start:cluster', () => {
  it('starts a primary and a caught-up replica, replicates a write, and stops both on Ctrl-C', async () => {
    const [primaryPort, replicaPort] = [await freePort(), await freePort()]
    const cluster = spawn('node_modules/.bin/tsx', ['scripts/start-cluster.ts'], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'test', DATA_DIR: dataDir, CLUSTER_PRIMARY_PORT: String(primaryPort), CLUSTER_REPLICA_PORT: String(replicaPort) },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    child = cluster
    const output = await waitForOutput(cluster, 'Press Ctrl-C to stop.', 180_000)
    expect(output).toContain(`primary  postgres://portal@127.0.0.1:${primaryPort}/postgres`)
    expect(output).toContain('streaming, caught up')

    const primary = new pg.Client({ connectionString: `postgres://portal@127.0.0.1:${primaryPort}/postgres` })
    const replica = new pg.Client({ connectionString: `postgres://portal@127.0.0.1:${replicaPort}/postgres` })
    await primary.connect()
    await replica.connect()
    try {
      // The migrations ran on the primary and reached the replica.
      const migrated = await replica.query("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'tasks'")
      expect(migrated.rows[0].n).toBe(1)

      await primary.query("INSERT INTO sessions (id, address, chain_id, created_at, last_seen_at, expires_at) VALUES ('s-1', '0xabc', 1, 1, 1, 2)")
      await waitForReplay(replica, await walPosition(primary))
      const read = await replica.query("SELECT address FROM sessions WHERE id = 's-1'")
      expect(read.rows).toEqual([{ address: '0xabc' }])
      await expect(replica.query("DELETE FROM sessions WHERE id = 's-1'")).rejects.toThrow(/read-only transaction/)
    } finally {
      await primary.end()
      await replica.end()
    }

    const exited = new Promise<number | null>((resolve) => cluster.once('exit', resolve))
    cluster.kill('SIGINT')
    expect(await exited).toBe(0)
    expect(await isPortFree(primaryPort)).toBe(true)
    expect(await isPortFree(replicaPort)).toBe(true)
    expect(fs.existsSync(path.join(dataDir, 'cluster', 'primary', 'postmaster.pid'))).toBe(false)
    expect(fs.existsSync(path.join(dataDir, 'cluster', 'replica', 'standby.signal'))).toBe(true)
  }, 300_000)
})
