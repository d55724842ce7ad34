import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { createRequestHandler } from '@remix-run/express'
import { broadcastDevReady, installGlobals, type ServerBuild } from '@remix-run/node'
import express from 'express'
import { ConfigError, loadEnv } from '#config/env'

// The web server: Remix behind express. `npm start` runs it as a child process; in
// development (`npm run dev`) Remix's dev server rebuilds and we reload the build on change.

installGlobals({ nativeFetch: true })

const BUILD_PATH = path.resolve('build/index.js')
const isDev = process.argv.includes('--dev')

async function main() {
  const env = loadEnv()
  let build = await importBuild()
  const app = express()
  app.disable('x-powered-by')
  // Fingerprinted assets can be cached forever; everything else in public/ briefly.
  app.use('/build', express.static('public/build', { immutable: true, maxAge: '1y' }))
  app.use(express.static('public', { maxAge: '1h' }))
  app.all(
    '*',
    isDev
      ? (req, res, next) => createRequestHandler({ build, mode: 'development' })(req, res, next)
      : createRequestHandler({ build, mode: 'production' }),
  )
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
