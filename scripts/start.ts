import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { ConfigError, loadDotEnvFile, loadEnv, type Env } from '#config/env'
import { resolveDeployment } from '#config/deployment'
import { redactUrl } from '#config/redact-url'
import { openDatabase } from '#db/client'
import { DEVNET_CHAIN_ID, isPortFree, type Anvil } from '#devnet/anvil'
import { DevnetError, ensureDevnet } from '#devnet/ensure-devnet'
import { probeRpc } from './rpc-probe'

// `npm start` / `npm run dev`: the whole portal on one machine. Starts (or connects to) a
// chain, deploys and seeds the devnet on first run, then runs the indexer and the web
// server as child processes. Ctrl-C stops every child; `.data/` is reused next time.

const dev = process.argv.includes('--dev')
const children: { name: string; process: ChildProcess }[] = []
let anvil: Anvil | undefined
let stopping = false

class StartError extends Error {}

async function main() {
  loadDotEnvFile()
  const env = loadEnv()
  fs.mkdirSync(env.DATA_DIR, { recursive: true })
  if (!(await isPortFree(env.PORT, '127.0.0.1'))) throw new StartError(`port ${env.PORT} is already in use: set PORT to a free port`)

  const chain = env.RPC_URL ? await connectToRpc(env, env.RPC_URL) : await startDevnet(env)
  const { chainId, rpcUrl } = chain

  // Apply migrations once here so the indexer and the web server never race to do it.
  openDatabase(env.databasePath).close()

  buildApp()
  const childEnv = { ...process.env, CHAIN_ID: String(chainId), RPC_URL: env.RPC_URL ?? '', ANVIL_PORT: String(env.ANVIL_PORT) }
  spawnChild('indexer', ['node_modules/.bin/tsx', 'indexer/cli.ts'], childEnv)
  // Webhooks, e-mail digests and ENS names, off the indexer's and the web server's paths (docs/decisions/046).
  spawnChild('notifier', ['node_modules/.bin/tsx', 'scripts/notifier.ts'], childEnv)
  if (dev) {
    spawnChild('web', ['node_modules/.bin/remix', 'dev', '--manual', '-c', 'tsx server/index.ts --dev'], childEnv)
  } else {
    spawnChild('web', ['node_modules/.bin/tsx', 'server/index.ts'], childEnv, true)
  }
  await waitForHttp(`http://127.0.0.1:${env.PORT}/health`)
  const url = `http://localhost:${env.PORT}`
  console.log(
    [
      '',
      `Openmesh Portal is running${dev ? ' (development, live reload)' : ''}`,
      `  portal   ${url}   (tasks: ${url}/tasks, status: ${url}/health)`,
      `  chain    ${anvil ? `anvil devnet, chain ${chainId}, ${rpcUrl}, state in ${path.join(env.DATA_DIR, 'anvil')}` : `chain ${chainId} via ${redactUrl(rpcUrl)}`}`,
      `  indexer  chain ${chainId} → ${env.databasePath}`,
      `  notifier webhooks${env.SMTP_URL ? ', e-mail digests' : ' (e-mail off: SMTP_URL unset)'} every ${env.NOTIFY_INTERVAL_MS} ms`,
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  )
}

async function startDevnet(env: Env): Promise<{ chainId: number; rpcUrl: string }> {
  const devnet = await ensureDevnet(env, (line) => console.log(line))
  anvil = devnet.anvil
  return { chainId: DEVNET_CHAIN_ID, rpcUrl: anvil.rpcUrl }
}

async function connectToRpc(env: Env, rpcUrl: string): Promise<{ chainId: number; rpcUrl: string }> {
  const probe = await probeRpc(rpcUrl)
  if (!probe.ok) throw new StartError(`cannot reach RPC_URL ${redactUrl(rpcUrl)}: ${probe.reason}`)
  if (env.CHAIN_ID && env.CHAIN_ID !== probe.chainId) {
    throw new StartError(`RPC_URL ${redactUrl(rpcUrl)} serves chain ${probe.chainId}, but CHAIN_ID is ${env.CHAIN_ID}`)
  }
  if (!resolveDeployment(env, probe.chainId)) {
    throw new StartError(
      `no deployment of the portal's contracts is known for chain ${probe.chainId}: set TASKS_ADDRESS (and the other contract addresses) or add contracts-abi/deployments/${probe.chainId}.json`,
    )
  }
  return { chainId: probe.chainId, rpcUrl }
}

function buildApp() {
  if (dev) return // remix dev builds and rebuilds on its own
  // The same steps as `npm run build`: an invalid course fails the build before Remix runs.
  const check = spawnSync('node_modules/.bin/tsx', ['scripts/courses-check.ts'], { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' })
  if (check.status !== 0) throw new StartError(`the courses are not valid:\n${(check.stdout + check.stderr).trim()}`)
  const result = spawnSync('node_modules/.bin/remix', ['build'], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' })
  if (result.status !== 0) throw new StartError(`building the web app failed:\n${result.stderr}`)
}

function spawnChild(name: string, [command, ...args]: string[], env: NodeJS.ProcessEnv, ipc = false) {
  const child = spawn(command!, args, { env, stdio: ipc ? ['ignore', 'inherit', 'inherit', 'ipc'] : 'inherit' })
  children.push({ name, process: child })
  child.on('exit', (code, signal) => {
    if (stopping) return
    console.error(`${name} stopped unexpectedly (${signal ?? `exit code ${code}`}); stopping the portal`)
    void shutdown(1)
  })
}

async function waitForHttp(url: string) {
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (stopping) return
    try {
      await fetch(url, { signal: AbortSignal.timeout(2_000) })
      return
    } catch {
      await new Promise((r) => setTimeout(r, 250))
    }
  }
  throw new StartError(`the web server did not answer at ${url} within 60s`)
}

async function shutdown(code: number) {
  if (stopping) return
  stopping = true
  // Reverse start order: web, indexer, then the chain (which dumps its state on SIGINT).
  for (const { process: child } of [...children].reverse()) {
    if (child.exitCode !== null || child.signalCode) continue
    child.kill('SIGINT')
    const timer = setTimeout(() => child.kill('SIGKILL'), 8_000)
    await new Promise((resolve) => child.once('exit', resolve))
    clearTimeout(timer)
  }
  await anvil?.stop()
  process.exit(code)
}

process.on('SIGINT', () => void shutdown(0))
process.on('SIGTERM', () => void shutdown(0))

main().catch(async (error: unknown) => {
  const known = error instanceof ConfigError || error instanceof StartError || error instanceof DevnetError
  console.error(known ? (error as Error).message : `npm start failed: ${(error as Error).message}`)
  await shutdown(1)
})
