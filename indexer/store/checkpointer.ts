import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import type Database from 'better-sqlite3'

// WAL checkpoints off the indexing thread. SQLite's automatic checkpoint runs inside the commit
// that crosses the threshold, copying pages to the database file (and syncing it) while the batch
// pipeline waits. With it turned off on the indexer's connection, a worker thread with its own
// connection runs PASSIVE checkpoints (which never block the writer or readers) at an interval.

const workerSource = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.file)
db.pragma('busy_timeout = 5000')
const checkpoint = () => { try { db.pragma('wal_checkpoint(PASSIVE)') } catch {} }
const timer = setInterval(checkpoint, workerData.intervalMs)
parentPort.on('message', () => { clearInterval(timer); checkpoint(); db.close(); parentPort.close() })
`

export type Checkpointer = { stop: () => Promise<void> }

export function startCheckpointer(sqlite: Database.Database, { intervalMs = 1_000 }: { intervalMs?: number } = {}): Checkpointer {
  const file = sqlite.name
  if (!file || file === ':memory:' || sqlite.memory) return { stop: async () => {} }
  sqlite.pragma('wal_autocheckpoint = 0')
  const driver = createRequire(import.meta.url).resolve('better-sqlite3')
  const worker = new Worker(workerSource, { eval: true, workerData: { file, driver, intervalMs } })
  worker.unref()
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()))
  return {
    async stop() {
      worker.postMessage('stop')
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))])
      sqlite.pragma('wal_autocheckpoint = 1000')
    },
  }
}
