import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { broadcastDevReady, installGlobals, type ServerBuild } from '@remix-run/node'
import { ConfigError, type Env, loadEnv } from '#config/env'
import { type Db, openDatabase } from '#db/client'
import { createPortalApp } from './app'
import type { IpfsNode } from './ipfs/node'

// The web server: Remix behind express. `npm start` runs it as a child process; in
// development (`npm run dev`) Remix's dev server rebuilds and we reload the build on change.

installGlobals({ nativeFetch: true })

// REMIX_BUILD_DIR: a build made elsewhere (remix.config.js writes there too), e.g. by the tests.
const BUILD_DIR = process.env.REMIX_BUILD_DIR ? path.resolve(process.env.REMIX_BUILD_DIR) : null
const BUILD_PATH = BUILD_DIR ? path.join(BUILD_DIR, 'build/index.js') : path.resolve('build/index.js')
const isDev = process.argv.includes('--dev')

async function main() {
  const env = loadEnv()
  let build = await importBuild()
  // The rate limits' counters and the IPFS node's blocks; the Remix app opens its own handle (app/db.server.ts).
  const { db } = openDatabase(env.databasePath)
  const ipfs = await startIpfs(env, db)
  const app = createPortalApp({
    env,
    db,
    getBuild: () => build,
    mode: isDev ? 'development' : 'production',
    assetsDir: BUILD_DIR ? path.join(BUILD_DIR, 'public/build') : 'public/build',
    publicDir: 'public',
  })
  const server = app.listen(env.PORT, env.HOST, () => {
    process.send?.({ type: 'listening', port: env.PORT, ipfs: ipfs?.multiaddrs ?? [] })
    if (isDev) broadcastDevReady(build)
  })
  server.on('error', (error: NodeJS.ErrnoException) => {
    console.error(
      error.code === 'EADDRINUSE' ? `port ${env.PORT} is already in use: set PORT to a free port` : `web server: ${error.message}`,
    )
    process.exit(1)
  })
  if (isDev) {
    fs.watch(path.dirname(BUILD_PATH), { persistent: false }, async () => {
      build = await importBuild()
      broadcastDevReady(build)
    })
  }
  const stop = () => {
    void (ipfs?.stop() ?? Promise.resolve()).catch(() => {})
    server.close(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

/**
 * The IPFS node runs with the web server: the process that is up whenever the portal is, and
 * that stores the documents (the indexer may be off or elsewhere). Loaded only when on.
 */
async function startIpfs(env: Env, db: Db): Promise<IpfsNode | null> {
  if (env.IPFS_NODE === 'off') return null
  const { startIpfsNode } = await import('./ipfs/node')
  try {
    const node = await startIpfsNode({
      db,
      listen: env.IPFS_LISTEN,
      announce: env.IPFS_ANNOUNCE,
      peerKeyFile: path.join(env.DATA_DIR, 'ipfs', 'peer.key'),
    })
    console.log(`IPFS node ${node.peerId} serving the stored documents over Bitswap at ${node.multiaddrs.join(' ')}`)
    // Like kubo's repo `api` file: where this node can be dialled, for tools and peers on this machine.
    fs.writeFileSync(path.join(env.DATA_DIR, 'ipfs', 'node.json'), `${JSON.stringify({ peerId: node.peerId, multiaddrs: node.multiaddrs })}\n`)
    return node
  } catch (error) {
    throw new Error(`the IPFS node did not start on ${env.IPFS_LISTEN.join(', ')} (${(error as Error).message}): set IPFS_LISTEN to free addresses, or IPFS_NODE=off`)
  }
}

async function importBuild(): Promise<ServerBuild> {
  if (!fs.existsSync(BUILD_PATH)) throw new Error('no build found: run `npm run build` first')
  // A query string busts Node's module cache so a rebuilt bundle is really reloaded.
  const url = pathToFileURL(BUILD_PATH).href + (isDev ? `?t=${fs.statSync(BUILD_PATH).mtimeMs}` : '')
  return (await import(url)) as ServerBuild
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `web server failed: ${(error as Error).message}`)
  process.exit(1)
})
