import type { Env } from './env'

// The names of the portal's cookies, needed by the app (which sets them) and by the web
// server (which rate-limits per session before the app runs).

export type PortalCookie = 'portal-session' | 'portal-siwe'

/**
 * Production: `__Host-` names (Secure, this host only). Development: cookies are not scoped
 * by port, so two portals on localhost (e.g. `npm run dev` and the e2e run) would overwrite
 * each other's cookies without the port in the name.
 */
export function portalCookieName(base: PortalCookie, env: Pick<Env, 'NODE_ENV' | 'PORT'>): string {
  return env.NODE_ENV === 'production' ? `__Host-${base}` : `${base}-${env.PORT}`
}
