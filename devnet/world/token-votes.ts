import { encodeFunctionData, parseEther, toHex, type Hex } from 'viem'
import { openTokenAbi, tokenVotingAbi, verifiedContributorAbi } from '../../contracts-abi'
import type { WorldKit } from './kit'
import type { ProposalAction, ProposalSpec } from './specs/governance'

// The Openmesh DAO's TokenVoting proposals as the ovc-frontend makes them:
// createProposal(toHex("ipfs://<cid>"), actions, 0, 0, endDate, 0, false) with a {title, summary}
// document, then one vote per OVC holder's delegated power. Proposals made in the past use the
// minimum duration (end 0: now + 5 minutes on the devnet); active ones end days from now.

const DAY = 24 * 60 * 60

/** Aragon's vote options. */
export const VoteOption = { none: 0, abstain: 1, yes: 2, no: 3 } as const

export async function seedTokenVotingProposal(kit: WorldKit, spec: ProposalSpec, now: number | null): Promise<number> {
  const voting = kit.topology.tokenVoting.address
  const uri = await kit.doc('proposal', { title: spec.title, summary: spec.summary })
  const endDate = now === null ? 0n : BigInt(now + (spec.activeDays ?? 3) * DAY)
  await kit.send(spec.creator, voting, tokenVotingAbi, 'createProposal', [toHex(uri), spec.actions.map((a) => daoAction(kit, a)), 0n, 0n, endDate, 0, false], {
    label: `propose "${spec.title}"`,
  })
  const id = kit.ids.proposal(voting)
  for (const vote of spec.votes) {
    await kit.send(vote.voter, voting, tokenVotingAbi, 'vote', [BigInt(id), VoteOption[vote.option], true], { label: `vote on "${spec.title}"` })
  }
  return id
}

function daoAction(kit: WorldKit, action: ProposalAction): { to: `0x${string}`; value: bigint; data: Hex } {
  const t = kit.topology
  switch (action.kind) {
    case 'transferEth':
      return { to: kit.address(action.to), value: parseEther(action.eth), data: '0x' }
    case 'fundDepartment':
      return { to: t.departments[action.department].smartAccount.address, value: parseEther(action.eth), data: '0x' }
    case 'transferOpen':
      return {
        to: t.openToken.address,
        value: 0n,
        data: encodeFunctionData({ abi: openTokenAbi, functionName: 'transfer', args: [kit.address(action.to), parseEther(action.open)] }),
      }
    case 'burnOvc':
      return { to: t.verifiedContributor.address, value: 0n, data: encodeFunctionData({ abi: verifiedContributorAbi, functionName: 'burn', args: [action.tokenId] }) }
  }
}
