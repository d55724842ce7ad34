import { Link } from '@remix-run/react'
import { shortAddress } from '~/utils/address'
import { useDisplayName } from './person-name'

/**
 * An address (from the chain: untrusted) linked to its contributor profile, under its display name
 * (see ./person-name.tsx) when the page's loader knows one, else `label`, else short.
 */
export function AddressLink({ address, label }: { address: string; label?: string }) {
  const name = useDisplayName(address)
  return (
    <Link to={`/contributors/${address}`} title={address} className="address">
      {name ?? label ?? shortAddress(address)}
    </Link>
  )
}
