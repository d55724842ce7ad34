import type { Abi, ContractEventName, GetEventArgs } from 'viem'
import {
  daoAbi,
  openTokenAbi,
  optimisticActionsAbi,
  tasksAbi,
  tokenVotingAbi,
  verifiedContributorAbi,
} from '#contracts-abi/index'

// The ABIs the indexer decodes, per contract kind, from the generated contracts-abi/ (typed
// `as const`, so each event's arguments have their types: see EventArgs). Their events are those
// of Openmesh's deployed contracts (../shared/reference-abi), plus TokenVoting's VoteReason.

const indexedContractKinds = ['tasks', 'verifiedContributor', 'tokenVoting', 'optimisticActions', 'dao'] as const
export type IndexedContractKind = (typeof indexedContractKinds)[number]

export const contractAbis = {
  tasks: tasksAbi,
  verifiedContributor: verifiedContributorAbi,
  tokenVoting: tokenVotingAbi,
  optimisticActions: optimisticActionsAbi,
  dao: daoAbi,
} as const satisfies Record<IndexedContractKind, Abi>

export type EventName<K extends IndexedContractKind> = ContractEventName<(typeof contractAbis)[K]>

/**
 * An event's arguments by name, as the decoder gives them: viem's conventions (integers of up to
 * 48 bits are numbers, wider ones bigints; tuples with named components are objects; an indexed
 * string, bytes or array is its topic hash), except that addresses are lowercase.
 */
export type EventArgs<K extends IndexedContractKind, N extends EventName<K>> = GetEventArgs<
  (typeof contractAbis)[K],
  N,
  { EnableUnion: false; IndexedOnly: false; Required: true }
>

/** The contracts a DAO action may call, by kind: their calldata is decoded for display. */
export const actionAbis = {
  ...contractAbis,
  openToken: openTokenAbi,
} as const satisfies Record<string, Abi>

export type ActionTargetKind = keyof typeof actionAbis
export const actionTargetKinds = Object.keys(actionAbis) as ActionTargetKind[]
