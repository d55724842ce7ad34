import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { findFreePort } from '../devnet/anvil'
import { ensureRemixBuild } from '../scripts/remix-build'
import { addTestCleanup, useAnvil, useTempDatabase } from './setup'

// The real web server (server/index.ts, the production Remix build) as a child process on
// 127.0.0.1, over a real SQLite file and a real anvil, for tests that speak HTTP to it. Its
// stdout and stderr are kept, so a test can check what it logged.

export type PortalServer = {
  url: string
  origin: string
  port: number
  databasePath: string
  anvilPort: number
  /** Everything the server wrote to stdout and stderr so far. */
  output: () => string
  stop: () => Promise<void>
}

export const TEST_SESSION_SECRET = 'portal-server-test-secret-0123456789abcdef'

export type PortalServerOptions = {
  /** Another server's database, to run a second instance on it. */
  databasePath?: string
  anvilPort?: number
  env?: Record<string, string>
}

export async function startPortalServer(options: PortalServerOptions = {}): Promise<PortalServer> {
  const build = ensureRemixBuild()
  const port = await findFreePort()
  const databasePath = options.databasePath ?? useTempDatabase().path
  const anvilPort = options.anvilPort ?? (await useAnvil()).port
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-server-'))
  const child = spawn('node_modules/.bin/tsx', ['server/index.ts'], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_PATH: databasePath,
      ANVIL_PORT: String(anvilPort),
      CHAIN_ID: '31337',
      SESSION_SECRET: TEST_SESSION_SECRET,
      ISSUER_PRIVATE_KEY: `0x${'11'.repeat(32)}`,
      MDX_CACHE_DIR: path.join(dataDir, 'mdx'),
      REMIX_BUILD_DIR: build.dir,
      LOG_FORMAT: 'json',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  })
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode) return resolve()
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
    })
  addTestCleanup(async () => {
    await stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the web server did not start within 30 s:\n${output}`)), 30_000)
    child.on('message', (message: { type?: string }) => {
      if (message.type !== 'listening') return
      clearTimeout(timer)
      resolve()
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`the web server exited (${code}) before listening:\n${output}`))
    })
  })
  const origin = `http://127.0.0.1:${port}`
  return { url: origin, origin, port, databasePath, anvilPort, output: () => output, stop }
}
