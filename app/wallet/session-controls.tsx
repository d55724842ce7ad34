import { useCallback, useState } from 'react'
import { isAddressEqual } from 'viem'
import { useConnection, useDisconnect } from 'wagmi'
import { AccountName } from './account-name'
import { ConnectMenu } from './connect-menu'
import { DevAccountPicker } from './dev-account-picker'
import { useEndSessionOnAccountChange } from './use-end-session-on-account-change'
import { describeSessionError, useSignIn, useSignOut } from './use-session'

type Props = { address: `0x${string}` | null }

/**
 * The header's wallet session: who is signed in (ENS name or short address, identicon), the
 * connect / sign in / sign out buttons, and the dev wallet's account picker. `address` is the
 * server session's address (root loader); the wallet's own state comes from wagmi. Part of the
 * wallet module: session-area.tsx shows a light stand-in until it is loaded.
 */
export function SessionControls({ address: sessionAddress }: Props) {
  const connection = useConnection()
  const signIn = useSignIn()
  const signOut = useSignOut()
  const disconnect = useDisconnect()
  const [notice, setNotice] = useState<string | null>(null)

  const { mutate: endSession } = signOut
  const onAccountChanged = useCallback(() => {
    setNotice('Your wallet switched accounts, so you were signed out. Sign in again as the new account.')
    endSession()
  }, [endSession])
  useEndSessionOnAccountChange(sessionAddress, onAccountChanged)

  const walletAddress = connection.status === 'connected' ? connection.address : undefined
  const signedIn = sessionAddress !== null && (!walletAddress || isAddressEqual(walletAddress, sessionAddress))
  const error = signIn.error ?? signOut.error ?? disconnect.error

  return (
    <div className="session-controls" role="group" aria-label="Wallet session">
      {signedIn ? (
        <>
          <AccountName address={sessionAddress} />
          <span className="pill session-state">Signed in</span>
          <DevAccountPicker />
          {connection.status === 'disconnected' || connection.status === 'connecting' ? <ConnectMenu /> : null}
          <button type="button" className="secondary" disabled={signOut.isPending} onClick={() => signOut.mutate()}>
            Sign out
          </button>
        </>
      ) : walletAddress ? (
        <>
          <AccountName address={walletAddress} />
          <span className="pill session-state">Not signed in</span>
          <DevAccountPicker />
          <button
            type="button"
            disabled={signIn.isPending}
            onClick={() => {
              setNotice(null)
              signIn.mutate()
            }}
          >
            {signIn.isPending ? 'Check your wallet…' : 'Sign in'}
          </button>
          <button type="button" className="secondary" onClick={() => disconnect.mutate()}>
            Disconnect
          </button>
        </>
      ) : connection.status === 'reconnecting' ? (
        // Only after an earlier connection (wagmi's cookie says so): the wallet is coming back.
        <span className="muted">Connecting wallet…</span>
      ) : (
        <ConnectMenu />
      )}
      {error ? (
        <p className="session-message field-error" role="alert">
          {describeSessionError(error)}
        </p>
      ) : notice && !signedIn ? (
        <p className="session-message" role="status">
          {notice}
        </p>
      ) : null}
    </div>
  )
}
