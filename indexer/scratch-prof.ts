import fs from 'node:fs'
import { openDatabase } from '../db/client'
import { deployWorld, generateWorkload, timing } from './testing/workload'
import { indexOnce, testConfig } from './testing/harness'
import { createLogger } from './logger'
const rpcUrl = process.env.SCRATCH_RPC!
const n = Number(process.env.N ?? 20000)
let deployment
if (fs.existsSync('/tmp/world.json')) deployment = JSON.parse(fs.readFileSync('/tmp/world.json', 'utf8'))
else {
  const world = await deployWorld(rpcUrl)
  const t = Date.now()
  const r = await generateWorkload(world, { events: n, seed: 5, preapprovedShare: Number(process.env.SHARE ?? 0.2), preapprovedCount: Number(process.env.K ?? 10) })
  console.log('workload', r, Date.now() - t, timing)
  deployment = world.deployment
  fs.writeFileSync('/tmp/world.json', JSON.stringify(deployment))
}
fs.rmSync('/tmp/prof.sqlite', { force: true }); fs.rmSync('/tmp/prof.sqlite-wal', { force: true })
const db = openDatabase('/tmp/prof.sqlite')
const t = Date.now()
let events = 0
await indexOnce({ sqlite: db.sqlite, config: testConfig(rpcUrl, deployment, { INDEXER_METADATA: 'off' }), logger: createLogger({ format: 'json', level: process.env.LOG_LEVEL as 'info' ?? 'warn' }), events: { onBackfillBatch: (b) => { events += b.events; if (process.env.V) console.log(JSON.stringify(b)) } } })
console.log('index ms', Date.now() - t, 'backfill events', events, db.sqlite.prepare('select count(*) from raw_logs').pluck().get())
