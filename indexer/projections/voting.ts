import { hexToString, type Hex } from 'viem'
import type { ProposalParams } from '../reads/proposal'
import { decodeActions } from './actions'
import { int, lower, str, type HandlerContext, type Handlers } from './context'

// TokenVoting (Aragon majority voting) → dao_proposals, dao_votes, dao_voting_settings.
// Tallies are kept per option; a replaced vote (vote-replacement mode) moves its power.

const optionNames = ['none', 'abstain', 'yes', 'no'] as const
const tallyColumn = { none: undefined, abstain: 'abstain', yes: 'yes', no: 'no' } as const

/** ProposalCreated.metadata is the URI's UTF-8 bytes. */
function metadataUriFromBytes(metadata: Hex): string {
  try {
    return hexToString(metadata).replace(/\0+$/, '')
  } catch {
    return ''
  }
}

function proposalKey(ctx: HandlerContext, args: { proposalId: bigint }) {
  return [ctx.chainId, str(args.proposalId)] as const
}

export const votingHandlers: Handlers<'tokenVoting'> = {
  ProposalCreated(ctx, a) {
    const [chainId, proposalId] = proposalKey(ctx, a)
    const metadataUri = metadataUriFromBytes(a.metadata)
    const params = ctx.read<ProposalParams>('proposalParams', proposalId)
    const ok = params && !('error' in params) ? params : undefined
    ctx.store.insert('daoProposals', {
      chainId,
      proposalId,
      proposalNumber: int(a.proposalId),
      plugin: ctx.log.address,
      creator: lower(a.creator),
      metadataUri,
      title: metadataUri ? ctx.metadata(metadataUri, 'proposal') : null,
      startDate: int(a.startDate),
      endDate: int(a.endDate),
      actions: decodeActions(a.actions, ctx.actionTargets),
      allowFailureMap: str(a.allowFailureMap),
      snapshotBlock: ok?.snapshotBlock ?? null,
      supportThreshold: ok?.supportThreshold ?? null,
      minVotingPower: ok?.minVotingPower ?? null,
      totalVotingPower: ok?.totalVotingPower ?? null,
      yes: '0',
      no: '0',
      abstain: '0',
      voterCount: 0,
      state: 'active',
      executedBlock: null,
      executedAt: null,
      executionTransactionHash: null,
      createdBlock: ctx.log.blockNumber,
      createdAt: ctx.log.blockTimestamp,
      transactionHash: ctx.log.transactionHash,
    })
    ctx.activity(lower(a.creator), 'dao.proposed', proposalId)
  },

  VoteCast(ctx, a) {
    const [chainId, proposalId] = proposalKey(ctx, a)
    const proposal = ctx.store.get('daoProposals', [chainId, proposalId])
    if (!proposal) return
    const voter = lower(a.voter)
    const option = a.voteOption
    const optionName = optionNames[option] ?? 'none'
    const power = a.votingPower
    const previous = ctx.store.get('daoVotes', [chainId, proposalId, voter])
    const tallies = { yes: BigInt(proposal.yes), no: BigInt(proposal.no), abstain: BigInt(proposal.abstain) }
    const previousColumn = previous ? tallyColumn[previous.optionName] : undefined
    if (previous && previousColumn) tallies[previousColumn] -= BigInt(previous.votingPower)
    const column = tallyColumn[optionName]
    if (column) tallies[column] += power
    ctx.store.put('daoProposals', {
      ...proposal,
      yes: tallies.yes.toString(),
      no: tallies.no.toString(),
      abstain: tallies.abstain.toString(),
      voterCount: proposal.voterCount + (previous ? 0 : 1),
    })
    ctx.store.put('daoVotes', {
      chainId,
      proposalId,
      voter,
      option,
      optionName,
      votingPower: power.toString(),
      reason: previous?.reason ?? null,
      votedBlock: ctx.log.blockNumber,
      votedAt: ctx.log.blockTimestamp,
      transactionHash: ctx.log.transactionHash,
    })
    ctx.activity(voter, 'dao.voted', proposalId, { option: optionName })
  },

  VoteReason(ctx, a) {
    const [chainId, proposalId] = proposalKey(ctx, a)
    const voter = lower(a.voter)
    const vote = ctx.store.get('daoVotes', [chainId, proposalId, voter])
    if (vote) ctx.store.put('daoVotes', { ...vote, reason: a.reason })
  },

  ProposalExecuted(ctx, a) {
    const [chainId, proposalId] = proposalKey(ctx, a)
    const proposal = ctx.store.get('daoProposals', [chainId, proposalId])
    if (!proposal) return
    ctx.store.put('daoProposals', {
      ...proposal,
      state: 'executed',
      executedBlock: ctx.log.blockNumber,
      executedAt: ctx.log.blockTimestamp,
      executionTransactionHash: ctx.log.transactionHash,
    })
  },

  VotingSettingsUpdated(ctx, a) {
    ctx.store.put('daoVotingSettings', {
      chainId: ctx.chainId,
      plugin: ctx.log.address,
      votingMode: a.votingMode,
      supportThreshold: a.supportThreshold,
      minParticipation: a.minParticipation,
      minDuration: int(a.minDuration),
      minProposerVotingPower: str(a.minProposerVotingPower),
      updatedBlock: ctx.log.blockNumber,
    })
  },
}
