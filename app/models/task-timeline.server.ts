import { and, asc, eq } from 'drizzle-orm'
import type { Db } from '#db/client'
import { taskEvents, type JsonValue } from '#db/schema'

// Every event of one task, with its transaction: the task_events projection the indexer keeps
// (arguments decoded there, bigints as decimal strings, addresses lowercase), in chain order.

export type TimelineEvent = {
  name: string
  args: Record<string, JsonValue>
  blockNumber: number
  logIndex: number
  timestamp: number
  transactionHash: string
}

export function getTaskTimeline(db: Db, { chainId, taskId }: { chainId: number; taskId: number }): TimelineEvent[] {
  return db
    .select({
      name: taskEvents.name,
      args: taskEvents.args,
      blockNumber: taskEvents.blockNumber,
      logIndex: taskEvents.logIndex,
      timestamp: taskEvents.timestamp,
      transactionHash: taskEvents.transactionHash,
    })
    .from(taskEvents)
    .where(and(eq(taskEvents.chainId, chainId), eq(taskEvents.taskId, taskId)))
    .orderBy(asc(taskEvents.blockNumber), asc(taskEvents.logIndex))
    .all()
}
