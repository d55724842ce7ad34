import { useChains, useEnsName } from 'wagmi'
import { shortAddress } from '~/utils/address'
import { hasEns } from './chain'
import { Identicon } from './identicon'

/** An address as people should see it: its ENS name where the chain resolves one, else short, with an identicon. */
export function AccountName({ address }: { address: `0x${string}` }) {
  const [chain] = useChains()
  const ens = useEnsName({ address, chainId: chain.id, query: { enabled: hasEns(chain), staleTime: 60 * 60 * 1000 } })
  return (
    <span className="account-name" title={address}>
      <Identicon address={address} />
      <span className="account-name-text">{ens.data ?? shortAddress(address)}</span>
    </span>
  )
}
