import { getAddress, isAddress } from 'viem'

/** The form every learning-record row is keyed by: lowercase hex, so SQL equality just works. */
export function addressKey(address: string): string {
  return address.toLowerCase()
}

/** EIP-55 checksummed form, for display and for the `learner` field of a certificate. */
export function checksumAddress(address: string): `0x${string}` {
  return getAddress(address)
}

/** A URL or form value that should be an address; null when it is not one. */
export function parseAddress(value: string | undefined | null): `0x${string}` | null {
  if (!value || !isAddress(value, { strict: false })) return null
  return getAddress(value)
}
