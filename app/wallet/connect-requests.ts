import { createContext, useContext } from 'react'

// Which connect menu should open by itself: the one whose Connect button loaded the wallet.
// A context of its own, below both: the wallet kit's menus (loaded on demand) read it, and
// wallet-root.tsx (always loaded, which loads the kit) provides it — so the kit never imports
// the root that imports it.

/** Where a connect menu is: the header's session controls, or the /sign-in panel. */
export type ConnectMenuPlace = 'header' | 'sign-in'

/** True once after a Connect button of `place` was pressed, for that place's connect menu. */
export type TakeConnectRequest = (place: ConnectMenuPlace) => boolean

export const ConnectRequestsContext = createContext<TakeConnectRequest | null>(null)

export function useTakeConnectRequest(): TakeConnectRequest | null {
  return useContext(ConnectRequestsContext)
}
