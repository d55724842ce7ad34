import { toHex, type Hex } from 'viem'
import { erc721CountTrustlessManagementAbi } from '#contracts-abi/ERC721CountTrustlessManagement'
import { optimisticActionsAbi } from '#contracts-abi/OptimisticActions'
import { tagTrustlessManagementAbi } from '#contracts-abi/TagTrustlessManagement'
import { tagVotingAbi } from '#contracts-abi/TagVoting'
import { tokenVotingAbi } from '#contracts-abi/TokenVoting'
import { verifiedContributorAbi } from '#contracts-abi/VerifiedContributor'
import { encodeFunctionData } from 'viem'
import { contractWrite, type WriteStep } from '~/chain-writes/use-tx-flow'
import type { DaoBodyTarget, DaoContracts, Hex20 } from './dao-contracts'

// Every governance write the pages make, on the same call path as Openmesh's ovc-frontend
// (../shared/reference-abi/README.md): delegate on the OVC; vote / execute / createProposal on the
// body's voting plugin; optimistic actions created and rejected through the body's creation
// TrustlessManagement `asDAO`, executed by anyone on OptimisticActions.

export type DaoAction = { to: Hex20; value: bigint; data: Hex }

/** Aragon's vote options as the plugins number them. */
const voteOptionNumbers = { abstain: 1, yes: 2, no: 3 } as const
export type CastOption = keyof typeof voteOptionNumbers

function need<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`${what} is not deployed on this chain.`)
  return value
}

export function delegateStep(c: DaoContracts, to: Hex20, label: string): WriteStep {
  return { label, write: contractWrite(verifiedContributorAbi, need(c.verifiedContributor, 'The OVC'), 'delegate', [to]) }
}

const votingAbiOf = (body: DaoBodyTarget) => (body.tag ? tagVotingAbi : tokenVotingAbi)

export function voteStep(body: DaoBodyTarget, proposalId: string, option: CastOption): WriteStep {
  const plugin = need(body.plugin, `The ${body.name}'s voting plugin`)
  // tryEarlyExecution: the vote that decides the outcome also executes it, as the ovc-frontend votes.
  return {
    label: `Vote ${option} on proposal #${proposalId}`,
    write: contractWrite(votingAbiOf(body) as typeof tokenVotingAbi, plugin, 'vote', [BigInt(proposalId), voteOptionNumbers[option], true]),
  }
}

export function executeProposalStep(body: DaoBodyTarget, proposalId: string): WriteStep {
  const plugin = need(body.plugin, `The ${body.name}'s voting plugin`)
  return { label: `Execute proposal #${proposalId}`, write: contractWrite(votingAbiOf(body) as typeof tokenVotingAbi, plugin, 'execute', [BigInt(proposalId)]) }
}

/** createProposal(toHex("ipfs://<cid>"), actions, 0, 0, 0, 0, false): from now for the minimum duration. */
export function createProposalStep(body: DaoBodyTarget, metadataUri: string, actions: DaoAction[]): WriteStep {
  const plugin = need(body.plugin, `The ${body.name}'s voting plugin`)
  return {
    label: `Create a proposal of the ${body.name}`,
    write: contractWrite(votingAbiOf(body) as typeof tokenVotingAbi, plugin, 'createProposal', [toHex(metadataUri), actions, 0n, 0n, 0n, 0, false]),
  }
}

/** uint160(address) as a TrustlessManagement role. */
const addressRole = (address: Hex20) => BigInt(address)

/**
 * Who may create and reject a body's optimistic actions: for the Openmesh DAO every OVC holder
 * (ERC721CountTrustlessManagement, role 1); for a department its tag holders (TagTrustlessManagement, role = tag).
 */
function creationPath(c: DaoContracts, body: DaoBodyTarget) {
  return body.tag
    ? { manager: need(c.tagTrustlessManagement, 'TagTrustlessManagement'), role: BigInt(body.tag) }
    : { manager: need(c.erc721CountTrustlessManagement, 'ERC721CountTrustlessManagement'), role: 1n }
}

function asDaoStep(c: DaoContracts, body: DaoBodyTarget, inner: DaoAction, label: string): WriteStep {
  const { manager, role } = creationPath(c, body)
  // Both managements share the asDAO interface; the ABI only differs in a parameter's name.
  const abi = body.tag ? (tagTrustlessManagementAbi as unknown as typeof erc721CountTrustlessManagementAbi) : erc721CountTrustlessManagementAbi
  return { label, write: contractWrite(abi, manager, 'asDAO', [body.account, role, [inner], 0n]) }
}

/** asDAO(dao, role, [createAction(AddressTrustlessManagement, uint160(OptimisticActions), actions, 0, uri)], 0). */
export function createOptimisticStep(c: DaoContracts, body: DaoBodyTarget, actions: DaoAction[], metadataUri: string): WriteStep {
  const optimistic = need(c.optimisticActions, 'OptimisticActions')
  const data = encodeFunctionData({
    abi: optimisticActionsAbi,
    functionName: 'createAction',
    args: [need(c.addressTrustlessManagement, 'AddressTrustlessManagement'), addressRole(optimistic), actions, 0n, metadataUri],
  })
  return asDaoStep(c, body, { to: optimistic, value: 0n, data }, `Create an optimistic action of the ${body.name}`)
}

/** asDAO(dao, role, [rejectAction(id, "ipfs://<{reason}>")], 0). */
export function rejectOptimisticStep(c: DaoContracts, body: DaoBodyTarget, actionId: number, reasonUri: string): WriteStep {
  const optimistic = need(c.optimisticActions, 'OptimisticActions')
  const data = encodeFunctionData({ abi: optimisticActionsAbi, functionName: 'rejectAction', args: [actionId, reasonUri] })
  return asDaoStep(c, body, { to: optimistic, value: 0n, data }, `Reject optimistic action #${actionId}`)
}

export function executeOptimisticStep(c: DaoContracts, dao: Hex20, actionId: number): WriteStep {
  return {
    label: `Execute optimistic action #${actionId}`,
    write: contractWrite(optimisticActionsAbi, need(c.optimisticActions, 'OptimisticActions'), 'executeAction', [dao, actionId]),
  }
}
