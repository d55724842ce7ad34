import { hexToString, type Hex } from 'viem'
import { proposalReadKey, type ProposalParams } from '../reads/proposal'
import { decodeActions } from './actions'
import { int, lower, str, type HandlerContext, type Handlers } from './context'

// Aragon majority voting → dao_proposals, dao_votes, dao_voting_settings, keyed by the plugin
// that numbers the proposals: the Openmesh DAO's TokenVoting and each department's TagVoting
// emit the same events (TagVoting gives every tag holder one vote). Tallies are kept per option;
// a replaced vote (vote-replacement mode) moves its power.

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
  return [ctx.chainId, lower(ctx.log.address), str(args.proposalId)] as const
}

function proposalParams(ctx: HandlerContext, plugin: string, proposalId: string) {
  // Databases indexed before proposals were keyed by plugin (one TokenVoting) read by id alone.
  const params = ctx.read<ProposalParams>('proposalParams', proposalReadKey(plugin, proposalId)) ?? ctx.read<ProposalParams>('proposalParams', proposalId)
  return params && !('error' in params) ? params : undefined
}

export const votingHandlers: Handlers<'tokenVoting'> & Handlers<'tagVoting'> = {
  ProposalCreated(ctx, a) {
    const [chainId, plugin, proposalId] = proposalKey(ctx, a)
    const metadataUri = metadataUriFromBytes(a.metadata)
    const ok = proposalParams(ctx, plugin, proposalId)
    ctx.store.insert('daoProposals', {
      chainId,
      plugin,
      proposalId,
      proposalNumber: int(a.proposalId),
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
    ctx.activity(lower(a.creator), 'dao.proposed', proposalId, { plugin })
  },

  VoteCast(ctx, a) {
    const key = proposalKey(ctx, a)
    const [chainId, plugin, proposalId] = key
    const proposal = ctx.store.get('daoProposals', key)
    if (!proposal) return
    const voter = lower(a.voter)
    const option = a.voteOption
    const optionName = optionNames[option] ?? 'none'
    const power = a.votingPower
    const previous = ctx.store.get('daoVotes', [chainId, plugin, proposalId, voter])
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
      plugin,
      proposalId,
      voter,
      option,
      optionName,
      votingPower: power.toString(),
      votedBlock: ctx.log.blockNumber,
      votedAt: ctx.log.blockTimestamp,
      transactionHash: ctx.log.transactionHash,
    })
    ctx.activity(voter, 'dao.voted', proposalId, { option: optionName, plugin })
  },

  ProposalExecuted(ctx, a) {
    const proposal = ctx.store.get('daoProposals', proposalKey(ctx, a))
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
      plugin: lower(ctx.log.address),
      votingMode: a.votingMode,
      supportThreshold: a.supportThreshold,
      minParticipation: a.minParticipation,
      minDuration: int(a.minDuration),
      minProposerVotingPower: str(a.minProposerVotingPower),
      updatedBlock: ctx.log.blockNumber,
    })
  },
}
