import { createPublicClient, http, type Hash } from 'viem'
import { getEnv } from '~/env.server'

// Who sent a transaction. OptimisticActions' events do not name the member who created or
// rejected an action (ActionCreated carries the permission contract as `manager`), so the pages
// read the sender of the indexed transaction from the RPC. A transaction's sender is part of its
// signed body and never changes, so answers are cached for the life of the process; a slow or
// unreachable RPC only leaves the sender unknown, it never fails the page.

const MAX_CACHED = 10_000
const globalForSenders = globalThis as unknown as { daoTxSenders?: Map<string, string> }

export async function getTransactionSenders(hashes: string[]): Promise<Record<string, string>> {
  const cache = (globalForSenders.daoTxSenders ??= new Map())
  const wanted = [...new Set(hashes.map((hash) => hash.toLowerCase()).filter((hash) => /^0x[0-9a-f]{64}$/.test(hash)))]
  const missing = wanted.filter((hash) => !cache.has(hash))
  if (missing.length > 0) {
    const env = getEnv()
    const client = createPublicClient({
      transport: http(env.RPC_URL ?? `http://127.0.0.1:${env.ANVIL_PORT}`, { timeout: 2_000, retryCount: 0, batch: true }),
    })
    const results = await Promise.allSettled(missing.map((hash) => client.getTransaction({ hash: hash as Hash })))
    results.forEach((result, index) => {
      if (result.status === 'fulfilled') cache.set(missing[index]!, result.value.from.toLowerCase())
    })
    // Oldest first in a Map: drop the oldest answers beyond the bound.
    for (const key of cache.keys()) {
      if (cache.size <= MAX_CACHED) break
      cache.delete(key)
    }
  }
  return Object.fromEntries(wanted.flatMap((hash) => (cache.has(hash) ? [[hash, cache.get(hash)!]] : [])))
}
