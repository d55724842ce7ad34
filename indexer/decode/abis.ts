import type { Abi, ContractEventName, GetEventArgs } from 'viem'
import {
  addressTrustlessManagementAbi,
  daoAbi,
  devnetUSDCAbi,
  erc721CountTrustlessManagementAbi,
  openTokenAbi,
  optimisticActionsAbi,
  pessimisticActionsAbi,
  rfpsAbi,
  smartAccountAbi,
  tagTrustlessManagementAbi,
  tagVotingAbi,
  taskDisputesAbi,
  taskDraftsAbi,
  tasksAbi,
  tokenVotingAbi,
  verifiedContributorAbi,
  verifiedContributorTagManagerAbi,
} from '#contracts-abi/index'

// The ABIs the indexer decodes, per contract kind, from the generated contracts-abi/ (typed
// `as const`, so each event's arguments have their types: see EventArgs). They are those of
// Openmesh's deployed contracts (../shared/reference-abi), item for item. A kind may have several
// addresses (a TagVoting per department, a DAO per department).

const indexedContractKinds = [
  'tasks',
  'rfps',
  'taskDisputes',
  'taskDrafts',
  'verifiedContributor',
  'tagManager',
  'tokenVoting',
  'tagVoting',
  'optimisticActions',
  'pessimisticActions',
  'addressTrustlessManagement',
  'erc721CountTrustlessManagement',
  'tagTrustlessManagement',
  'dao',
] as const
export type IndexedContractKind = (typeof indexedContractKinds)[number]

export const contractAbis = {
  tasks: tasksAbi,
  rfps: rfpsAbi,
  taskDisputes: taskDisputesAbi,
  taskDrafts: taskDraftsAbi,
  verifiedContributor: verifiedContributorAbi,
  tagManager: verifiedContributorTagManagerAbi,
  tokenVoting: tokenVotingAbi,
  tagVoting: tagVotingAbi,
  optimisticActions: optimisticActionsAbi,
  pessimisticActions: pessimisticActionsAbi,
  addressTrustlessManagement: addressTrustlessManagementAbi,
  erc721CountTrustlessManagement: erc721CountTrustlessManagementAbi,
  tagTrustlessManagement: tagTrustlessManagementAbi,
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

/**
 * The contracts a DAO action may call, by kind: their calldata is decoded for display. Beside the
 * indexed ones: the department smart accounts (a department's proposal wraps each call in
 * `performCall`) and the budget tokens.
 */
export const actionAbis = {
  ...contractAbis,
  smartAccount: smartAccountAbi,
  openToken: openTokenAbi,
  usdc: devnetUSDCAbi,
} as const satisfies Record<string, Abi>

export type ActionTargetKind = keyof typeof actionAbis
