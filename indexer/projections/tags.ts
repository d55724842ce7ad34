import { lower, str, type Handlers } from './context'

// VerifiedContributorTagManager → ovc_tags, ovc_default_tokens. Tags sit on OVC token ids; an
// account holds a tag through its default token (the first of its tokens to be tagged: the tag
// manager's `hasTag` rule), while it still owns it. The app joins the three (tags, tokens, default
// tokens) to list a department's members.

export const tagHandlers: Handlers<'tagManager'> = {
  TagAdded(ctx, a) {
    const tokenId = str(a.tokenId)
    const tag = lower(a.tag)
    ctx.store.put('ovcTags', {
      chainId: ctx.chainId,
      tag,
      tokenId,
      addedBlock: ctx.log.blockNumber,
      addedAt: ctx.log.blockTimestamp,
      transactionHash: ctx.log.transactionHash,
    })
    const owner = ctx.store.get('ovcTokens', [ctx.chainId, tokenId])?.owner
    if (!owner) return
    if (!ctx.store.get('ovcDefaultTokens', [ctx.chainId, owner])) {
      ctx.store.put('ovcDefaultTokens', { chainId: ctx.chainId, account: owner, tokenId, setBlock: ctx.log.blockNumber })
    }
    ctx.activity(owner, 'department.tagged', tag, { tokenId })
  },

  TagRemoved(ctx, a) {
    const tokenId = str(a.tokenId)
    const tag = lower(a.tag)
    ctx.store.remove('ovcTags', [ctx.chainId, tag, tokenId])
    const owner = ctx.store.get('ovcTokens', [ctx.chainId, tokenId])?.owner
    if (owner) ctx.activity(owner, 'department.untagged', tag, { tokenId })
  },
}
