import { createPublicClient, http, type PublicClient } from 'viem'
import { getEnv } from '~/env.server'

// The web process's one client of the chain's JSON-RPC (RPC_URL, else the local anvil), for the
// reads pages may make beside the database: the chain head (chain-head.server.ts) and the senders
// of indexed transactions. Short timeout and no retry: a page never waits long on the chain.

const RPC_TIMEOUT_MS = 1_500

const globalForRpc = globalThis as unknown as { portalRpcClient?: PublicClient }

export function getRpcClient(): PublicClient {
  const env = getEnv()
  globalForRpc.portalRpcClient ??= createPublicClient({
    transport: http(env.RPC_URL ?? `http://127.0.0.1:${env.ANVIL_PORT}`, { timeout: RPC_TIMEOUT_MS, retryCount: 0, batch: true }),
  })
  return globalForRpc.portalRpcClient
}
