import { useRevalidator } from '@remix-run/react'
import { useState } from 'react'
import { shortAddress } from '~/utils/address'
import { postSession } from './session-api'
import { useWallet, WalletIsland } from './wallet-root'

// The header's session area and the wrong-network banner, as wallet islands: the full wallet
// controls once the wallet is loaded, a light stand-in before (no wallet code on a first visit).

type Props = { address: `0x${string}` | null }

export function SessionArea({ address }: Props) {
  return (
    <WalletIsland fallback={<LightSessionControls address={address} />}>
      {(wallet) => <wallet.SessionControls address={address} />}
    </WalletIsland>
  )
}

export function WrongNetworkArea() {
  return <WalletIsland fallback={null}>{(wallet) => <wallet.WrongNetworkBanner />}</WalletIsland>
}

/**
 * Before the wallet is loaded: "Connect wallet" loads it (and its menu then opens). A signed-in
 * visitor normally has the wallet from the start; if its download failed they can still sign out.
 */
function LightSessionControls({ address }: Props) {
  const wallet = useWallet()
  const [loading, setLoading] = useState(false)
  if (!wallet) return <span className="session-controls">{address ? shortAddress(address) : 'Not signed in'}</span>
  return (
    <div className="session-controls" role="group" aria-label="Wallet session">
      {address ? (
        <>
          <span className="account-name" title={address}>
            <span className="account-name-text">{shortAddress(address)}</span>
          </span>
          <span className="pill session-state">Signed in</span>
          <LightSignOut />
        </>
      ) : (
        <div className="connect-menu">
          <button
            type="button"
            aria-expanded={false}
            aria-busy={loading}
            disabled={loading}
            onClick={() => {
              setLoading(true)
              void wallet.activate().finally(() => setLoading(false))
            }}
          >
            Connect wallet
          </button>
        </div>
      )}
      {wallet.failed ? (
        <p className="session-message field-error" role="alert">
          The wallet could not be loaded; check your connection and try again.
        </p>
      ) : null}
    </div>
  )
}

function LightSignOut() {
  const revalidator = useRevalidator()
  const [pending, setPending] = useState(false)
  return (
    <button
      type="button"
      className="secondary"
      disabled={pending}
      onClick={() => {
        setPending(true)
        void postSession('/auth/logout')
          .then(() => revalidator.revalidate())
          .finally(() => setPending(false))
      }}
    >
      Sign out
    </button>
  )
}
