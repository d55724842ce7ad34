import { decodeActions } from './actions'
import { int, lower, str, type HandlerContext, type Handlers } from './context'

// OptimisticActions → dao_optimistic_actions, dao_optimistic_rejections. An action is executable
// from `executableFrom` unless rejected; one rejection blocks it for good.

function actionKey(ctx: HandlerContext, args: { id: number }) {
  return [ctx.chainId, int(args.id)] as const
}

export const optimisticHandlers: Handlers<'optimisticActions'> = {
  ActionCreated(ctx, a) {
    const [chainId, actionId] = actionKey(ctx, a)
    const metadataUri = a.metadata
    if (metadataUri) ctx.metadata(metadataUri, 'action')
    ctx.store.insert('daoOptimisticActions', {
      chainId,
      actionId,
      dao: lower(a.dao),
      manager: lower(a.manager),
      role: str(a.role),
      actions: decodeActions(a.actions, ctx.actionTargets),
      failureMap: str(a.failureMap),
      metadataUri,
      executableFrom: null,
      state: 'pending',
      rejectionCount: 0,
      executor: null,
      executedBlock: null,
      executedAt: null,
      executionTransactionHash: null,
      createdBlock: ctx.log.blockNumber,
      createdAt: ctx.log.blockTimestamp,
      transactionHash: ctx.log.transactionHash,
    })
    ctx.activity(lower(a.manager), 'dao.action', String(actionId), { created: true })
  },

  OptimisticActionCreated(ctx, a) {
    const action = ctx.store.get('daoOptimisticActions', actionKey(ctx, a))
    if (action) ctx.store.put('daoOptimisticActions', { ...action, executableFrom: int(a.executableFrom) })
  },

  OptimisticActionRejected(ctx, a) {
    const [chainId, actionId] = actionKey(ctx, a)
    const metadataUri = a.metadata
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

  ActionExecuted(ctx, a) {
    const action = ctx.store.get('daoOptimisticActions', actionKey(ctx, a))
    if (!action) return
    const executor = lower(a.executor)
    ctx.store.put('daoOptimisticActions', {
      ...action,
      state: 'executed',
      executor,
      executedBlock: ctx.log.blockNumber,
      executedAt: ctx.log.blockTimestamp,
      executionTransactionHash: ctx.log.transactionHash,
    })
    ctx.activity(executor, 'dao.action', String(action.actionId), { executed: true })
  },
}
