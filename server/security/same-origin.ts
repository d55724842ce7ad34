import type { RequestHandler } from 'express'
import { refuse } from './refuse'

// Mutating requests (anything but GET/HEAD/OPTIONS) must come from the portal's own pages:
// their Origin header must be the portal's origin, else 403 with the reason. Browsers send
// Origin on every POST, so a request without one did not come from a portal page either.
// The routes check the same (app/session/origin.server.ts); this answers first so that
// Remix's own CSRF check, which throws a 500 with a stack trace in the log when Origin and
// Host differ, is never reached by a cross-site request.

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** `publicOrigin`: PUBLIC_URL's origin; without it (development) the request's own origin is the portal's. */
export function requireSameOriginWrites(publicOrigin: string | null): RequestHandler {
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method)) return next()
    const origin = req.headers.origin
    const portal = publicOrigin ?? `${req.protocol}://${req.get('host') ?? ''}`
    if (origin && origin === portal) return next()
    refuse(
      req,
      res,
      403,
      origin
        ? `Cross-origin request refused: ${req.method} ${req.path} only accepts requests from the portal's own pages (${portal}), not from ${origin.slice(0, 200)}.`
        : `Request refused: ${req.method} ${req.path} only accepts requests from the portal's own pages, and this one did not say where it came from (no Origin header).`,
    )
  }
}
