import type { Env } from '#config/env'

/** Whether outbound requests may reach private addresses: NOTIFY_PRIVATE_URLS, else only outside production. */
export function allowPrivateUrls(env: Pick<Env, 'NOTIFY_PRIVATE_URLS' | 'NODE_ENV'>): boolean {
  return env.NOTIFY_PRIVATE_URLS ? env.NOTIFY_PRIVATE_URLS === 'on' : env.NODE_ENV !== 'production'
}

/** The origin links in notifications point at: PUBLIC_URL, else the local portal. */
export function portalOrigin(env: Pick<Env, 'PUBLIC_URL' | 'PORT'>): string {
  return env.PUBLIC_URL ? new URL(env.PUBLIC_URL).origin : `http://localhost:${env.PORT}`
}
