import { getEnv } from '~/env.server'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * The portal's origin as browsers see it: PUBLIC_URL when set (always, in production: a forged
 * Host header cannot change it); in development, the request's own origin.
 */
export function getPortalOrigin(request: Request): URL {
  const { PUBLIC_URL } = getEnv()
  return new URL(PUBLIC_URL ? new URL(PUBLIC_URL).origin : new URL(request.url).origin)
}

/**
 * Refuses a mutating request (anything but GET/HEAD/OPTIONS) unless its Origin header is the
 * portal's origin. Browsers send Origin on every cross-site and same-site POST, so a request
 * without one did not come from the portal's pages either: both get a 403.
 */
export function requireSameOrigin(request: Request): void {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return
  const origin = request.headers.get('Origin')
  if (!origin || origin === 'null' || origin !== getPortalOrigin(request).origin) {
    throw new Response('Cross-origin request refused: this action only accepts requests from the portal itself.', {
      status: 403,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    })
  }
}
