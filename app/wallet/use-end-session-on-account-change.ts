import { useEffect, useRef } from 'react'
import { isAddressEqual } from 'viem'
import { useConnection } from 'wagmi'

/**
 * A session belongs to one address. When the connected wallet shows another account (the
 * user switched accounts in the wallet), the server session must end: this effect syncs the
 * server with that external change, once per switch.
 */
export function useEndSessionOnAccountChange(sessionAddress: string | null, endSession: () => void) {
  const { status, address } = useConnection()
  const handled = useRef<string | null>(null)
  useEffect(() => {
    if (status !== 'connected' || !address || !sessionAddress) return
    if (isAddressEqual(address, sessionAddress as `0x${string}`)) return
    const key = `${sessionAddress}→${address}`
    if (handled.current === key) return
    handled.current = key
    endSession()
  }, [status, address, sessionAddress, endSession])
}
