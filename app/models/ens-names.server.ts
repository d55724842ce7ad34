import { asc, eq, inArray, lt, sql } from 'drizzle-orm'
import type { Db } from '#db/client'
import { ensNames } from '#db/schema'
import { addressKey } from '~/utils/address'

// What ENS said about an address the last time it was asked (app/profiles/ens.server.ts asks):
// a cache, so pages never wait on ENS except the profile page when its entry is stale.

export type EnsRecord = { name: string | null; avatarUrl: string | null; resolvedAt: number; error: string | null }

/** How long a resolved name is trusted before the profile page asks ENS again. */
export const ENS_TTL_MS = 24 * 60 * 60 * 1000

export function getEnsRecord(db: Db, address: string): EnsRecord | null {
  const row = db.select().from(ensNames).where(eq(ensNames.address, addressKey(address))).get()
  return row ? { name: row.name, avatarUrl: row.avatarUrl, resolvedAt: row.resolvedAt, error: row.error } : null
}

/** ENS names by lowercase address, for the addresses that have one. */
export function getEnsNames(db: Db, addresses: string[]): Map<string, string> {
  const keys = [...new Set(addresses.map(addressKey))]
  const names = new Map<string, string>()
  for (let i = 0; i < keys.length; i += 500) {
    const rows = db.select({ address: ensNames.address, name: ensNames.name }).from(ensNames).where(inArray(ensNames.address, keys.slice(i, i + 500))).all()
    for (const row of rows) if (row.name) names.set(row.address, row.name)
  }
  return names
}

/** A successful resolution replaces the entry; a failed one keeps the last good name and avatar, and says why. */
export function storeEnsResult(db: Db, address: string, result: { name: string | null; avatarUrl: string | null } | { error: string }, now = Date.now()): void {
  const key = addressKey(address)
  if ('error' in result) {
    db.insert(ensNames)
      .values({ address: key, name: null, avatarUrl: null, resolvedAt: now, error: result.error })
      .onConflictDoUpdate({ target: ensNames.address, set: { resolvedAt: now, error: result.error } })
      .run()
    return
  }
  const row = { address: key, name: result.name, avatarUrl: result.avatarUrl, resolvedAt: now, error: null }
  db.insert(ensNames).values(row).onConflictDoUpdate({ target: ensNames.address, set: row }).run()
}

/**
 * What the notifier resolves in the background, oldest knowledge first: people the chain or the
 * profiles know who were never looked up, then entries older than the TTL.
 */
export function listEnsAddressesToResolve(db: Db, { chainId, now = Date.now(), limit }: { chainId: number; now?: number; limit: number }): string[] {
  const unseen = db.all<{ address: string }>(sql`
    SELECT address FROM (
      SELECT DISTINCT address FROM chain_activity WHERE chain_id = ${chainId}
      UNION SELECT address FROM profiles)
    WHERE address NOT IN (SELECT address FROM ens_names)
    LIMIT ${limit}`)
  const stale =
    unseen.length < limit
      ? db.select({ address: ensNames.address }).from(ensNames).where(lt(ensNames.resolvedAt, now - ENS_TTL_MS)).orderBy(asc(ensNames.resolvedAt)).limit(limit - unseen.length).all()
      : []
  return [...unseen, ...stale].map((row) => row.address)
}
