import type { Hex } from 'viem'
import { decodeTasksCall, toJson } from './actions'
import { int, lower, str, type HandlerContext, type Handlers } from './context'

// TaskDisputes and TaskDrafts → task_disputes, task_drafts. Each queues one Tasks call as a
// PessimisticActions action of a DAO and then emits TrustlessActionCreated(dao, trustlessActions,
// actionId): the action (trustless-actions.ts), created earlier in the same transaction, is what
// the dispute or draft is; its calldata says which task and what payment, or which task to create.

type LinkArgs = { dao: string; trustlessActions: string; actionId: bigint }

/** The action this event links to: it must have been created in this very transaction. */
function linkedAction(ctx: HandlerContext, a: LinkArgs) {
  const key = [ctx.chainId, lower(a.trustlessActions), lower(a.dao), int(a.actionId)] as const
  const action = ctx.store.get('trustlessActions', key)
  if (!action || action.transactionHash !== ctx.log.transactionHash) {
    ctx.logger.warn('TrustlessActionCreated names no action created in its transaction', {
      source: ctx.log.address,
      trustlessActions: key[1],
      dao: key[2],
      actionId: key[3],
      transactionHash: ctx.log.transactionHash,
    })
    return undefined
  }
  return { key, action }
}

/** The action's only call, decoded as the Tasks function it must be. */
function queuedCall(ctx: HandlerContext, actions: { to: string; data: string; value: string }[], name: 'completeByDispute' | 'createTask') {
  const call = actions[0]
  const args = call ? decodeTasksCall(call.data as Hex, name) : undefined
  if (!args) ctx.logger.warn(`a ${ctx.eventName} action that is not a Tasks.${name} call`, { transactionHash: ctx.log.transactionHash })
  return args && call ? { args, value: call.value } : undefined
}

export const taskDisputeHandlers: Handlers<'taskDisputes'> = {
  TrustlessActionCreated(ctx, a) {
    const linked = linkedAction(ctx, a)
    if (!linked) return
    const call = queuedCall(ctx, linked.action.actions, 'completeByDispute')
    if (!call) return
    const [chainId, trustlessActions, dao, actionId] = linked.key
    const taskId = int(call.args.taskId as bigint)
    // The action's document is the dispute's {title, summary, body}: read it as one.
    ctx.metadata(linked.action.metadataUri, 'dispute')
    ctx.store.insert('taskDisputes', {
      chainId,
      trustlessActions,
      dao,
      actionId,
      source: lower(ctx.log.address),
      taskId,
      metadataUri: linked.action.metadataUri,
      partialNativeReward: toJson(call.args.partialNativeReward),
      partialReward: toJson(call.args.partialReward),
      createdBlock: ctx.log.blockNumber,
      createdAt: ctx.log.blockTimestamp,
      transactionHash: ctx.log.transactionHash,
    })
    const task = ctx.store.get('tasks', [chainId, taskId])
    for (const party of new Set([task?.creator, task?.manager].filter((p): p is string => !!p))) {
      ctx.activity(party, 'task.disputed', String(taskId), { dao, actionId })
    }
  },
}

export const taskDraftHandlers: Handlers<'taskDrafts'> = {
  TrustlessActionCreated(ctx, a) {
    const linked = linkedAction(ctx, a)
    if (!linked) return
    const call = queuedCall(ctx, linked.action.actions, 'createTask')
    if (!call) return
    const [chainId, trustlessActions, dao, actionId] = linked.key
    const args = call.args as { metadata: string; deadline: bigint; manager: string; disputeManager: string; budget: unknown; preapprove: unknown }
    if (args.metadata) ctx.metadata(args.metadata, 'task')
    ctx.store.insert('taskDrafts', {
      chainId,
      trustlessActions,
      dao,
      actionId,
      source: lower(ctx.log.address),
      metadataUri: linked.action.metadataUri,
      taskMetadataUri: args.metadata,
      taskDeadline: int(args.deadline),
      taskManager: lower(args.manager),
      taskDisputeManager: lower(args.disputeManager),
      nativeBudget: str(call.value),
      budget: toJson(args.budget),
      preapproved: toJson(args.preapprove),
      createdTaskId: null,
      createdBlock: ctx.log.blockNumber,
      createdAt: ctx.log.blockTimestamp,
      transactionHash: ctx.log.transactionHash,
    })
  },
}
