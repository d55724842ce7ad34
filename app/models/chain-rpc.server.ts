import { getEnv } from '~/env.server'

// The RPC the web server reads a chain from (heads, price feeds): RPC_URL, else the devnet's anvil.
export function rpcUrlForChain(_chainId: number): string | null {
  const env = getEnv()
  return env.RPC_URL ?? `http://127.0.0.1:${env.ANVIL_PORT}`
}
