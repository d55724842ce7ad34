import type { JsonValue } from '#db/schema/chain'
import type { EventArgs, EventName } from '../decode/abis'
import { toJson } from './actions'
import { int, type HandlerContext } from './context'

// Tasks events → task_events: each event of a task with its decoded arguments, in chain order,
// for the task page's timeline. Every Tasks event names its task first.

export function recordTaskEvent(ctx: HandlerContext, name: EventName<'tasks'>, args: EventArgs<'tasks', EventName<'tasks'>>) {
  ctx.store.append('taskEvents', {
    chainId: ctx.chainId,
    taskId: int(args.taskId),
    blockNumber: ctx.log.blockNumber,
    logIndex: ctx.log.logIndex,
    name,
    args: toJson(args) as Record<string, JsonValue>,
    timestamp: ctx.log.blockTimestamp,
    transactionHash: ctx.log.transactionHash,
  })
}
