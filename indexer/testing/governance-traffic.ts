import { stringToHex, type Hex } from 'viem'
import {
  erc721CountTrustlessManagementAbi,
  optimisticActionsAbi,
  smartAccountAbi,
  tagVotingAbi,
  tasksAbi,
  tokenVotingAbi,
  verifiedContributorAbi,
  verifiedContributorTagManagerAbi,
} from '#contracts-abi/index'
import { DEVNET_OPTIMISTIC_EXECUTE_DELAY } from '#devnet/deploy'
import type { Department } from '#devnet/topology'
import { call, rpc, type Tx } from './chain'
import { address, documentUri, eventsOfLatestBlock, fund, inOneBlock, type Traffic, type World } from './world'

// A cohort of governance traffic on Openmesh's topology, through the real frontends' call paths:
// OVC members join (minted by the Openmesh DAO) and delegate to themselves; some get a
// department's tag (added by its smart account); TokenVoting proposals with a mint action, voted
// and executed once they pass early; a department's TagVoting proposal run through its smart
// account; optimistic actions on the Openmesh DAO created and rejected through
// ERC721CountTrustlessManagement.asDAO, the rest executed after the delay; a department's
// optimistic action through TagTrustlessManagement.asDAO, executed (it creates a task); a few
// members leave (burn their own token).

export type GovernanceTrafficOptions = { members?: number }

const Vote = { Abstain: 1, Yes: 2, No: 3 } as const

export type Action = { to: Hex; value: bigint; data: Hex }

export function topologyOf(world: World) {
  const t = world.deployment.topology
  const lower = (a: string) => a.toLowerCase() as Hex
  return {
    ovc: lower(t.verifiedContributor.address),
    tagManager: lower(t.tagManager.address),
    tokenVoting: lower(t.tokenVoting.address),
    openmeshDao: lower(t.openmeshDao.address),
    optimistic: lower(t.optimisticActions.address),
    pessimistic: lower(t.pessimisticActions.address),
    addressTm: lower(t.addressTrustlessManagement.address),
    countTm: lower(t.erc721CountTrustlessManagement.address),
    tagTm: lower(t.tagTrustlessManagement.address),
    tasks: lower(t.tasks.address),
    rfps: lower(t.rfps.address),
    taskDisputes: lower(t.taskDisputes.address),
    taskDrafts: lower(t.taskDrafts.address),
    departments: t.departments,
  }
}

/** The role of `account` on AddressTrustlessManagement. */
export const addressRole = (account: Hex) => BigInt(account)

/** Tags each member's token for the department, as its smart account (which holds the tag's role). */
export async function tagMembers(world: World, department: Department, tokens: { member: Hex; tokenId: bigint }[]) {
  const { tagManager } = topologyOf(world)
  const account = department.smartAccount.address.toLowerCase() as Hex
  await fund(world, [account])
  await inOneBlock(
    world,
    tokens.map(({ tokenId }) => ({ from: account, to: tagManager, data: call(verifiedContributorTagManagerAbi, 'addTag', [tokenId, department.tag]), gas: 300_000n })),
  )
}

/**
 * A department proposal whose actions its smart account performs, voted Yes by `voters` (tag
 * holders; the first proposes) until it executes early. Returns its proposal id.
 */
export async function passDepartmentProposal(world: World, department: Department, voters: Hex[], inner: Action[], title: string): Promise<bigint> {
  const voting = department.tagVoting.address.toLowerCase() as Hex
  const account = department.smartAccount.address.toLowerCase() as Hex
  const actions = inner.map((a) => ({ to: account, value: 0n, data: call(smartAccountAbi, 'performCall', [a.to, a.value, a.data]) }))
  const metadata = stringToHex(await documentUri(world, { title, summary: 'generated' }))
  await inOneBlock(world, [
    { from: voters[0]!, to: voting, data: call(tagVotingAbi, 'createProposal', [metadata, actions, 0n, 0n, 0n, Vote.Yes, true]), gas: 1_500_000n },
  ])
  const [created] = await eventsOfLatestBlock(world, tagVotingAbi, 'ProposalCreated')
  const proposalId = created!.proposalId as bigint
  for (const voter of voters.slice(1)) {
    const [, executed] = await readProposal(world, voting, proposalId)
    if (executed) break
    await inOneBlock(world, [{ from: voter, to: voting, data: call(tagVotingAbi, 'vote', [proposalId, Vote.Yes, true]), gas: 3_000_000n }])
  }
  const [, executed] = await readProposal(world, voting, proposalId)
  if (!executed) throw new Error(`${department.name} proposal ${proposalId} did not execute`)
  return proposalId
}

async function readProposal(world: World, voting: Hex, proposalId: bigint): Promise<[boolean, boolean]> {
  const answer = await rpc<Hex>(world.rpcUrl, 'eth_call', [{ to: voting, data: call(tagVotingAbi, 'getProposal', [proposalId]) }, 'latest'])
  // (bool open, bool executed, …): the first two words.
  return [BigInt(answer.slice(0, 66)) === 1n, BigInt(`0x${answer.slice(66, 130)}`) === 1n]
}

/**
 * `inner` as an optimistic action of `dao`, created by `member` through `manager.asDAO(dao, role, …)`
 * (the three TrustlessManagement contracts share asDAO's ABI).
 */
export function createOptimisticAction(world: World, member: Hex, via: { manager: Hex; dao: Hex; role: bigint }, inner: Action[], metadata: string): Tx {
  const { optimistic, addressTm } = topologyOf(world)
  const create = call(optimisticActionsAbi, 'createAction', [addressTm, addressRole(optimistic), inner, 0n, metadata])
  return { from: member, to: via.manager, data: call(erc721CountTrustlessManagementAbi, 'asDAO', [via.dao, via.role, [{ to: optimistic, value: 0n, data: create }], 0n]), gas: 1_500_000n }
}

export function rejectOptimisticAction(world: World, member: Hex, via: { manager: Hex; dao: Hex; role: bigint }, actionId: number, metadata: string): Tx {
  const { optimistic } = topologyOf(world)
  const reject = call(optimisticActionsAbi, 'rejectAction', [actionId, metadata])
  return { from: member, to: via.manager, data: call(erc721CountTrustlessManagementAbi, 'asDAO', [via.dao, via.role, [{ to: optimistic, value: 0n, data: reject }], 0n]), gas: 600_000n }
}

export async function governanceCohort(traffic: Traffic, options: GovernanceTrafficOptions): Promise<void> {
  const { world, rand, seedTag } = traffic
  const { ovc, tokenVoting: voting, openmeshDao, optimistic, countTm, tagTm, tasks, departments } = topologyOf(world)
  const mintCall = (who: Hex) => call(verifiedContributorAbi, 'mint', [who, BigInt(traffic.tokenSerial++)])

  const memberCount = Math.max(options.members ?? 30, 10)
  const members = Array.from({ length: memberCount }, (_, i) => address(`member-${seedTag}-${traffic.tokenSerial}-${i}`))
  await fund(world, members)
  const tokens = members.map((member) => ({ member, tokenId: BigInt(traffic.tokenSerial++) }))
  await inOneBlock(
    world,
    tokens.map(({ member, tokenId }) => ({ from: world.dao, to: ovc, data: call(verifiedContributorAbi, 'mint', [member, tokenId]), gas: 200_000n })),
  )
  traffic.events += members.length
  await inOneBlock(world, members.map((m) => ({ from: m, to: ovc, data: call(verifiedContributorAbi, 'delegate', [m]), gas: 200_000n })))
  traffic.events += members.length * 2

  // Three tag holders per cohort in the Dispute and CoreMember departments.
  const disputeMembers = tokens.slice(0, 3)
  const coreMembers = tokens.slice(3, 6)
  await tagMembers(world, departments.dispute, disputeMembers)
  await tagMembers(world, departments.coreMember, coreMembers)
  world.voters.dispute.push(...disputeMembers.map((t) => t.member))
  world.voters.coreMember.push(...coreMembers.map((t) => t.member))
  traffic.events += 6

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
      const option = pass ? (i < members.length * 0.7 ? Vote.Yes : Vote.No) : i % 3 === 0 ? Vote.Abstain : Vote.No
      if (rand() < 0.2) continue
      votes.push({ from: m, to: voting, data: call(tokenVotingAbi, 'vote', [proposalId, option, false]), gas: 300_000n })
      traffic.events++
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

  // A CoreMember proposal its smart account runs: it adds the department's tag to one more member.
  const newTag = tokens[6]!
  await passDepartmentProposal(
    world,
    departments.coreMember,
    world.voters.coreMember,
    [{ to: topologyOf(world).tagManager, value: 0n, data: call(verifiedContributorTagManagerAbi, 'addTag', [newTag.tokenId, departments.coreMember.tag]) }],
    `Welcome ${newTag.member} to CoreMember`,
  )
  world.voters.coreMember.push(newTag.member)
  traffic.proposals++
  traffic.events += 6

  // Optimistic actions of the Openmesh DAO (≥ 1 OVC may create and reject): created, some rejected, the rest executed after the delay.
  const openmesh = { manager: countTm, dao: openmeshDao, role: 1n }
  const actions: Tx[] = []
  for (let a = 0; a < 6; a++) {
    const newcomer = address(`optimistic-${seedTag}-${traffic.tokenSerial}`)
    const uri = await documentUri(world, { title: `Add contributor ${newcomer}`, summary: 'generated' })
    actions.push(createOptimisticAction(world, members[a]!, openmesh, [{ to: ovc, value: 0n, data: mintCall(newcomer) }], uri))
    traffic.events += 4
  }
  // The department's own: one Tasks call (an empty task of the smart account), made by a tag holder.
  const core = departments.coreMember
  const coreAccount = core.smartAccount.address.toLowerCase() as Hex
  const disputeAccount = departments.dispute.smartAccount.address.toLowerCase() as Hex
  const createTask = call(tasksAbi, 'createTask', [await documentUri(world, { title: `Department task ${seedTag}-${traffic.tokenSerial}` }), 2_000_000_000n, coreAccount, disputeAccount, [], []])
  actions.push(
    createOptimisticAction(world, coreMembers[0]!.member, { manager: tagTm, dao: coreAccount, role: BigInt(core.tag) }, [{ to: tasks, value: 0n, data: createTask }], await documentUri(world, { title: 'A department task', summary: 'generated' })),
  )
  traffic.events += 4
  await inOneBlock(world, actions)
  const createdActions = (await eventsOfLatestBlock(world, optimisticActionsAbi, 'ActionCreated')).map((a) => ({ id: Number(a.id), dao: (a.dao as string).toLowerCase() as Hex }))
  traffic.actions += createdActions.length
  const ofOpenmesh = createdActions.filter((a) => a.dao === openmeshDao)
  const rejected = ofOpenmesh.filter((_, i) => i % 3 === 0)
  const reason = await documentUri(world, { reason: 'generated' })
  await inOneBlock(
    world,
    rejected.map((a) => rejectOptimisticAction(world, members[members.length - 1]!, openmesh, a.id, reason)),
  )
  traffic.events += rejected.length * 3
  await rpc(world.rpcUrl, 'evm_increaseTime', [DEVNET_OPTIMISTIC_EXECUTE_DELAY + 60])
  await inOneBlock(
    world,
    createdActions
      .filter((a) => !rejected.includes(a))
      .map((a) => ({ from: members[1]!, to: optimistic, data: call(optimisticActionsAbi, 'executeAction', [a.dao, a.id]), gas: 1_500_000n })),
  )
  traffic.events += (createdActions.length - rejected.length) * 4

  const leaving = members.slice(-3)
  const leavingIds = tokens.slice(-3).map((t) => t.tokenId)
  await inOneBlock(
    world,
    leaving.map((m, i) => ({ from: m, to: ovc, data: call(verifiedContributorAbi, 'burn', [leavingIds[i]!]), gas: 200_000n })),
  )
  traffic.events += leaving.length * 2
}
