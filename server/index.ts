import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { broadcastDevReady, installGlobals, type ServerBuild } from '@remix-run/node'
import { ConfigError, loadEnv } from '#config/env'
import { openDatabase } from '#db/client'
import { createPortalApp } from './app'

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
  const app = createPortalApp({
    env,
    // The rate limits' counters; the Remix app opens its own handle (app/db.server.ts).
    db: openDatabase(env.databasePath).db,
    getBuild: () => build,
    mode: isDev ? 'development' : 'production',
    assetsDir: BUILD_DIR ? path.join(BUILD_DIR, 'public/build') : 'public/build',
    publicDir: 'public',
  })
  const server = app.listen(env.PORT, env.HOST, () => {
    process.send?.({ type: 'listening', port: env.PORT })
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
  const stop = () => server.close(() => process.exit(0))
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
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
