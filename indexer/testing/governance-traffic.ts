import { stringToHex, type Hex } from 'viem'
import { optimisticActionsAbi, tokenVotingAbi, verifiedContributorAbi } from '#contracts-abi/index'
import { call, rpc, type Tx } from './chain'
import { address, documentUri, eventsOfLatestBlock, fund, inOneBlock, type Traffic } from './world'

// A cohort of DAO traffic: OVC members join (minted by the DAO) and delegate to themselves;
// proposals with a mint action, voted (half with reasons) and executed once they pass early;
// optimistic actions created, some rejected, the rest executed after the delay; a few members
// leave (burn their own token).

export type GovernanceTrafficOptions = { members?: number }

export async function governanceCohort(traffic: Traffic, options: GovernanceTrafficOptions): Promise<void> {
  const { world, rand, seedTag } = traffic
  const c = world.deployment.contracts
  const ovc = c.verifiedContributor!.address.toLowerCase() as Hex
  const voting = c.tokenVoting!.address.toLowerCase() as Hex
  const optimistic = c.optimisticActions!.address.toLowerCase() as Hex
  const mintCall = (who: Hex) => call(verifiedContributorAbi, 'mint', [who, BigInt(traffic.tokenSerial++)])

  const memberCount = options.members ?? 30
  const members = Array.from({ length: memberCount }, (_, i) => address(`member-${seedTag}-${traffic.tokenSerial}-${i}`))
  await fund(world, members)
  await inOneBlock(
    world,
    members.map((m) => ({ from: world.dao, to: ovc, data: mintCall(m), gas: 200_000n })),
  )
  traffic.events += members.length
  await inOneBlock(world, members.map((m) => ({ from: m, to: ovc, data: call(verifiedContributorAbi, 'delegate', [m]), gas: 200_000n })))
  traffic.events += members.length * 2

  const proposalsPerCohort = 6
  const proposals: Tx[] = []
  for (let p = 0; p < proposalsPerCohort; p++) {
    const newcomer = address(`newcomer-${seedTag}-${traffic.tokenSerial}`)
    const uri = await documentUri(world, { title: `Proposal ${seedTag}-${traffic.proposals + p}`, summary: 'generated' })
    proposals.push({
      from: members[p % members.length]!,
      to: voting,
      data: call(tokenVotingAbi, 'createProposal', [stringToHex(uri), [{ to: ovc, value: 0n, data: mintCall(newcomer) }], 0n, 0n, 0n, 0, false]),
      gas: 800_000n,
    })
    traffic.events++
  }
  await inOneBlock(world, proposals)
  const createdProposals = (await eventsOfLatestBlock(world, tokenVotingAbi, 'ProposalCreated')).map((a) => a.proposalId as bigint)
  traffic.proposals += createdProposals.length
  const votes: Tx[] = []
  const passing: bigint[] = []
  for (const [index, proposalId] of createdProposals.entries()) {
    const pass = index % 2 === 0
    if (pass) passing.push(proposalId)
    for (const [i, m] of members.entries()) {
      const option = pass ? (i < members.length * 0.7 ? 2 : 3) : i % 3 === 0 ? 1 : 3
      if (rand() < 0.5) {
        votes.push({ from: m, to: voting, data: call(tokenVotingAbi, 'voteWithReason', [proposalId, option, false, `reason ${i}`]), gas: 300_000n })
        traffic.events += 2
      } else {
        votes.push({ from: m, to: voting, data: call(tokenVotingAbi, 'vote', [proposalId, option, false]), gas: 300_000n })
        traffic.events++
      }
    }
  }
  await inOneBlock(world, votes)
  // Earlier cohorts' members hold voting power too: execute only what reached support early.
  const executable: bigint[] = []
  for (const id of passing) {
    const answer = await rpc<Hex>(world.rpcUrl, 'eth_call', [{ to: voting, data: call(tokenVotingAbi, 'canExecute', [id]) }, 'latest'])
    if (BigInt(answer) === 1n) executable.push(id)
  }
  await inOneBlock(world, executable.map((id) => ({ from: members[0]!, to: voting, data: call(tokenVotingAbi, 'execute', [id]), gas: 800_000n })))
  traffic.events += executable.length * 3

  // Optimistic actions: created, some rejected, the rest executed after the delay.
  const actions: Tx[] = []
  for (let a = 0; a < 6; a++) {
    const newcomer = address(`optimistic-${seedTag}-${traffic.tokenSerial}`)
    actions.push({
      from: members[a]!,
      to: optimistic,
      data: call(optimisticActionsAbi, 'createAction', [
        members[a]!,
        0n,
        [{ to: ovc, value: 0n, data: mintCall(newcomer) }],
        0n,
        await documentUri(world, { title: `Add contributor ${newcomer}` }),
      ]),
      gas: 600_000n,
    })
    traffic.events += 2
  }
  await inOneBlock(world, actions)
  const createdActions = (await eventsOfLatestBlock(world, optimisticActionsAbi, 'ActionCreated')).map((a) => Number(a.id))
  traffic.actions += createdActions.length
  const rejected = createdActions.filter((_, i) => i % 3 === 0)
  await inOneBlock(
    world,
    rejected.map((id) => ({ from: members[members.length - 1]!, to: optimistic, data: call(optimisticActionsAbi, 'rejectAction', [id, 'ipfs://not-a-cid']), gas: 200_000n })),
  )
  traffic.events += rejected.length
  await rpc(world.rpcUrl, 'evm_increaseTime', [24 * 3600])
  await inOneBlock(
    world,
    createdActions
      .filter((id) => !rejected.includes(id))
      .map((id) => ({ from: members[1]!, to: optimistic, data: call(optimisticActionsAbi, 'executeAction', [world.dao, id]), gas: 800_000n })),
  )
  traffic.events += (createdActions.length - rejected.length) * 3

  const leaving = members.slice(-3)
  const leavingIds = await Promise.all(leaving.map(async (m) => tokenOf(world.rpcUrl, ovc, m)))
  await inOneBlock(
    world,
    leaving.map((m, i) => ({ from: m, to: ovc, data: call(verifiedContributorAbi, 'burn', [leavingIds[i]!]), gas: 200_000n })),
  )
  traffic.events += leaving.length * 2
}

/** The OVC token a member was minted (its latest Transfer to them). */
async function tokenOf(rpcUrl: string, ovc: Hex, member: Hex): Promise<bigint> {
  const logs = await rpc<{ topics: Hex[] }[]>(rpcUrl, 'eth_getLogs', [
    { address: ovc, fromBlock: '0x0', toBlock: 'latest', topics: [null, null, `0x${member.slice(2).padStart(64, '0')}`] },
  ])
  return BigInt(logs.at(-1)!.topics[3]!)
}
