import { decodeFunctionResult, encodeFunctionData, type Hex } from 'viem'
import { tokenVotingAbi as votingAbi } from '#contracts-abi/index'

// A proposal's voting parameters, read at its creation block: ProposalCreated carries the dates
// but not the snapshot block, the support threshold or the minimum participation. Two calls per
// proposal (getProposal, then totalVotingPower at its snapshot), batched by the read planner.
// TokenVoting and TagVoting answer both alike (TagVoting's total is its tag's holder count).

export type ProposalParams = {
  snapshotBlock: number
  supportThreshold: number
  minVotingPower: string
  totalVotingPower: string
}

export function getProposalCall(plugin: Hex, proposalId: bigint, blockHash: Hex) {
  return { method: 'eth_call', params: [{ to: plugin, data: encodeFunctionData({ abi: votingAbi, functionName: 'getProposal', args: [proposalId] }) }, { blockHash }] }
}

export function decodeProposalParameters(result: Hex) {
  const [, , parameters] = decodeFunctionResult({ abi: votingAbi, functionName: 'getProposal', data: result })
  return parameters
}

export function totalVotingPowerCall(plugin: Hex, snapshotBlock: bigint, blockHash: Hex) {
  return {
    method: 'eth_call',
    params: [{ to: plugin, data: encodeFunctionData({ abi: votingAbi, functionName: 'totalVotingPower', args: [snapshotBlock] }) }, { blockHash }],
  }
}

export function decodeTotalVotingPower(result: Hex): bigint {
  return decodeFunctionResult({ abi: votingAbi, functionName: 'totalVotingPower', data: result })
}

/** The key of a proposal's pinned parameter read in raw_reads: ids count per plugin. */
export function proposalReadKey(plugin: string, proposalId: bigint | string): string {
  return `${plugin.toLowerCase()}:${proposalId}`
}
