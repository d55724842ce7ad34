import { and, desc, eq } from 'drizzle-orm'
import { tasks } from '../../db/schema'
import { getDb } from '~/db.server'
import { getChainId } from '~/env.server'

export type TaskListItem = {
  chainId: number
  taskId: number
  title: string | null
  state: 'open' | 'taken' | 'closed'
  deadline: number
  manager: string
  nativeBudget: string
}

export function getRecentTasks({ limit }: { limit: number }): TaskListItem[] {
  const chainId = getChainId()
  return getDb()
    .select({
      chainId: tasks.chainId,
      taskId: tasks.taskId,
      title: tasks.title,
      state: tasks.state,
      deadline: tasks.deadline,
      manager: tasks.manager,
      nativeBudget: tasks.nativeBudget,
    })
    .from(tasks)
    .where(and(eq(tasks.chainId, chainId)))
    .orderBy(desc(tasks.taskId))
    .limit(limit)
    .all()
}
