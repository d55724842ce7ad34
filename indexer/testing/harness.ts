import { spawn, type ChildProcess } from 'node:child_process'
import type Database from 'better-sqlite3'
import { writeDeploymentFile, type Deployment } from '#config/deployment'
import { loadEnv } from '#config/env'
import { buildIndexerConfig, type IndexerConfig } from '../config'
import { silentLogger, type Logger } from '../logger'
import { createRpcClient } from '../rpc/client'
import { createEth } from '../rpc/eth'
import { createIndexer, type IndexerEvents } from '../sync/indexer'

// Running the indexer from tests: in-process (fast, for most tests) or as the real CLI in a child
// process (for kill -9). Both configured like production, from env-style variables.

/**
 * The variables of an indexer CLI run against `deployment`: it is written beside the database
 * (DEPLOYMENT_FILE), so the child indexes every contract of the topology, as production does.
 */
export function testEnv(rpcUrl: string, deployment: Deployment, databasePath: string, extra: Record<string, string> = {}) {
  const vars: Record<string, string> = {
    RPC_URL: rpcUrl,
    CHAIN_ID: String(deployment.chainId),
    DATABASE_PATH: databasePath,
    IPFS_GATEWAY_URL: 'http://127.0.0.1:9/ipfs/',
    POLL_INTERVAL_MS: '200',
    LOG_FORMAT: 'json',
    ...extra,
  }
  if (databasePath !== ':memory:') {
    const file = `${databasePath}.deployment.json`
    writeDeploymentFile(file, deployment)
    vars.DEPLOYMENT_FILE = file
  }
  return vars
}

/**
 * In-process tests fetch on the test's thread (a fetch worker costs each indexer ~0.7 s of CPU to
 * load); the CLI tests, the fault test and the benchmark run the worker as production does.
 */
export function testConfig(rpcUrl: string, deployment: Deployment, extra: Record<string, string> = {}): IndexerConfig {
  const vars = { ...testEnv(rpcUrl, deployment, ':memory:'), INDEXER_FETCH_WORKER: 'off', ...extra }
  const env = loadEnv(vars)
  return buildIndexerConfig(env, deployment, deployment.chainId, rpcUrl)
}

/** Indexes until caught up with the head, in this process. */
export async function indexOnce({
  sqlite,
  config,
  logger = silentLogger,
  events,
  signal = new AbortController().signal,
}: {
  sqlite: Database.Database
  config: IndexerConfig
  logger?: Logger
  events?: IndexerEvents
  signal?: AbortSignal
}) {
  const eth = createEth(createRpcClient({ url: config.rpcUrl, fallbackUrl: config.fallbackRpcUrl, logger, timeoutMs: config.rpcTimeoutMs, signal }))
  const indexer = createIndexer({ sqlite, eth, config, logger, signal, events })
  try {
    // With INDEXER_FETCH_WORKER on, backfill through the loaded worker, as a long backfill does.
    await indexer.ready()
    await indexer.run({ once: true })
  } finally {
    await indexer.close()
  }
  return indexer
}

/** The real CLI as a child process (`node --import tsx`, one process, so SIGKILL really kills it). */
export function spawnCli(args: string[], env: Record<string, string>): ChildProcess & { output: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'indexer/cli.ts', ...args], {
    env: { ...process.env, ...env, NODE_ENV: 'test' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()))
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()))
  return Object.assign(child, { output: () => output })
}

export function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode)
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)))
}
