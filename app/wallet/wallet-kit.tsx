import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { cookieToInitialState, Hydrate, WagmiContext, type State } from 'wagmi'
import { createWagmiConfig, type WagmiConfig, type WalletEnv, type WalletKit } from './config'

// Everything the wallet needs, in one module that pages load only when they need it (see
// wallet-loader.ts): wagmi, viem's wallet parts, the connectors and the wallet UI. The server
// has it always (entry.server.tsx); the browser imports it when the visitor connects, or before
// hydration when signed in (entry.client.tsx).

export { SessionControls } from './session-controls'
export { SignInPanel } from './sign-in-panel'
export { WrongNetworkBanner } from './wrong-network-banner'


/**
 * The page's wagmi config and react-query client. One per render root: on the server a new one
 * per request, in the browser one for the page's life. Both sides start from the same wagmi
 * cookie value (passed through the root loader), so the first client render matches the HTML.
 */
export function createWalletKit(env: WalletEnv, wagmiCookie: string | null): WalletKit {
  const config = createWagmiConfig(env)
  const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: 60_000, refetchOnWindowFocus: false } } })
  return { config, queryClient, initialState: readInitialState(config, wagmiCookie) }
}

/**
 * wagmi's hydration, once per page (the part of WagmiProvider that is not a context): sets the
 * state from the cookie before the islands render, and after mounting restores the wallet's
 * last connection. Rendered beside the page, not around it, so loading the wallet never
 * remounts the page.
 */
export function WalletStarter({ kit }: { kit: WalletKit }) {
  return (
    <Hydrate config={kit.config} initialState={kit.initialState} reconnectOnMount>
      {null}
    </Hydrate>
  )
}

/**
 * What wagmi's WagmiProvider gives its children, for one part of the page (a wallet island):
 * every island shares the page's one config and client, so they see the same connection.
 */
export function WalletScope({ kit, children }: { kit: WalletKit; children: ReactNode }) {
  return (
    <WagmiContext.Provider value={kit.config}>
      <QueryClientProvider client={kit.queryClient}>{children}</QueryClientProvider>
    </WagmiContext.Provider>
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
