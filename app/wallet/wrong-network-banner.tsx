import { useChains, useConnection, useSwitchChain } from 'wagmi'
import { describeSessionError } from './use-session'

/** Shown while the connected wallet is on another chain than the portal's, with a switch button. */
export function WrongNetworkBanner() {
  const { status, chainId } = useConnection()
  const [chain] = useChains()
  const switchChain = useSwitchChain()
  if (status !== 'connected' || chainId === undefined || chainId === chain.id) return null
  return (
    <div className="banner banner-warning wrong-network" role="alert">
      Your wallet is on chain {chainId}, but the portal runs on {chain.name} (chain {chain.id}).{' '}
      <button type="button" disabled={switchChain.isPending} onClick={() => switchChain.mutate({ chainId: chain.id })}>
        Switch to {chain.name}
      </button>
      {switchChain.error ? <span className="field-error"> {describeSessionError(switchChain.error)}</span> : null}
    </div>
  )
}
