import { browserRpcUrl } from '#config/browser-rpc'
import { loadEnv, type Env } from '#config/env'
import { getDevWalletAccounts } from './wallet/dev-accounts.server'

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
  const chainId = getChainId()
  return {
    CHAIN_ID: chainId,
    WALLETCONNECT_PROJECT_ID: env.WALLETCONNECT_PROJECT_ID ?? null,
    /** The RPC the browser reads from: PUBLIC_RPC_URL, else the local anvil (RPC_URL may hold an API key). */
    RPC_URL: browserRpcUrl(env),
    /** The devnet's well-known, public keys for the dev wallet; empty on any chain but the devnet. */
    DEV_WALLET_ACCOUNTS: getDevWalletAccounts(chainId),
  }
}

export type PublicEnv = ReturnType<typeof getPublicEnv>

export function getChainId(): number {
  return getEnv().CHAIN_ID ?? 31337
}
