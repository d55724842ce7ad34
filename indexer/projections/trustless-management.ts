import type { PermissionKind } from '#db/schema/chain'
import { lower, str, type HandlerContext, type Handlers } from './context'
import { updateDaoSettings } from './trustless-actions'

// The three TrustlessManagement contracts (Address, ERC721Count, Tag: one ABI) →
// trustless_permissions, trustless_dao_settings, and who asked for trustless actions.
// - Each permission event sets the checker of (manager, dao, role) for one kind, zone and function.
// - `Execution(dao, role, sender, …)` is emitted after asDAO made the DAO run the calls: the
//   actions and rejections those calls created in this transaction were asked for by `sender`
//   (a member, or TaskDisputes/TaskDrafts), which no OptimisticActions event names.

const noZone = ''
const noFunction = ''

function permission(ctx: HandlerContext, a: { dao: string; role: bigint; permissionChecker: string }, kind: PermissionKind, zone = noZone, functionSelector = noFunction) {
  ctx.store.put('trustlessPermissions', {
    chainId: ctx.chainId,
    manager: lower(ctx.log.address),
    dao: lower(a.dao),
    role: str(a.role),
    kind,
    zone: zone && lower(zone),
    functionSelector: functionSelector && lower(functionSelector),
    permissionChecker: lower(a.permissionChecker),
    updatedBlock: ctx.log.blockNumber,
    updatedAt: ctx.log.blockTimestamp,
    transactionHash: ctx.log.transactionHash,
  })
}

function attribute(ctx: HandlerContext, dao: string, sender: string) {
  const memo = ctx.transaction
  memo.createdActions = memo.createdActions.filter((created) => {
    if (created.dao !== dao) return true
    const key = [ctx.chainId, created.contract, created.dao, created.actionId] as const
    const action = ctx.store.get('trustlessActions', key)
    if (action && action.creator === null) {
      ctx.store.put('trustlessActions', { ...action, creator: sender })
      ctx.activity(sender, 'dao.action', String(created.actionId), { created: true, contract: created.contract, dao })
    }
    return false
  })
  memo.rejections = memo.rejections.filter((rejection) => {
    if (rejection.dao !== dao) return true
    const row = ctx.store.get('trustlessActionRejections', rejection.key)
    if (row && row.rejector === null) {
      ctx.store.put('trustlessActionRejections', { ...row, rejector: sender })
      ctx.activity(sender, 'dao.rejected', String(row.actionId), { contract: row.contract, dao })
    }
    return false
  })
}

export const trustlessManagementHandlers: Handlers<'addressTrustlessManagement'> = {
  FullAccessChanged(ctx, a) {
    permission(ctx, a, 'fullAccess')
  },
  ZoneAccessChanged(ctx, a) {
    permission(ctx, a, 'zoneAccess', a.zone)
  },
  FunctionAccessChanged(ctx, a) {
    permission(ctx, a, 'functionAccess', a.zone, a.functionSelector)
  },
  ZoneBlacklistChanged(ctx, a) {
    permission(ctx, a, 'zoneBlacklist', a.zone)
  },
  FunctionBlacklistChanged(ctx, a) {
    permission(ctx, a, 'functionBlacklist', a.zone, a.functionSelector)
  },
  AdminSet(ctx, a) {
    updateDaoSettings(ctx, lower(a.dao), { admin: lower(a.admin) })
  },
  Execution(ctx, a) {
    attribute(ctx, lower(a.dao), lower(a.sender))
  },
}
