import { decodeActions, decodeTaskIdResult } from './actions'
import { int, lower, str, type HandlerContext, type Handlers } from './context'

// OptimisticActions and PessimisticActions → trustless_actions, trustless_action_rejections,
// trustless_dao_settings. One contract of each serves every DAO: an action is keyed by
// (contract, dao, id), the DAO being whoever called createAction (the Openmesh DAO or a department
// smart account, through TrustlessManagement's asDAO). An optimistic action runs from
// `executableFrom` unless rejected (once, for good); a pessimistic one only when its DAO executes it.
// Who asked for an action or a rejection is attributed by trustless-management.ts (Execution).

type ActionArgs = { id: number; dao: string }

function actionKey(ctx: HandlerContext, args: ActionArgs) {
  return [ctx.chainId, lower(ctx.log.address), lower(args.dao), int(args.id)] as const
}

type CreatedArgs = ActionArgs & {
  manager: string
  role: bigint
  actions: readonly { to: string; value: bigint; data: `0x${string}` }[]
  failureMap: bigint
  metadata: string
}

function created(ctx: HandlerContext, kind: 'optimistic' | 'pessimistic', a: CreatedArgs) {
  const [chainId, contract, dao, actionId] = actionKey(ctx, a)
  const metadataUri = a.metadata
  if (metadataUri) ctx.metadata(metadataUri, 'action')
  ctx.store.insert('trustlessActions', {
    chainId,
    contract,
    dao,
    actionId,
    kind,
    manager: lower(a.manager),
    role: str(a.role),
    actions: decodeActions(a.actions, ctx.actionTargets),
    failureMap: str(a.failureMap),
    metadataUri,
    creator: null,
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
  ctx.transaction.createdActions.push({ contract, dao, actionId })
}

function executed(ctx: HandlerContext, a: ActionArgs & { executor: string; returnValues: readonly `0x${string}`[] }) {
  const key = actionKey(ctx, a)
  const action = ctx.store.get('trustlessActions', key)
  if (!action) return
  const executor = lower(a.executor)
  ctx.store.put('trustlessActions', {
    ...action,
    state: 'executed',
    executor,
    executedBlock: ctx.log.blockNumber,
    executedAt: ctx.log.blockTimestamp,
    executionTransactionHash: ctx.log.transactionHash,
  })
  ctx.activity(executor, 'dao.action', String(action.actionId), { executed: true, contract: action.contract, dao: action.dao })
  // An approved draft's only call is Tasks.createTask: its return value is the new task's id.
  const draft = ctx.store.get('taskDrafts', key)
  if (draft) ctx.store.put('taskDrafts', { ...draft, createdTaskId: decodeTaskIdResult(a.returnValues[0]) })
}

export const optimisticActionHandlers: Handlers<'optimisticActions'> = {
  ActionCreated(ctx, a) {
    created(ctx, 'optimistic', a)
  },

  OptimisticActionCreated(ctx, a) {
    const action = ctx.store.get('trustlessActions', actionKey(ctx, a))
    if (action) ctx.store.put('trustlessActions', { ...action, executableFrom: int(a.executableFrom) })
  },

  OptimisticActionRejected(ctx, a) {
    const [chainId, contract, dao, actionId] = actionKey(ctx, a)
    const metadataUri = a.metadata
    if (metadataUri) ctx.metadata(metadataUri, 'rejection')
    const key = [chainId, ctx.log.blockNumber, ctx.log.logIndex] as const
    ctx.store.insert('trustlessActionRejections', {
      chainId,
      blockNumber: ctx.log.blockNumber,
      logIndex: ctx.log.logIndex,
      contract,
      dao,
      actionId,
      metadataUri,
      rejector: null,
      rejectedAt: ctx.log.blockTimestamp,
      transactionHash: ctx.log.transactionHash,
    })
    ctx.transaction.rejections.push({ key, dao })
    const action = ctx.store.get('trustlessActions', [chainId, contract, dao, actionId])
    if (action) ctx.store.put('trustlessActions', { ...action, state: 'rejected', rejectionCount: action.rejectionCount + 1 })
  },

  ActionExecuted(ctx, a) {
    executed(ctx, a)
  },

  AdminSet(ctx, a) {
    updateDaoSettings(ctx, lower(a.dao), { admin: lower(a.admin) })
  },

  OptimisticExecuteDelaySet(ctx, a) {
    updateDaoSettings(ctx, lower(a.dao), { executeDelay: int(a.executeDelay) })
  },
}

export const pessimisticActionHandlers: Handlers<'pessimisticActions'> = {
  ActionCreated(ctx, a) {
    created(ctx, 'pessimistic', a)
  },

  ActionExecuted(ctx, a) {
    executed(ctx, a)
  },
}

/** A DAO's admin and execute delay on the contract that emitted the event. */
export function updateDaoSettings(ctx: HandlerContext, dao: string, change: { admin?: string; executeDelay?: number }) {
  const key = [ctx.chainId, lower(ctx.log.address), dao] as const
  const current = ctx.store.get('trustlessDaoSettings', key)
  ctx.store.put('trustlessDaoSettings', {
    chainId: ctx.chainId,
    contract: key[1],
    dao,
    admin: current?.admin ?? null,
    executeDelay: current?.executeDelay ?? null,
    ...change,
    updatedBlock: ctx.log.blockNumber,
  })
}
