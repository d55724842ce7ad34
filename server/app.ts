import type { ServerBuild } from '@remix-run/node'
import express from 'express'
import { portalCookieName } from '#config/cookie-names'
import type { Env } from '#config/env'
import type { Db } from '#db/client'
import { browserRpcOrigins } from './browser-rpc'
import { remixHandler } from './remix-handler'
import { limitRequestBodies } from './security/body-limit'
import { securityHeaders } from './security/headers'
import { refuseLegacyDataRequests } from './security/legacy-data-requests'
import { rateLimits } from './security/rate-limits'
import { requireSameOriginWrites } from './security/same-origin'

// The web server's request pipeline, in the order a request meets it: headers on every
// answer (static files too), compression, static files, then the guards that refuse a
// request before Remix runs — each cheaper than the next — and Remix.

/** Bytes a request body may have: forms, sign-in messages. */
const DEFAULT_BODY_LIMIT = 64 * 1024
/** POST /ipfs carries a whole task form (the route itself caps it at 300 KiB). */
const DOCUMENT_BODY_LIMIT = 300 * 1024

export type PortalAppOptions = {
  env: Env
  db: Db
  /** The current Remix build (a function: development reloads it on change). */
  getBuild: () => ServerBuild
  mode: 'development' | 'production'
  /** Remix's browser build (served at /build) and the rest of public/. */
  assetsDir: string
  publicDir: string
}

export function createPortalApp(options: PortalAppOptions): express.Express {
  const { env, db } = options
  const production = env.NODE_ENV === 'production'
  const app = express()
  app.disable('x-powered-by')
  if (env.TRUST_PROXY !== undefined) app.set('trust proxy', env.TRUST_PROXY)

  app.use(
    securityHeaders({
      production,
      rpcOrigins: browserRpcOrigins(env),
      walletConnect: Boolean(env.WALLETCONNECT_PROJECT_ID),
      development: options.mode === 'development',
      upgradeInsecureRequests: production,
    }),
  )
  // Fingerprinted assets can be cached forever; everything else in public/ briefly.
  app.use('/build', express.static(options.assetsDir, { immutable: true, maxAge: '1y' }))
  app.use(express.static(options.publicDir, { maxAge: '1h' }))

  app.use(refuseLegacyDataRequests)
  app.use(requireSameOriginWrites(env.PUBLIC_URL ? new URL(env.PUBLIC_URL).origin : null))
  app.use(rateLimits({ db, sessionCookies: [portalCookieName('portal-session', env), portalCookieName('portal-siwe', env)] }))
  app.use(limitRequestBodies({ default: DEFAULT_BODY_LIMIT, paths: { '/ipfs': DOCUMENT_BODY_LIMIT } }))
  app.all('*', remixHandler(options.getBuild, options.mode))
  return app
}
