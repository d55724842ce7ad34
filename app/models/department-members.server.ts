import { and, asc, eq } from 'drizzle-orm'
import type { Db } from '#db/client'
import { ovcDefaultTokens, ovcTags, ovcTokens } from '#db/schema'

// Who holds a department's tag, by the tag manager's `hasTag` rule: an account holds a tag while it
// owns its default token (the first of its tokens to be tagged) and that token has the tag. So a
// burned token, or a tag on a token that is not its holder's default, makes no member.

export type TagHolder = { address: string; tag: string; tokenId: string; taggedAt: number }

export function listTagHolders(db: Db, chainId: number, tag?: string): TagHolder[] {
  return db
    .select({ address: ovcDefaultTokens.account, tag: ovcTags.tag, tokenId: ovcTags.tokenId, taggedAt: ovcTags.addedAt })
    .from(ovcTags)
    .innerJoin(ovcTokens, and(eq(ovcTokens.chainId, ovcTags.chainId), eq(ovcTokens.tokenId, ovcTags.tokenId)))
    .innerJoin(
      ovcDefaultTokens,
      and(eq(ovcDefaultTokens.chainId, ovcTags.chainId), eq(ovcDefaultTokens.account, ovcTokens.owner), eq(ovcDefaultTokens.tokenId, ovcTags.tokenId)),
    )
    .where(tag === undefined ? eq(ovcTags.chainId, chainId) : and(eq(ovcTags.chainId, chainId), eq(ovcTags.tag, tag.toLowerCase())))
    .orderBy(asc(ovcTags.addedBlock), asc(ovcDefaultTokens.account))
    .all()
}
