import type { QueryClient } from '@tanstack/react-query'
import { cookieStorage, createConfig, createStorage, http, injected, type CreateConnectorFn, type State } from 'wagmi'
import { walletConnect } from 'wagmi/connectors/walletConnect'
import type { PublicEnv } from '~/env.server'
import { portalChain } from './chain'
import { devWallet } from './dev-wallet-connector'

// The portal's one wagmi config. It is created per render root (see wallet-kit.tsx): once in
// the browser, once per request on the server, so no request ever sees another's state.

export type WalletEnv = Pick<PublicEnv, 'CHAIN_ID' | 'RPC_URL' | 'WALLETCONNECT_PROJECT_ID' | 'DEV_WALLET_ACCOUNTS'>

export function createWagmiConfig(env: WalletEnv) {
  const chain = portalChain(env)
  const inBrowser = typeof window !== 'undefined'
  // Wallets announcing themselves through EIP-6963 are added by wagmi on mount (each by name
  // and icon); `injected()` covers a wallet that only sets window.ethereum.
  const connectors: CreateConnectorFn[] = [injected()]
  // WalletConnect opens relay connections as soon as it is set up: browser only.
  if (inBrowser && env.WALLETCONNECT_PROJECT_ID) {
    connectors.push(
      walletConnect({
        projectId: env.WALLETCONNECT_PROJECT_ID,
        showQrModal: true,
        metadata: {
          name: 'Openmesh Portal',
          description: 'Learn, contribute and govern in the Openmesh community.',
          url: window.location.origin,
          icons: [],
        },
      }),
    )
  }
  if (env.DEV_WALLET_ACCOUNTS.length > 0) {
    connectors.push(devWallet({ accounts: env.DEV_WALLET_ACCOUNTS, rpcUrl: env.RPC_URL ?? undefined }))
  }
  return createConfig({
    chains: [chain],
    connectors,
    transports: { [chain.id]: http(env.RPC_URL ?? undefined) },
    multiInjectedProviderDiscovery: true,
    // Hydrate from storage after mount, and keep the state in a cookie the server can read.
    ssr: true,
    storage: createStorage({ storage: cookieStorage }),
  })
}

export type WagmiConfig = ReturnType<typeof createWagmiConfig>

/** What the wallet kit hands to wagmi's and react-query's providers (built in wallet-kit.tsx). */
export type WalletKit = { config: WagmiConfig; queryClient: QueryClient; initialState: State | undefined }

declare module 'wagmi' {
  interface Register {
    config: WagmiConfig
  }
}
