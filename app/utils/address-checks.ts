import { getAddress, isAddress } from 'viem'

// The EIP-55 checksummed form of an address, and reading one from a URL or form value (viem's
// checks; address.ts has the light forms a first visit needs).

/** EIP-55 checksummed form, for display and for the `learner` field of a certificate. */
export function checksumAddress(address: string): `0x${string}` {
  return getAddress(address)
}

/** A URL or form value that should be an address; null when it is not one. */
export function parseAddress(value: string | undefined | null): `0x${string}` | null {
  if (!value || !isAddress(value, { strict: false })) return null
  return getAddress(value)
}
