import { and, asc, desc, eq, sql } from 'drizzle-orm'
import type { Db } from '#db/client'
import { daoDelegations, daoMembers, daoVotes, daoVotingPower } from '#db/schema'

// OVC holders past and present with their delegation and current voting power (ERC721Votes:
// one vote per token, counted for whoever the holder delegated to; nothing until they delegate).

export type Member = {
  address: string
  tokenId: string | null
  active: boolean
  joinedAt: number
  joinedBlock: number
  revokedAt: number | null
  /** Whom the member delegated their vote to; null when they never delegated (no voting power). */
  delegate: string | null
  votingPower: string
}

export function listMembers(db: Db, chainId: number): Member[] {
  const rows = db
    .select({
      address: daoMembers.address,
      tokenId: daoMembers.tokenId,
      active: daoMembers.active,
      joinedAt: daoMembers.joinedAt,
      joinedBlock: daoMembers.joinedBlock,
      revokedAt: daoMembers.revokedAt,
      delegate: daoDelegations.delegate,
      votingPower: sql<string | null>`${daoVotingPower.votes}`,
    })
    .from(daoMembers)
    .leftJoin(daoDelegations, and(eq(daoDelegations.chainId, daoMembers.chainId), eq(daoDelegations.delegator, daoMembers.address)))
    .leftJoin(daoVotingPower, and(eq(daoVotingPower.chainId, daoMembers.chainId), eq(daoVotingPower.address, daoMembers.address)))
    .where(eq(daoMembers.chainId, chainId))
    .orderBy(desc(daoMembers.active), asc(daoMembers.joinedBlock), asc(daoMembers.address))
    .all()
  return rows.map((row) => ({ ...row, votingPower: row.votingPower ?? '0' }))
}

/** The proposals `voter` has voted on, as `plugin:proposalId` keys (lowercase plugin). */
export function listVotedProposalKeys(db: Db, chainId: number, voter: string): Set<string> {
  const rows = db
    .select({ plugin: daoVotes.plugin, proposalId: daoVotes.proposalId })
    .from(daoVotes)
    .where(and(eq(daoVotes.chainId, chainId), eq(daoVotes.voter, voter.toLowerCase())))
    .all()
  return new Set(rows.map((v) => `${v.plugin}:${v.proposalId}`))
}
