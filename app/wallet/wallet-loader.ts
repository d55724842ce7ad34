import { useSyncExternalStore } from 'react'
import type * as walletKit from './wallet-kit'

// The wallet module (wallet-kit.tsx: wagmi, viem's wallet parts, connectors, the wallet UI) is
// not part of a page's first load: the browser imports it when the visitor connects, or before
// hydrating a page rendered for a signed-in visitor. The server registers it at start.

export type WalletKitModule = typeof walletKit

let loaded: WalletKitModule | null = null
let loading: Promise<WalletKitModule> | null = null
const listeners = new Set<() => void>()

/** The server's copy (entry.server.tsx imports it like any module). */
export function provideWalletKitModule(module: WalletKitModule): void {
  loaded = module
}

export function loadWalletKitModule(): Promise<WalletKitModule> {
  loading ??= import('./wallet-kit').then(
    (module) => {
      loaded = module
      for (const listener of listeners) listener()
      return module
    },
    (error: unknown) => {
      loading = null // a failed download can be tried again
      throw error
    },
  )
  return loading
}

/** The wallet module once loaded (re-renders when it arrives), else null. */
export function useWalletKitModule(): WalletKitModule | null {
  return useSyncExternalStore(subscribe, () => loaded, () => loaded)
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}
