import { browserRpcUrl } from '#config/browser-rpc'
import type { Env } from '#config/env'
import { DEVNET_CHAIN_ID } from '#devnet/anvil'
import { portalChain } from '../app/wallet/chain'

/** The origins the browser's wallet client sends RPC requests to, for connect-src. */
export function browserRpcOrigins(env: Env): string[] {
  const chain = portalChain({ CHAIN_ID: env.CHAIN_ID ?? DEVNET_CHAIN_ID, RPC_URL: browserRpcUrl(env) })
  return [...new Set(chain.rpcUrls.default.http.map((url) => new URL(url).origin))]
}
