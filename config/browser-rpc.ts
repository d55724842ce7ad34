import type { Env } from './env'

/**
 * The RPC the browser's wallet client reads from: PUBLIC_RPC_URL, else the local anvil on the
 * devnet; null with RPC_URL and no PUBLIC_RPC_URL (RPC_URL may hold an API key), when the
 * browser uses the chain's own public RPC. The app sends it to the browser (window.ENV), the
 * web server allows it in the Content-Security-Policy.
 */
export function browserRpcUrl(env: Pick<Env, 'PUBLIC_RPC_URL' | 'RPC_URL' | 'ANVIL_PORT'>): string | null {
  return env.PUBLIC_RPC_URL ?? (env.RPC_URL ? null : `http://127.0.0.1:${env.ANVIL_PORT}`)
}
