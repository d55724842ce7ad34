import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { createContext, useContext, useState, type ReactNode } from 'react'
import { cookieToInitialState, WagmiProvider, type State } from 'wagmi'
import { createWagmiConfig, type WagmiConfig, type WalletEnv } from './config'

const WalletAvailable = createContext(false)

/** False outside the providers (e.g. an error page rendered without the root loader's data). */
export function useWalletAvailable(): boolean {
  return useContext(WalletAvailable)
}

/**
 * wagmi + react-query for the page. State is per render root: on the server that means a new
 * config and QueryClient per request. Both sides start from the same wagmi cookie value (passed
 * through the root loader), so the first client render matches the server's HTML.
 */
export function WalletProviders({ env, wagmiCookie, children }: { env: WalletEnv; wagmiCookie: string | null; children: ReactNode }) {
  const [config] = useState(() => createWagmiConfig(env))
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 60_000, refetchOnWindowFocus: false } } }),
  )
  const [initialState] = useState(() => readInitialState(config, wagmiCookie))
  return (
    <WagmiProvider config={config} initialState={initialState}>
      <QueryClientProvider client={queryClient}>
        <WalletAvailable.Provider value={true}>{children}</WalletAvailable.Provider>
      </QueryClientProvider>
    </WagmiProvider>
  )
}

/** wagmi's state from its cookie; the browser can write anything there, so a malformed one is ignored. */
function readInitialState(config: WagmiConfig, cookie: string | null): State | undefined {
  if (!cookie) return undefined
  const state = cookieToInitialState(config, `${config.storage?.key ?? 'wagmi'}.store=${cookie}`)
  if (!state || !(state.connections instanceof Map) || typeof state.chainId !== 'number') return undefined
  for (const connection of state.connections.values()) {
    const valid =
      Array.isArray(connection?.accounts) &&
      connection.accounts.every((account) => typeof account === 'string' && /^0x[0-9a-fA-F]{40}$/.test(account)) &&
      typeof connection.connector?.id === 'string' &&
      typeof connection.connector?.uid === 'string'
    if (!valid) return undefined
  }
  return state
}
