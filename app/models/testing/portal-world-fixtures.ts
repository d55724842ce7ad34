import type { DatabaseHandle } from '#db/client'
import { putAction, putActivity, putCheckpoint, putDocument, putMember, putProposal, putSettings, putVote } from './dao-row-fixtures'
import { generateWorld, random, type World } from './task-row-fixtures'

// A whole portal's worth of projection rows at a chosen scale — tasks with applications,
// proposals with votes, members, optimistic actions and the per-address activity the contributor
// directory reads — written as the indexer writes them, in one transaction. For the web
// benchmark (scripts/bench-web.ts) and the tests of pages at scale.

export type PortalWorldSize = { tasks: number; proposals: number; contributors: number; actions?: number }

export type PortalWorld = World & {
  chainId: number
  /** Members of the DAO, who vote; with the task managers and applicants, the contributors. */
  members: string[]
  proposalIds: string[]
  actionIds: number[]
  /** The chain time of the indexed head (unix seconds). */
  now: number
}

const VOTERS_PER_PROPOSAL = 12
const HEAD_TIME = 1_760_000_000

export function generatePortalWorld(handle: DatabaseHandle, size: PortalWorldSize & { chainId: number; seed?: number }): PortalWorld {
  const { sqlite, db } = handle
  const { chainId } = size
  const rand = random(size.seed ?? 7)
  const address = (n: number) => `0x${n.toString(16).padStart(40, '0')}`
  const tasks = generateWorld(sqlite, { chainId, count: size.tasks, seed: size.seed })
  // The task world already has its managers and applicants; members make up the rest.
  const memberCount = Math.max(0, size.contributors - tasks.managers.length - tasks.applicants.length)
  const members = Array.from({ length: memberCount }, (_, i) => address(0xc000 + i))
  const world: PortalWorld = { ...tasks, chainId, members, proposalIds: [], actionIds: [], now: HEAD_TIME }
  let block = 1
  sqlite.transaction(() => {
    putSettings(db, chainId)
    for (const task of tasks.tasks) {
      block++
      putActivity(db, { chainId, address: task.manager, kind: 'task.created', subject: String(task.taskId), timestamp: task.createdAt, blockNumber: block })
      for (const applicant of task.applicantsOf) {
        putActivity(db, { chainId, address: applicant, kind: 'task.applied', subject: String(task.taskId), timestamp: task.createdAt + 600, blockNumber: block })
      }
    }
    members.forEach((member, i) => {
      const joinedAt = HEAD_TIME - 90 * 86_400 + i * 60
      putMember(db, { chainId, address: member, tokenId: String(i + 1), joinedAt, delegate: member, votes: '1' })
      putActivity(db, { chainId, address: member, kind: 'dao.joined', subject: String(i + 1), timestamp: joinedAt, blockNumber: ++block })
    })
    for (let number = 0; number < size.proposals; number++) {
      const uri = `ipfs://bafyproposal${chainId}x${number}`
      const creator = members[number % Math.max(1, members.length)] ?? tasks.managers[0]!
      const startDate = HEAD_TIME - (size.proposals - number) * 3_600
      const ended = startDate + 86_400 < HEAD_TIME
      putDocument(db, {
        chainId,
        uri,
        kind: 'proposal',
        status: 'ok',
        content: { title: `Proposal ${number}: fund the ${number % 7 === 0 ? 'docs' : 'indexer'} sprint`, summary: `A **summary** of proposal ${number}.`, resources: [] },
      })
      const voters = [...new Set(Array.from({ length: VOTERS_PER_PROPOSAL }, () => members[Math.floor(rand() * members.length)]).filter((v) => v !== undefined))]
      const yes = voters.filter((_, i) => i % 3 !== 2).length
      putProposal(db, {
        chainId,
        proposalNumber: number,
        proposalId: String(number),
        creator,
        metadataUri: uri,
        title: `Proposal ${number}`,
        startDate,
        endDate: startDate + 86_400,
        totalVotingPower: String(members.length),
        yes: String(yes),
        no: String(voters.length - yes),
        voterCount: voters.length,
        state: ended && number % 2 === 0 ? 'executed' : 'active',
        executedAt: ended && number % 2 === 0 ? startDate + 86_400 : null,
        createdBlock: ++block,
        createdAt: startDate,
      })
      putActivity(db, { chainId, address: creator, kind: 'dao.proposed', subject: String(number), timestamp: startDate, blockNumber: block })
      voters.forEach((voter, i) => {
        const votedAt = startDate + 60 * (i + 1)
        putVote(db, { chainId, proposalId: String(number), voter, optionName: i % 3 === 2 ? 'no' : 'yes', votedBlock: block, votedAt })
        putActivity(db, { chainId, address: voter, kind: 'dao.voted', subject: String(number), timestamp: votedAt, blockNumber: block })
      })
      world.proposalIds.push(String(number))
    }
    for (let actionId = 0; actionId < (size.actions ?? 20); actionId++) {
      const uri = `ipfs://bafyaction${chainId}x${actionId}`
      putDocument(db, { chainId, uri, kind: 'action', status: 'ok', content: { title: `Add contributor ${actionId}` } })
      putAction(db, { chainId, actionId, metadataUri: uri, createdAt: HEAD_TIME - actionId * 3_600, executableFrom: HEAD_TIME - actionId * 3_600 + 86_400, createdBlock: ++block })
      world.actionIds.push(actionId)
    }
    putCheckpoint(db, chainId, { number: block, timestamp: HEAD_TIME })
  })()
  return world
}
