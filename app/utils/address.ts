import { getAddress, isAddress } from 'viem'

// Addresses in the three forms the portal uses: the lowercase key rows are stored under, the
// EIP-55 checksummed form people and signatures see, and the short form of a page.

/** The form every off-chain row is keyed by: lowercase hex, so SQL equality just works. */
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

/** "0x1234…abcd", for a page; the full address goes in a title or a link. */
export function shortAddress(address: string): string {
  return `${address.slice(0, 6)}…${address.slice(-4)}`
}
