import { getChainId, getEnv } from '~/env.server'
import { readSessionSecrets } from './secrets.server'

const DAY_MS = 24 * 60 * 60 * 1000

export type SessionSettings = {
  secrets: string[]
  /** Production: Secure cookies with the `__Host-` prefix. */
  secure: boolean
  sessionCookieName: string
  bindingCookieName: string
  idleMs: number
  maxMs: number
  chainId: number
  /** The RPC the server verifies signatures through (ERC-1271 / ERC-6492 need the chain). */
  rpcUrl: string
}

let cached: SessionSettings | undefined

export function getSessionSettings(): SessionSettings {
  cached ??= readSettings()
  return cached
}

function readSettings(): SessionSettings {
  const env = getEnv()
  const secure = env.NODE_ENV === 'production'
  // Cookies are not scoped by port: in development two portals on localhost (e.g. `npm run dev`
  // and the e2e run) would overwrite each other's cookies without the port in the name.
  const name = (base: string) => (secure ? `__Host-${base}` : `${base}-${env.PORT}`)
  return {
    secrets: readSessionSecrets(env),
    secure,
    sessionCookieName: name('portal-session'),
    bindingCookieName: name('portal-siwe'),
    idleMs: env.SESSION_IDLE_DAYS * DAY_MS,
    maxMs: env.SESSION_MAX_DAYS * DAY_MS,
    chainId: getChainId(),
    rpcUrl: env.RPC_URL ?? `http://127.0.0.1:${env.ANVIL_PORT}`,
  }
}
