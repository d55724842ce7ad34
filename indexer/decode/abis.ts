import type { Abi } from 'viem'
import {
  daoAbi,
  openTokenAbi,
  optimisticActionsAbi,
  tasksAbi,
  tokenVotingAbi,
  verifiedContributorAbi,
} from '../../contracts-abi'

// The ABIs the indexer decodes, per contract kind, from the generated contracts-abi/. Their events
// are those of Openmesh's deployed contracts (../shared/reference-abi), plus TokenVoting's VoteReason.

export const indexedContractKinds = ['tasks', 'verifiedContributor', 'tokenVoting', 'optimisticActions', 'dao'] as const
export type IndexedContractKind = (typeof indexedContractKinds)[number]

export const contractAbis: Record<IndexedContractKind, Abi> = {
  tasks: tasksAbi,
  verifiedContributor: verifiedContributorAbi,
  tokenVoting: tokenVotingAbi,
  optimisticActions: optimisticActionsAbi,
  dao: daoAbi,
}

/** Full ABIs of the contracts a DAO action may call, to decode its calldata for display. */
export const actionAbis: Record<string, Abi> = {
  ...contractAbis,
  openToken: openTokenAbi,
}
