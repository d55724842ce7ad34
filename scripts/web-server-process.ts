import { spawn } from 'node:child_process'
import { findFreePort } from '../devnet/anvil'
import { ensureRemixBuild } from './remix-build'

// The real web server (server/index.ts on the production Remix build) as a child process on
// 127.0.0.1, for the tests that speak HTTP to it (test/portal-server.ts) and `npm run bench:web`.
// Its stdout and stderr are kept, so a caller can check what it logged.

export type WebServerProcess = {
  origin: string
  port: number
  pid: number
  /** Where the server's IPFS node listens (each ending /p2p/<peerId>); empty when it runs none. */
  ipfsMultiaddrs: string[]
  /** Everything the server wrote to stdout and stderr so far. */
  output: () => string
  stop: () => Promise<void>
}

export type WebServerProcessOptions = {
  /** The server's environment beyond PATH, HOST, PORT and the build (DATABASE_PATH, secrets…); NODE_ENV defaults to production. */
  env: Record<string, string>
  /** Arguments for node before the script, e.g. `--cpu-prof`. */
  nodeArgs?: string[]
  /** Default: a free one. */
  port?: number
}

const START_TIMEOUT_MS = 30_000

export async function startWebServerProcess(options: WebServerProcessOptions): Promise<WebServerProcess> {
  const build = ensureRemixBuild()
  const port = options.port ?? (await findFreePort())
  const env: Record<string, string | undefined> = {
    NODE_ENV: 'production',
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    HOST: '127.0.0.1',
    PORT: String(port),
    REMIX_BUILD_DIR: build.dir,
    LOG_FORMAT: 'json',
    ...options.env,
  }
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', 'server/index.ts'], {
    // @types/node's ProcessEnv narrows NODE_ENV to a union that a plain record cannot show.
    env: env as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  })
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  // If the caller dies without stopping the server, take it along.
  const killOnExit = () => child.kill('SIGKILL')
  process.once('exit', killOnExit)
  const stop = () =>
    new Promise<void>((resolve) => {
      process.removeListener('exit', killOnExit)
      if (child.exitCode !== null || child.signalCode) return resolve()
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
    })
  let ipfsMultiaddrs: string[] = []
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the web server did not start within ${START_TIMEOUT_MS / 1000} s:\n${output}`)), START_TIMEOUT_MS)
    child.on('message', (message: { type?: string; ipfs?: string[] }) => {
      if (message.type !== 'listening') return
      ipfsMultiaddrs = message.ipfs ?? []
      clearTimeout(timer)
      resolve()
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`the web server exited (${code}) before listening:\n${output}`))
    })
  })
  return { origin: `http://127.0.0.1:${port}`, port, pid: child.pid!, ipfsMultiaddrs, output: () => output, stop }
}
