import { actionAbis } from '../decode/abis'
import { decodeActions } from './actions'
import { int, lower, str, type Handler, type HandlerContext } from './context'

// OptimisticActions → dao_optimistic_actions, dao_optimistic_rejections. An action is executable
// from `executableFrom` unless rejected; one rejection blocks it for good.

function actionKey(ctx: HandlerContext) {
  return [ctx.chainId, int(ctx.event.args.id)] as const
}

export const optimisticHandlers: Record<string, Handler> = {
  ActionCreated(ctx) {
    const a = ctx.event.args
    const [chainId, actionId] = actionKey(ctx)
    const metadataUri = String(a.metadata)
    if (metadataUri) ctx.metadata(metadataUri, 'action')
    ctx.store.insert('daoOptimisticActions', {
      chainId,
      actionId,
      dao: lower(a.dao),
      manager: lower(a.manager),
      role: str(a.role),
      actions: decodeActions(a.actions, ctx.contracts, actionAbis),
      failureMap: str(a.failureMap),
      metadataUri,
      executableFrom: null,
      state: 'pending',
      rejectionCount: 0,
      executor: null,
      executedBlock: null,
      executedAt: null,
      createdBlock: ctx.log.blockNumber,
      createdAt: ctx.log.blockTimestamp,
      transactionHash: ctx.log.transactionHash,
    })
    ctx.activity(lower(a.manager), 'dao.action', String(actionId), { created: true })
  },

  OptimisticActionCreated(ctx) {
    const action = ctx.store.get('daoOptimisticActions', actionKey(ctx))
    if (action) ctx.store.put('daoOptimisticActions', { ...action, executableFrom: int(ctx.event.args.executableFrom) })
  },

  OptimisticActionRejected(ctx) {
    const [chainId, actionId] = actionKey(ctx)
    const metadataUri = String(ctx.event.args.metadata)
    if (metadataUri) ctx.metadata(metadataUri, 'rejection')
    ctx.store.insert('daoOptimisticRejections', {
      chainId,
      actionId,
      blockNumber: ctx.log.blockNumber,
      logIndex: ctx.log.logIndex,
      metadataUri,
      rejectedAt: ctx.log.blockTimestamp,
      transactionHash: ctx.log.transactionHash,
    })
    const action = ctx.store.get('daoOptimisticActions', [chainId, actionId])
    if (action) ctx.store.put('daoOptimisticActions', { ...action, state: 'rejected', rejectionCount: action.rejectionCount + 1 })
  },

  ActionExecuted(ctx) {
    const action = ctx.store.get('daoOptimisticActions', actionKey(ctx))
    if (!action) return
    const executor = lower(ctx.event.args.executor)
    ctx.store.put('daoOptimisticActions', {
      ...action,
      state: 'executed',
      executor,
      executedBlock: ctx.log.blockNumber,
      executedAt: ctx.log.blockTimestamp,
    })
    ctx.activity(executor, 'dao.action', String(action.actionId), { executed: true })
  },
}
