import { useEffect } from 'react'
import { loadWalletKitModule } from './wallet-loader'
import { useWallet, WalletIsland } from './wallet-root'

/** /sign-in's panel: the wallet module's sign-in panel, with a light stand-in while it loads. */
export function SignInArea() {
  return <WalletIsland fallback={<LightSignInPanel />}>{(wallet) => <wallet.SignInPanel />}</WalletIsland>
}

function LightSignInPanel() {
  const wallet = useWallet()
  // The visitor came here to sign in: fetch the wallet's code now, so Choose is instant.
  useEffect(() => void loadWalletKitModule().catch(() => undefined), [])
  return (
    <section className="card sign-in-panel" aria-label="Sign in">
      <p>First connect a wallet. Signing in costs nothing: your wallet signs a message, no transaction is sent.</p>
      <div className="connect-menu">
        <button type="button" aria-expanded={false} disabled={!wallet} onClick={() => void wallet?.activate({ openMenu: 'sign-in' })}>
          Choose a wallet
        </button>
      </div>
      {wallet?.failed ? (
        <p className="field-error" role="alert">
          The wallet could not be loaded; check your connection and try again.
        </p>
      ) : null}
    </section>
  )
}
