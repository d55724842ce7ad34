// Addresses in the forms a page shows and rows are keyed by. No viem here: the header and the
// light pages import this, and viem is most of a first visit's JavaScript (address-checks.ts has
// the checksummed forms, for server code and pages that already load viem).

/** The form every off-chain row is keyed by: lowercase hex, so SQL equality just works. */
export function addressKey(address: string): string {
  return address.toLowerCase()
}

/** "0x1234…abcd", for a page; the full address goes in a title or a link. */
export function shortAddress(address: string): string {
  return `${address.slice(0, 6)}…${address.slice(-4)}`
}
