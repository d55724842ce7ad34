import { inArray } from 'drizzle-orm'
import type { Db } from '#db/client'
import { profiles } from '#db/schema'
import { getKnownContracts } from '~/dao/contracts.server'
import type { KnownContracts } from '~/dao/decode-action.server'
import { getAddressNames } from '~/dao/names.server'
import { addressKey } from '~/utils/address'
import { getEnsNames } from './ens-names.server'

// The one lookup behind every name the portal shows for an address (<AddressLink>, <PersonName>):
// the name its owner signed into their profile, else its primary ENS name, else the portal's own
// label for its contracts and the devnet's seeded people. Loaders return the result as
// `displayNames` (see app/components/person-name.tsx), so every page names an address alike.

export type DisplayNames = Record<string, string>

export function getDisplayNames(db: Db, chainId: number, addresses: Iterable<string | null | undefined>, known: KnownContracts = getKnownContracts(chainId)): DisplayNames {
  const keys = [...new Set([...addresses].filter((a): a is string => typeof a === 'string' && /^0x[0-9a-fA-F]{40}$/.test(a)).map(addressKey))]
  if (keys.length === 0) return {}
  const fallback = getAddressNames(chainId, known)
  const names: DisplayNames = {}
  for (const key of keys) if (fallback[key]) names[key] = fallback[key]
  for (const [key, name] of getEnsNames(db, keys)) names[key] = name
  for (let i = 0; i < keys.length; i += 500) {
    const rows = db.select({ address: profiles.address, title: profiles.title }).from(profiles).where(inArray(profiles.address, keys.slice(i, i + 500))).all()
    for (const row of rows) if (row.title.trim() !== '') names[row.address] = row.title.trim()
  }
  return names
}

const ADDRESS = /^0x[0-9a-fA-F]{40}$/

/**
 * The display names of every address in a loader's answer (any string that is a whole 0x address,
 * however deep), so a page names everyone it shows without listing them by hand:
 * `return { ...page, displayNames: displayNamesIn(db, chainId, page) }`.
 */
export function displayNamesIn(db: Db, chainId: number, data: unknown, known?: KnownContracts): DisplayNames {
  const found = new Set<string>()
  const seen = new Set<object>()
  const walk = (value: unknown, depth: number) => {
    if (typeof value === 'string') {
      if (ADDRESS.test(value)) found.add(value)
    } else if (value !== null && typeof value === 'object' && depth < 12 && !seen.has(value) && found.size < 5_000) {
      seen.add(value)
      for (const child of Array.isArray(value) ? value : Object.values(value)) walk(child, depth + 1)
    }
  }
  walk(data, 0)
  return getDisplayNames(db, chainId, found, known)
}
