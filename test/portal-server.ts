import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startWebServerProcess } from '../scripts/web-server-process'
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
  /** The server's DATA_DIR (removed when the test ends). */
  dataDir: string
  /** Where the server's IPFS node listens (each ending /p2p/<peerId>); empty with IPFS_NODE=off. */
  ipfsMultiaddrs: string[]
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
  const databasePath = options.databasePath ?? useTempDatabase().path
  const anvilPort = options.anvilPort ?? (await useAnvil()).port
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-server-'))
  const removeDataDir = () => fs.rmSync(dataDir, { recursive: true, force: true })
  const server = await startWebServerProcess({
    env: {
      NODE_ENV: 'development',
      DATA_DIR: dataDir,
      DATABASE_PATH: databasePath,
      ANVIL_PORT: String(anvilPort),
      CHAIN_ID: '31337',
      SESSION_SECRET: TEST_SESSION_SECRET,
      ISSUER_PRIVATE_KEY: `0x${'11'.repeat(32)}`,
      MDX_CACHE_DIR: path.join(dataDir, 'mdx'),
      // The IPFS node only where a test asks for it (server/ipfs/node.test.ts): the others start faster.
      IPFS_NODE: 'off',
      ...options.env,
    },
  }).catch((error: unknown) => {
    removeDataDir()
    throw error
  })
  addTestCleanup(async () => {
    await server.stop()
    removeDataDir()
  })
  return {
    url: server.origin,
    origin: server.origin,
    port: server.port,
    databasePath,
    anvilPort,
    dataDir,
    ipfsMultiaddrs: server.ipfsMultiaddrs,
    output: server.output,
    stop: server.stop,
  }
}
