import { and, eq, isNotNull } from 'drizzle-orm'
import type { Db } from '#db/client'
import { trustlessDaoSettings } from '#db/schema'

/** How long a DAO's optimistic actions wait before they may run (seconds), as OptimisticActions last set it; null when never set. */
export function getExecuteDelay(db: Db, { chainId, dao }: { chainId: number; dao: string }): number | null {
  const row = db
    .select({ delay: trustlessDaoSettings.executeDelay })
    .from(trustlessDaoSettings)
    .where(and(eq(trustlessDaoSettings.chainId, chainId), eq(trustlessDaoSettings.dao, dao.toLowerCase()), isNotNull(trustlessDaoSettings.executeDelay)))
    .get()
  return row?.delay ?? null
}
