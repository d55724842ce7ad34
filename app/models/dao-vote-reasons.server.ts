import { and, desc, eq } from 'drizzle-orm'
import type { Hex } from 'viem'
import type { Db } from '#db/client'
import { getContent } from '#db/content-store'
import { daoVoteReasons } from '#db/schema'
import { readDocument } from '#documents/kinds'
import { isSignedBy } from '~/dao/vote-statement'

// Vote reasons as the proposal page shows them: for each vote cast on chain, the newest stored
// statement by that voter for that option whose signature checks out against the document's own
// fields. A reason whose signer did not vote, or voted otherwise, is never shown (and a row is
// re-checked from the document every time: the table only says where to look).

type Option = 'yes' | 'no' | 'abstain'

export function recordVoteReason(
  db: Db,
  reason: { chainId: number; plugin: string; proposalId: string; voter: string; option: Option; cid: string },
): void {
  db.insert(daoVoteReasons)
    .values({ ...reason, plugin: reason.plugin.toLowerCase(), voter: reason.voter.toLowerCase(), createdAt: Date.now() })
    .onConflictDoNothing()
    .run()
}

export type ShownReason = { reason: string; cid: string }

/** The verified reason of each voter (by lowercase address) whose on-chain option it matches. */
export async function verifiedVoteReasons(
  db: Db,
  { chainId, plugin, proposalId, votes }: { chainId: number; plugin: string; proposalId: string; votes: { voter: string; option: string }[] },
): Promise<Record<string, ShownReason>> {
  const cast = new Map(votes.map((v) => [v.voter.toLowerCase(), v.option]))
  const rows = db
    .select()
    .from(daoVoteReasons)
    .where(and(eq(daoVoteReasons.chainId, chainId), eq(daoVoteReasons.plugin, plugin.toLowerCase()), eq(daoVoteReasons.proposalId, proposalId)))
    .orderBy(desc(daoVoteReasons.createdAt))
    .all()
  const shown: Record<string, ShownReason> = {}
  for (const row of rows) {
    if (shown[row.voter] || cast.get(row.voter) !== row.option) continue
    const content = getContent(db, row.cid)
    if (!content) continue
    let json: unknown
    try {
      json = JSON.parse(content.bytes.toString('utf8'))
    } catch {
      continue
    }
    const doc = readDocument('vote-reason', json)
    if (!doc?.reason || !doc.signature || !doc.voter || !doc.option || !doc.plugin || !doc.proposalId || !doc.chainId) continue
    // The document must be about this very vote, and signed by its voter.
    if (doc.chainId !== chainId || doc.plugin.toLowerCase() !== plugin.toLowerCase() || doc.proposalId !== proposalId) continue
    if (doc.voter.toLowerCase() !== row.voter || doc.option !== row.option) continue
    const statement = { chainId, plugin, proposalId, option: doc.option as Option, reason: doc.reason }
    if (!(await isSignedBy(statement, row.voter, doc.signature as Hex))) continue
    shown[row.voter] = { reason: doc.reason, cid: row.cid }
  }
  return shown
}
