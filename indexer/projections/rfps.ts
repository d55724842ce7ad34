import { recordBudgetTokens } from './tokens'
import type { NativeRewardEntry, TokenRewardEntry } from '#db/schema/chain'
import { toJson } from './actions'
import { int, lower, str, type HandlerContext, type Handlers } from './context'

// RFPs → rfps, rfp_projects. Anyone submits a project to an RFP; its manager accepts one, which
// makes the RFP's escrow create a task with the project's metadata and deadline (ProjectAccepted
// carries the task id); emptyRFP refunds what is left to the creator.

/**
 * The RFP document (documents/rfps.ts: also maxProjectFunding, maxAwardedProjects,
 * projectRequirements). A URI first filed under another kind keeps it (INSERT OR IGNORE): RFPs
 * indexed before this kind existed were read as task documents, without those fields.
 */
const rfpDocumentKind = 'rfp'

function loadRfp(ctx: HandlerContext, rfpId: bigint) {
  const rfp = ctx.store.get('rfps', [ctx.chainId, int(rfpId)])
  if (!rfp) ctx.logger.warn('event for an unknown RFP', { event: ctx.eventName, rfpId: str(rfpId), blockNumber: ctx.log.blockNumber })
  return rfp
}

export const rfpHandlers: Handlers<'rfps'> = {
  RFPCreated(ctx, a) {
    const creator = lower(a.creator)
    if (a.metadata) ctx.metadata(a.metadata, rfpDocumentKind)
    recordBudgetTokens(ctx, a.budget)
    ctx.store.insert('rfps', {
      chainId: ctx.chainId,
      rfpId: int(a.rfpId),
      metadataUri: a.metadata,
      deadline: int(a.deadline),
      nativeBudget: str(a.nativeBudget),
      budget: a.budget.map((b) => ({ tokenContract: lower(b.tokenContract), amount: str(b.amount) })),
      creator,
      tasksManager: lower(a.tasksManager),
      disputeManager: lower(a.disputeManager),
      manager: lower(a.manager),
      escrow: lower(a.escrow),
      emptied: false,
      emptiedAt: null,
      createdBlock: ctx.log.blockNumber,
      createdAt: ctx.log.blockTimestamp,
      transactionHash: ctx.log.transactionHash,
    })
    ctx.activity(creator, 'rfp.created', str(a.rfpId))
  },

  ProjectSubmitted(ctx, a) {
    if (!loadRfp(ctx, a.rfpId)) return
    const representative = lower(a.representative)
    if (a.metadata) ctx.metadata(a.metadata, 'task')
    ctx.store.insert('rfpProjects', {
      chainId: ctx.chainId,
      rfpId: int(a.rfpId),
      projectId: a.projectId,
      metadataUri: a.metadata,
      representative,
      deadline: int(a.deadline),
      nativeReward: a.nativeReward.map((r): NativeRewardEntry => ({ to: lower(r.to), amount: str(r.amount) })),
      reward: a.reward.map((r): TokenRewardEntry => ({ nextToken: r.nextToken, to: lower(r.to), amount: str(r.amount) })),
      accepted: false,
      acceptedNativeReward: null,
      acceptedReward: null,
      taskId: null,
      acceptedAt: null,
      acceptedTransactionHash: null,
      createdBlock: ctx.log.blockNumber,
      createdAt: ctx.log.blockTimestamp,
      transactionHash: ctx.log.transactionHash,
    })
    ctx.activity(representative, 'rfp.project', `${str(a.rfpId)}/${a.projectId}`)
  },

  ProjectAccepted(ctx, a) {
    const project = ctx.store.get('rfpProjects', [ctx.chainId, int(a.rfpId), a.projectId])
    if (!project) return
    ctx.store.put('rfpProjects', {
      ...project,
      accepted: true,
      acceptedNativeReward: toJson(a.nativeReward) as string[],
      acceptedReward: toJson(a.reward) as string[],
      taskId: int(a.taskId),
      acceptedAt: ctx.log.blockTimestamp,
      acceptedTransactionHash: ctx.log.transactionHash,
    })
    ctx.activity(project.representative, 'rfp.accepted', `${str(a.rfpId)}/${a.projectId}`, { taskId: str(a.taskId) })
  },

  RFPEmptied(ctx, a) {
    const rfp = loadRfp(ctx, a.rfpId)
    if (rfp) ctx.store.put('rfps', { ...rfp, emptied: true, emptiedAt: ctx.log.blockTimestamp })
  },
}
