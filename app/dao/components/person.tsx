import { AddressLink } from '~/components/address-link'

/** An address linked to its profile, under its known name when there is one. */
export function Person({ address, names }: { address: string; names: Record<string, string> }) {
  return <AddressLink address={address} label={names[address.toLowerCase()]} />
}
