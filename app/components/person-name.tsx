import { useMatches } from '@remix-run/react'
import { shortAddress } from '~/utils/address'

// The name of an address, the same on every page. A route that shows addresses returns
// `displayNames` from its loader (app/models/display-names.server.ts: the owner's profile name,
// else ENS, else the portal's labels); every <AddressLink> and <PersonName> on the page reads
// them from there, so no component needs the map passed down.

type WithDisplayNames = { displayNames?: Record<string, string> }

/** The display name the page's loaders know for `address`, or undefined. */
export function useDisplayName(address: string): string | undefined {
  const key = address.toLowerCase()
  const matches = useMatches()
  for (let i = matches.length - 1; i >= 0; i--) {
    const data = matches[i]?.data as WithDisplayNames | null | undefined
    const name = data && typeof data === 'object' ? data.displayNames?.[key] : undefined
    if (name) return name
  }
  return undefined
}

/** An address's name as text (short hex when it has none), the full address in the tooltip. */
export function PersonName({ address, fallback }: { address: string; fallback?: string }) {
  const name = useDisplayName(address) ?? fallback
  return <span title={address}>{name ?? shortAddress(address)}</span>
}
