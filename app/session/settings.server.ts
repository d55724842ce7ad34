import { portalCookieName } from '#config/cookie-names'
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
  return {
    secrets: readSessionSecrets(env),
    secure: env.NODE_ENV === 'production',
    sessionCookieName: portalCookieName('portal-session', env),
    bindingCookieName: portalCookieName('portal-siwe', env),
    idleMs: env.SESSION_IDLE_DAYS * DAY_MS,
    maxMs: env.SESSION_MAX_DAYS * DAY_MS,
    chainId: getChainId(),
    rpcUrl: env.RPC_URL ?? `http://127.0.0.1:${env.ANVIL_PORT}`,
  }
}
