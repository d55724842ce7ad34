import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { loadWalletKitModule, useWalletKitModule, type WalletKitModule } from './wallet-loader'
import type { WalletEnv, WalletKit } from './config'
import { ConnectRequestsContext, type ConnectMenuPlace, type TakeConnectRequest } from './connect-requests'

// The wallet for the whole page, without the wallet's code: `WalletRoot` (in root.tsx) keeps the
// page's one wallet kit once there is one, and `WalletIsland`s are the parts of the page that
// use wagmi (the header's session controls, the sign-in panel, task forms). An island renders
// its fallback until the wallet is loaded, then its wallet UI. Pages rendered for a signed-in
// visitor have the wallet from the start, on the server and in the browser.

type WalletState = {
  module: WalletKitModule | null
  kit: WalletKit | null
  signedIn: boolean
  /**
   * Loads the wallet: because the visitor pressed a Connect button (that place's connect menu
   * then opens by itself), or with `openMenu: null` for a page that writes to the chain.
   */
  activate: (options?: { openMenu?: ConnectMenuPlace | null }) => Promise<void>
  /** True once after `activate`, for the connect menu of the place that asked. */
  takeConnectRequest: TakeConnectRequest
  /** The wallet's code could not be downloaded. */
  failed: boolean
}

const WalletContext = createContext<WalletState | null>(null)

export function WalletRoot({
  env,
  wagmiCookie,
  signedIn,
  children,
}: {
  env: WalletEnv
  wagmiCookie: string | null
  signedIn: boolean
  children: ReactNode
}) {
  const module = useWalletKitModule()
  // Signed in: the wallet is there from the first render (entry.client.tsx loads it before hydrating).
  const [kit, setKit] = useState<WalletKit | null>(() => (signedIn && module ? module.createWalletKit(env, wagmiCookie) : null))
  const connectRequest = useRef<ConnectMenuPlace | null>(null)
  const [failed, setFailed] = useState(false)
  const takeConnectRequest = useCallback((place: ConnectMenuPlace) => {
    if (connectRequest.current !== place) return false
    connectRequest.current = null
    return true
  }, [])

  const activate = useCallback(async ({ openMenu = 'header' }: { openMenu?: ConnectMenuPlace | null } = {}) => {
    if (openMenu) connectRequest.current = openMenu
    setFailed(false)
    try {
      const loaded = await loadWalletKitModule()
      setKit((current) => current ?? loaded.createWalletKit(env, wagmiCookie))
    } catch {
      setFailed(true)
    }
  }, [env, wagmiCookie])

  // Signed in after the page loaded without the wallet (e.g. its download failed before hydration).
  useEffect(() => {
    if (signedIn && !kit) void activate({ openMenu: null })
  }, [signedIn, kit, activate])

  const state = useMemo(
    () => ({ module, kit, signedIn, activate, takeConnectRequest, failed }),
    [module, kit, signedIn, activate, takeConnectRequest, failed],
  )
  return (
    <WalletContext.Provider value={state}>
      <ConnectRequestsContext.Provider value={takeConnectRequest}>
        {/* Beside the page, never around it: the wallet arriving does not remount the page. */}
        {kit && module ? <module.WalletStarter kit={kit} /> : null}
        {children}
      </ConnectRequestsContext.Provider>
    </WalletContext.Provider>
  )
}

/** The page's wallet state; outside WalletRoot (an error page without the root loader's data) there is none. */
export function useWallet(): WalletState | null {
  return useContext(WalletContext)
}

/**
 * A part of the page that uses wagmi: `children(module)` inside the page's wallet scope once the
 * wallet is loaded (and, with `signedInOnly`, the visitor signed in), `fallback` until then.
 */
export function WalletIsland({
  fallback,
  signedInOnly = false,
  children,
}: {
  fallback: ReactNode
  signedInOnly?: boolean
  children: (module: WalletKitModule) => ReactNode
}) {
  const wallet = useWallet()
  if (!wallet?.kit || !wallet.module || (signedInOnly && !wallet.signedIn)) return <>{fallback}</>
  const { module, kit } = wallet
  return <module.WalletScope kit={kit}>{children(module)}</module.WalletScope>
}
