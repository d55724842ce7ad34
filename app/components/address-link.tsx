import { Link } from '@remix-run/react'
import { shortAddress } from '~/utils/address'

/** An address (from the chain: untrusted) linked to its contributor profile, shown short unless labelled. */
export function AddressLink({ address, label }: { address: string; label?: string }) {
  return (
    <Link to={`/contributors/${address}`} title={address} className="address">
      {label ?? shortAddress(address)}
    </Link>
  )
}
