import { loadEnv, type Env } from '../config/env'

// Parsed once per server process: a bad value has already stopped `npm start` before the
// server boots, so here it can only fail for someone running the server by hand.
let cached: Env | undefined

export function getEnv(): Env {
  cached ??= loadEnv()
  return cached
}

/** The only configuration the browser sees (window.ENV). Never add secrets here. */
export function getPublicEnv() {
  const env = getEnv()
  return {
    CHAIN_ID: getChainId(),
    WALLETCONNECT_PROJECT_ID: env.WALLETCONNECT_PROJECT_ID ?? null,
  }
}

export type PublicEnv = ReturnType<typeof getPublicEnv>

export function getChainId(): number {
  return getEnv().CHAIN_ID ?? 31337
}
