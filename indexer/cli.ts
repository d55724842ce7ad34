import { setMaxListeners } from 'node:events'
import fs from 'node:fs'
import { ConfigError, loadDotEnvFile, loadEnv, type Env } from '#config/env'
import { resolveDeployment, type Deployment } from '#config/deployment'
import { redactUrl } from '#config/redact-url'
import { openDatabase } from '#db/client'
import { getIndexerStatus } from '#db/indexer-status'
import { buildIndexerConfig, configuredContracts, type IndexerConfig } from './config'
import { digestChain } from './digest'
import { createLogger, type Logger } from './logger'
import { createMetadataResolver } from './metadata/resolver'
import { createProgressBar, type ProgressBar } from './progress'
import { rebuildIfOutdated, rebuildProjections } from './projections/rebuild'
import { rereadFailedReads } from './reads/reread'
import { createRpcClient } from './rpc/client'
import { createEth } from './rpc/eth'
import { startCheckpointer } from './store/checkpointer'
import { resetIndexedChain } from './store/reset'
import { createIndexer } from './sync/indexer'
import { findStartBlocks, StartBlockError } from './sync/start-blocks'

const usage = `Usage: npm run indexer [-- <command>] [options]

Commands:
  run (default)    backfill from the checkpoint (resume), then follow the chain head
  rebuild          recompute every projection from the stored raw logs, then exit
  reread           make again the contract reads that failed (a node without old state), store
                   the answers and rebuild the projections; exit 1 if some still fail
  status           print the sync status as JSON
  digest           print a row-level digest of the indexed data as JSON

Options:
  --from-scratch   drop this chain's indexed data first and index from the start block
  --once           exit once caught up with the head instead of following it
  --help           this text

Configuration comes from the environment (.env): RPC_URL, RPC_FALLBACK_URL, CHAIN_ID, contract
addresses, POLL_INTERVAL_MS, FINALITY_DEPTH, IPFS_GATEWAY_URL, LOG_FORMAT, INDEXER_* tuning.`

class CliError extends Error {}

async function main(): Promise<number> {
  const args = process.argv.slice(2)
  if (args.includes('--help') || args.includes('-h')) {
    console.log(usage)
    return 0
  }
  const command = args.find((a) => !a.startsWith('-')) ?? 'run'
  const unknown = args.filter((a) => a.startsWith('-') && !['--from-scratch', '--once'].includes(a))
  if (!['run', 'rebuild', 'reread', 'status', 'digest'].includes(command) || unknown.length > 0) {
    throw new CliError(`unknown ${unknown.length ? `option ${unknown[0]}` : `command ${command}`}\n\n${usage}`)
  }

  loadDotEnvFile()
  const env = loadEnv()
  const rpcUrl = env.RPC_URL ?? `http://127.0.0.1:${env.ANVIL_PORT}`
  const format = env.LOG_FORMAT === 'auto' ? (process.stdout.isTTY ? 'pretty' : 'json') : env.LOG_FORMAT
  let bar: ProgressBar | undefined
  const baseLogger = createLogger({
    format,
    level: env.LOG_LEVEL,
    beforeWrite: () => bar?.clear(),
    afterWrite: () => bar?.redraw(),
  })

  const abort = new AbortController()
  // Every in-flight request listens to it (a dozen at once is normal): not a leak.
  setMaxListeners(100, abort.signal)
  const { chainId, deployment } = await connect(env, rpcUrl, abort.signal)
  const logger = baseLogger.child({ chainId })
  const handle = openDatabase(env.databasePath)
  try {
    if (command === 'status') {
      console.log(JSON.stringify(getIndexerStatus(handle.db, chainId) ?? null))
      return 0
    }
    if (command === 'digest') {
      console.log(JSON.stringify(digestChain(handle.sqlite, chainId)))
      return 0
    }
    // rebuild and reread rewrite every projection in one transaction, which would hold a running
    // indexer's writes past their busy timeout: like a second indexer, they refuse to run beside one.
    const release = acquireLock(env.databasePath, chainId, command)
    try {
      const startBlocks = await findStartBlocks({
        sqlite: handle.sqlite,
        eth: createEth(createRpcClient({ url: rpcUrl, fallbackUrl: env.RPC_FALLBACK_URL, logger, timeoutMs: env.INDEXER_RPC_TIMEOUT_MS, signal: abort.signal })),
        chainId,
        contracts: configuredContracts(deployment),
        logger,
      })
      const config = buildIndexerConfig(env, deployment, chainId, rpcUrl, startBlocks)
      if (command === 'rebuild') {
        const result = rebuildProjections({ sqlite: handle.sqlite, chainId: config.chainId, config, logger })
        logger.info('rebuilt projections from raw logs', result)
        return 0
      }
      if (command === 'reread') return await reread(config, handle, logger, abort.signal)
      return await runIndexer({ env, config, handle, logger, abort, once: args.includes('--once'), fromScratch: args.includes('--from-scratch'), setBar: (b) => (bar = b), format })
    } finally {
      release()
    }
  } finally {
    handle.close()
  }
}

async function connect(env: Env, rpcUrl: string, signal: AbortSignal): Promise<{ chainId: number; deployment: Deployment }> {
  const probe = createEth(
    createRpcClient({ url: rpcUrl, fallbackUrl: env.RPC_FALLBACK_URL, logger: createLogger({ format: 'json', level: 'error' }), maxAttempts: 3, timeoutMs: 5_000, signal }),
  )
  let chainId: number
  try {
    chainId = await probe.chainId()
  } catch (error) {
    throw new CliError(`indexer: cannot reach the RPC at ${redactUrl(rpcUrl)}: ${(error as Error).message}`)
  }
  if (env.CHAIN_ID && env.CHAIN_ID !== chainId) {
    throw new CliError(`indexer: the RPC at ${redactUrl(rpcUrl)} serves chain ${chainId}, but CHAIN_ID is ${env.CHAIN_ID}`)
  }
  const deployment = resolveDeployment(env, chainId)
  if (!deployment) {
    throw new CliError(
      `indexer: no deployment known for chain ${chainId}: set TASKS_ADDRESS (and the other contract addresses), or run \`npm start\` to deploy the devnet`,
    )
  }
  return { chainId, deployment }
}

/** The configured RPC (and its fallback) as the indexer's commands use it. */
function indexerEth(config: IndexerConfig, logger: Logger, signal: AbortSignal) {
  return createEth(createRpcClient({ url: config.rpcUrl, fallbackUrl: config.fallbackRpcUrl, logger, timeoutMs: config.rpcTimeoutMs, signal }))
}

async function reread(config: IndexerConfig, handle: ReturnType<typeof openDatabase>, logger: Logger, signal: AbortSignal): Promise<number> {
  const eth = indexerEth(config, logger, signal)
  const result = await rereadFailedReads({ sqlite: handle.sqlite, chainId: config.chainId, eth, config, logger })
  if (result.stillFailing === 0) {
    logger.info(result.failed === 0 ? 'no failed reads to make again' : 'made the failed reads again and rebuilt the projections', result)
    return 0
  }
  logger.error('some reads still fail: the RPC lacks the state of their blocks; set RPC_FALLBACK_URL to an archive node', result)
  return 1
}

async function runIndexer({
  env,
  config,
  handle,
  logger,
  abort,
  once,
  fromScratch,
  setBar,
  format,
}: {
  env: Env
  config: IndexerConfig
  handle: ReturnType<typeof openDatabase>
  logger: Logger
  abort: AbortController
  once: boolean
  fromScratch: boolean
  setBar: (bar: ProgressBar | undefined) => void
  format: 'json' | 'pretty'
}): Promise<number> {
  let signals = 0
  const onSignal = (signal: string) => {
    signals++
    if (signals > 1) process.exit(130)
    logger.info('stopping', { signal })
    abort.abort(new Error(`received ${signal}`))
  }
  process.on('SIGINT', () => onSignal('SIGINT'))
  process.on('SIGTERM', () => onSignal('SIGTERM'))

  if (fromScratch) {
    resetIndexedChain(handle.sqlite, config.chainId)
    logger.info('dropped the indexed data of the chain: indexing from scratch', { startBlock: config.startBlock })
  }
  rebuildIfOutdated({ sqlite: handle.sqlite, chainId: config.chainId, config, logger })
  const eth = indexerEth(config, logger, abort.signal)
  const resolver = createMetadataResolver({
    sqlite: handle.sqlite,
    db: handle.db,
    chainId: config.chainId,
    ...config.metadata,
    logger,
    signal: abort.signal,
  })
  const showBar = format === 'pretty' && process.stderr.isTTY
  let backfill = { fromBlock: 0, toBlock: 0, events: 0, started: 0 }
  let bar: ProgressBar | undefined
  const indexer = createIndexer({
    sqlite: handle.sqlite,
    eth,
    config,
    logger,
    signal: abort.signal,
    events: {
      onBackfillStart({ fromBlock, toBlock }) {
        backfill = { fromBlock, toBlock, events: 0, started: Date.now() }
        logger.info('backfill', { fromBlock, toBlock, finalityDepth: config.finalityDepth })
        if (showBar) setBar((bar = createProgressBar({ fromBlock, toBlock })))
      },
      onBackfillBatch(batch) {
        backfill.events += batch.events
        if (bar) bar.update(batch.toBlock, batch.events)
        else logger.info('batch', batch)
        resolver.notify()
      },
      onBackfillEnd() {
        bar?.finish()
        setBar((bar = undefined))
        const ms = Date.now() - backfill.started
        logger.info('backfill done', {
          fromBlock: backfill.fromBlock,
          toBlock: backfill.toBlock,
          events: backfill.events,
          ms,
          eventsPerSecond: Math.round((backfill.events * 1000) / Math.max(1, ms)),
        })
      },
      onTick(result) {
        if (result.kind === 'indexed' && (result.events ?? 0) > 0) resolver.notify()
      },
    },
  })
  logger.info('indexer started', {
    rpc: redactUrl(config.rpcUrl),
    fallbackRpc: config.fallbackRpcUrl ? redactUrl(config.fallbackRpcUrl) : undefined,
    headSubscription: config.wsUrl ? redactUrl(config.wsUrl) : undefined,
    database: env.databasePath,
    contracts: config.contracts.map((c) => `${c.kind}@${c.address}`),
    finalityDepth: config.finalityDepth,
    pollIntervalMs: config.pollIntervalMs,
  })
  const resolving = config.metadata.enabled ? resolver.run() : Promise.resolve()
  const checkpointer = startCheckpointer(handle.sqlite)
  try {
    await indexer.run({ once })
    if (once && !abort.signal.aborted && config.metadata.enabled) await resolver.resolveDue()
  } finally {
    abort.abort(new Error('indexer stopped'))
    await indexer.close()
    await resolving
    await checkpointer.stop()
  }
  logger.info('stopped', { indexedBlock: indexer.checkpoints.get()?.blockNumber })
  return 0
}

/** One writer of the indexed rows per database and chain: a second indexer would interleave batches. */
function acquireLock(databasePath: string, chainId: number, command: string): () => void {
  if (databasePath === ':memory:') return () => {}
  const file = `${databasePath}.indexer-${chainId}.pid`
  try {
    const pid = Number(fs.readFileSync(file, 'utf8'))
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new CliError(
        command === 'run'
          ? `indexer: another indexer (pid ${pid}) is already indexing chain ${chainId} into ${databasePath}`
          : `indexer: ${command} rewrites the indexed rows, but an indexer (pid ${pid}) is indexing chain ${chainId} into ${databasePath}: stop it first`,
      )
    }
  } catch (error) {
    if (error instanceof CliError) throw error
  }
  fs.writeFileSync(file, String(process.pid))
  return () => fs.rmSync(file, { force: true })
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof CliError || error instanceof ConfigError) console.error(error.message)
    else if (error instanceof StartBlockError) console.error(`indexer: ${error.message}`)
    else if ((error as Error).name === 'DeepReorgError') console.error(`indexer halted: ${(error as Error).message}`)
    else console.error(`indexer failed: ${(error as Error).stack ?? String(error)}`)
    process.exit(1)
  },
)
