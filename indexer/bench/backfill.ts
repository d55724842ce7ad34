import { openDatabase } from '#db/client'
import { createLogger, silentLogger } from '../logger'
import { createRpcClient } from '../rpc/client'
import { createEth } from '../rpc/eth'
import { startCheckpointer } from '../store/checkpointer'
import { createIndexer } from '../sync/indexer'
import { benchIndexerConfig, type BackfillJob, type BackfillResult } from './backfill-job'
import { cpuSince, cpuTimes } from './cpu'

// One backfill from scratch for run.ts, in a process of its own as `npm run indexer --
// --from-scratch` runs: the bench process holds the baselines' logs and rows (hundreds of MB),
// which would otherwise be marked by every major GC of the indexer's thread. The indexer and its
// fetch worker are started (modules loaded) before the clock starts. The result is the last line
// on stdout; the indexer's debug log (--verbose) goes to stderr.

const job = JSON.parse(process.argv[2]!) as BackfillJob
const config = benchIndexerConfig(job.rpcUrl, job.deployment, job.tuning)
// Opened as the CLI opens it: the indexer sets its page cache and the checkpointer turns off automatic checkpoints.
const db = openDatabase(job.dbFile)
const checkpointer = startCheckpointer(db.sqlite)
const abort = new AbortController()
const logger = job.verbose ? createLogger({ format: 'json', level: 'debug', write: (line) => process.stderr.write(line + '\n') }) : silentLogger
const indexer = createIndexer({
  sqlite: db.sqlite,
  eth: createEth(createRpcClient({ url: config.rpcUrl, logger, timeoutMs: config.rpcTimeoutMs, signal: abort.signal })),
  config,
  logger,
  signal: abort.signal,
})
await indexer.ready()
const cpuBefore = cpuTimes(job.nodePid)
const started = Date.now()
await indexer.run({ once: true })
const ms = Date.now() - started
const cpu = cpuSince(cpuBefore, cpuTimes(job.nodePid))
await indexer.close()
abort.abort()
await checkpointer.stop()
const indexed = db.sqlite.prepare('SELECT count(*) FROM raw_logs').pluck().get() as number
db.close()
const result: BackfillResult = { ms, cpu, indexed }
process.stdout.write(JSON.stringify(result) + '\n')
