// The DAO pages' reads: proposals and votes, optimistic actions, members. The queries live
// beside the DAO feature (app/dao/queries/), one file per projection family.

export { getProposal, getVotingSettings, listProposals } from '~/dao/queries/proposals.server'
export type { ProposalDetail, ProposalSummary, ProposalVote, VotingSettings } from '~/dao/queries/proposals.server'
export { getOptimisticAction, listOptimisticActions } from '~/dao/queries/actions.server'
export type { OptimisticActionDetail, OptimisticActionSummary, OptimisticRejection } from '~/dao/queries/actions.server'
export { listMembers } from '~/dao/queries/members.server'
export type { Member } from '~/dao/queries/members.server'
