import type { Db } from '#db/client'
import {
  activity,
  daoDelegations,
  daoMembers,
  daoProposals,
  daoVotes,
  daoVotingPower,
  daoVotingSettings,
  indexerBlocks,
  metadataDocuments,
  ovcDefaultTokens,
  ovcTags,
  ovcTokens,
  syncCheckpoints,
  trustlessActionRejections,
  trustlessActions,
  type ActivityKind,
} from '#db/schema'

// Projection rows as the indexer writes them, with defaults, for the DAO query tests.

export const PLUGIN = '0xdc64a140aa3e981100a9beca4e685f962f0cf6c9'
export const OPTIMISTIC = '0x9a676e781a523b5d0c0e43731313a708cb607508'
export const OPENMESH_DAO = '0x9fe46736679d2d9a65f0992f2272de9f3c7fa6e0'
export const hash = (n: number) => `0x${n.toString(16).padStart(64, '0')}`

export function putSettings(db: Db, chainId: number, plugin = PLUGIN) {
  db.insert(daoVotingSettings)
    .values({ chainId, plugin, votingMode: 1, supportThreshold: 500_000, minParticipation: 200_000, minDuration: 300, minProposerVotingPower: '1', updatedBlock: 1 })
    .run()
}

export function putCheckpoint(db: Db, chainId: number, block: { number: number; timestamp: number }) {
  db.insert(syncCheckpoints)
    .values({ chainId, blockNumber: block.number, blockHash: hash(block.number), chainHead: block.number, updatedAt: Date.now() })
    .run()
  db.insert(indexerBlocks)
    .values({ chainId, blockNumber: block.number, blockHash: hash(block.number), parentHash: hash(block.number - 1), timestamp: block.timestamp })
    .run()
}

export function putProposal(db: Db, row: Partial<typeof daoProposals.$inferInsert> & { chainId: number; proposalNumber: number }) {
  db.insert(daoProposals)
    .values({
      proposalId: String(row.proposalNumber),
      plugin: PLUGIN,
      creator: '0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266',
      metadataUri: '',
      title: null,
      startDate: 1_000,
      endDate: 2_000,
      actions: [],
      allowFailureMap: '0',
      snapshotBlock: 10,
      supportThreshold: 500_000,
      minVotingPower: '1',
      totalVotingPower: '5',
      yes: '0',
      no: '0',
      abstain: '0',
      voterCount: 0,
      state: 'active',
      createdBlock: 10 + row.proposalNumber,
      createdAt: 1_000,
      transactionHash: hash(1_000 + row.proposalNumber),
      ...row,
    })
    .run()
}

export function putVote(db: Db, row: Partial<typeof daoVotes.$inferInsert> & { chainId: number; proposalId: string; voter: string; optionName: 'yes' | 'no' | 'abstain' }) {
  db.insert(daoVotes)
    .values({ plugin: PLUGIN, option: { abstain: 1, yes: 2, no: 3 }[row.optionName], votingPower: '1', votedBlock: 20, votedAt: 1_100, transactionHash: hash(2_000), ...row })
    .run()
}

export function putDocument(db: Db, row: { chainId: number; uri: string; kind: 'proposal' | 'action' | 'rejection'; status: 'ok' | 'pending' | 'unavailable' | 'invalid'; content?: Record<string, unknown> }) {
  db.insert(metadataDocuments)
    .values({
      chainId: row.chainId,
      uri: row.uri,
      kind: row.kind,
      status: row.status,
      title: typeof row.content?.title === 'string' ? row.content.title : null,
      content: row.content ?? null,
      error: row.status === 'unavailable' ? 'gateway timeout' : null,
    })
    .run()
}

export function putAction(db: Db, row: Partial<typeof trustlessActions.$inferInsert> & { chainId: number; actionId: number }) {
  db.insert(trustlessActions)
    .values({
      contract: OPTIMISTIC,
      dao: OPENMESH_DAO,
      kind: 'optimistic',
      manager: '0x70997970c51812dc3a010c7d01b50e0d17dc79c8',
      creator: null,
      role: '0',
      actions: [],
      failureMap: '0',
      metadataUri: '',
      executableFrom: 1_600,
      state: 'pending',
      rejectionCount: 0,
      createdBlock: 30 + row.actionId,
      createdAt: 1_000,
      transactionHash: hash(3_000 + row.actionId),
      ...row,
    })
    .run()
}

export function putRejection(db: Db, row: { chainId: number; actionId: number; blockNumber: number; metadataUri: string; rejectedAt: number; rejector?: string }) {
  db.insert(trustlessActionRejections)
    .values({ contract: OPTIMISTIC, dao: OPENMESH_DAO, rejector: null, ...row, logIndex: 0, transactionHash: hash(4_000 + row.actionId) })
    .run()
}

/** An OVC token, its owner (null: burned) and the tags on it; `isDefault`: the owner's default token. */
export function putToken(db: Db, row: { chainId: number; tokenId: string; owner: string | null; tags?: string[]; isDefault?: boolean }) {
  db.insert(ovcTokens).values({ chainId: row.chainId, tokenId: row.tokenId, owner: row.owner, mintedBlock: 1, mintedAt: 1, burnedAt: row.owner ? null : 2 }).run()
  for (const tag of row.tags ?? []) {
    db.insert(ovcTags).values({ chainId: row.chainId, tag, tokenId: row.tokenId, addedBlock: 2, addedAt: 100, transactionHash: hash(6_000) }).run()
  }
  if (row.isDefault && row.owner) db.insert(ovcDefaultTokens).values({ chainId: row.chainId, account: row.owner, tokenId: row.tokenId, setBlock: 2 }).run()
}

export function putMember(db: Db, row: { chainId: number; address: string; tokenId: string; joinedAt: number; active?: boolean; revokedAt?: number; delegate?: string; votes?: string }) {
  db.insert(daoMembers)
    .values({
      chainId: row.chainId,
      address: row.address,
      balance: row.active === false ? 0 : 1,
      tokenId: row.tokenId,
      active: row.active ?? true,
      joinedBlock: row.joinedAt,
      joinedAt: row.joinedAt,
      revokedBlock: row.revokedAt ?? null,
      revokedAt: row.revokedAt ?? null,
    })
    .run()
  if (row.delegate) {
    db.insert(daoDelegations).values({ chainId: row.chainId, delegator: row.address, delegate: row.delegate, updatedBlock: 1, updatedAt: 1 }).run()
  }
  if (row.votes) db.insert(daoVotingPower).values({ chainId: row.chainId, address: row.address, votes: row.votes, updatedBlock: 1 }).run()
}

let logIndex = 0
export function putActivity(db: Db, row: { chainId: number; address: string; kind: ActivityKind; subject: string | null; timestamp?: number; blockNumber?: number; detail?: Record<string, unknown>; transactionHash?: string }) {
  db.insert(activity)
    .values({
      chainId: row.chainId,
      address: row.address,
      blockNumber: row.blockNumber ?? 100,
      logIndex: logIndex++,
      kind: row.kind,
      subject: row.subject,
      detail: row.detail ?? null,
      timestamp: row.timestamp ?? 1_000,
      transactionHash: row.transactionHash ?? hash(5_000 + logIndex),
    })
    .run()
}
