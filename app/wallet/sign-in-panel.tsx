import { useConnection } from 'wagmi'
import { AccountName } from './account-name'
import { ConnectMenu } from './connect-menu'
import { describeSessionError, useSignIn } from './use-session'

/**
 * The body of /sign-in: connect, then sign. Once the session exists the page's loader sends
 * the visitor back where they came from. Part of the wallet module (see sign-in.tsx).
 */
export function SignInPanel() {
  const connection = useConnection()
  const signIn = useSignIn()
  if (connection.status !== 'connected' || !connection.address) {
    return (
      <section className="card sign-in-panel" aria-label="Sign in">
        <p>First connect a wallet. Signing in costs nothing: your wallet signs a message, no transaction is sent.</p>
        <ConnectMenu label="Choose a wallet" place="sign-in" />
      </section>
    )
  }
  return (
    <section className="card sign-in-panel" aria-label="Sign in">
      <p>
        Connected as <AccountName address={connection.address} />. Sign a message with your wallet to prove it is yours.
      </p>
      <button type="button" disabled={signIn.isPending} onClick={() => signIn.mutate()}>
        {signIn.isPending ? 'Check your wallet…' : 'Sign in with Ethereum'}
      </button>
      {signIn.error ? (
        <p className="field-error" role="alert">
          {describeSessionError(signIn.error)}
        </p>
      ) : null}
    </section>
  )
}
