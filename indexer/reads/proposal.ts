import { decodeFunctionResult, encodeFunctionData, type Hex } from 'viem'
import { tokenVotingAbi as votingAbi } from '../../contracts-abi'
import type { Eth } from '../rpc/eth'

// A proposal's voting parameters, read at its creation block: ProposalCreated carries the dates
// but not the snapshot block, the support threshold or the minimum participation.

export type ProposalParams = {
  snapshotBlock: number
  supportThreshold: number
  minVotingPower: string
  totalVotingPower: string
}


export async function readProposalParams(eth: Eth, plugin: Hex, proposalId: bigint, blockHash: Hex): Promise<ProposalParams> {
  const raw = await eth.call(plugin, encodeFunctionData({ abi: votingAbi, functionName: 'getProposal', args: [proposalId] }), blockHash)
  const [, , parameters] = decodeFunctionResult({ abi: votingAbi, functionName: 'getProposal', data: raw })
  const totalRaw = await eth.call(
    plugin,
    encodeFunctionData({ abi: votingAbi, functionName: 'totalVotingPower', args: [parameters.snapshotBlock] }),
    blockHash,
  )
  const total = decodeFunctionResult({ abi: votingAbi, functionName: 'totalVotingPower', data: totalRaw })
  return {
    snapshotBlock: Number(parameters.snapshotBlock),
    supportThreshold: parameters.supportThreshold,
    minVotingPower: parameters.minVotingPower.toString(),
    totalVotingPower: total.toString(),
  }
}
