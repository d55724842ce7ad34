import { lower, str, zeroAddress, type HandlerContext, type Handlers } from './context'

// VerifiedContributor (OVC, soulbound ERC721Votes) → dao_members, ovc_tokens, dao_delegations,
// dao_voting_power. A mint makes a member (joined), a burn to a zero balance revokes them.

function adjustBalance(ctx: HandlerContext, address: string, delta: 1 | -1, tokenId: string) {
  const key = [ctx.chainId, address] as const
  const member = ctx.store.get('daoMembers', key)
  const balance = Math.max(0, (member?.balance ?? 0) + delta)
  const wasActive = member?.active ?? false
  const active = balance > 0
  if (!member && delta < 0) return
  ctx.store.put('daoMembers', {
    chainId: ctx.chainId,
    address,
    balance,
    tokenId: delta > 0 ? tokenId : (member?.tokenId ?? null),
    active,
    joinedBlock: active && !wasActive ? ctx.log.blockNumber : (member?.joinedBlock ?? ctx.log.blockNumber),
    joinedAt: active && !wasActive ? ctx.log.blockTimestamp : (member?.joinedAt ?? ctx.log.blockTimestamp),
    revokedBlock: !active && wasActive ? ctx.log.blockNumber : active ? null : (member?.revokedBlock ?? null),
    revokedAt: !active && wasActive ? ctx.log.blockTimestamp : active ? null : (member?.revokedAt ?? null),
  })
  if (active && !wasActive) ctx.activity(address, 'dao.joined', tokenId)
  if (!active && wasActive) ctx.activity(address, 'dao.revoked', tokenId)
}

export const memberHandlers: Handlers<'verifiedContributor'> = {
  Transfer(ctx, a) {
    const from = lower(a.from)
    const to = lower(a.to)
    const tokenId = str(a.tokenId)
    if (from !== zeroAddress) adjustBalance(ctx, from, -1, tokenId)
    if (to !== zeroAddress) adjustBalance(ctx, to, 1, tokenId)
    const token = ctx.store.get('ovcTokens', [ctx.chainId, tokenId])
    ctx.store.put('ovcTokens', {
      chainId: ctx.chainId,
      tokenId,
      owner: to === zeroAddress ? null : to,
      mintedBlock: token?.mintedBlock ?? ctx.log.blockNumber,
      mintedAt: token?.mintedAt ?? ctx.log.blockTimestamp,
      burnedAt: to === zeroAddress ? ctx.log.blockTimestamp : null,
    })
  },

  DelegateChanged(ctx, a) {
    const delegator = lower(a.delegator)
    const delegate = lower(a.toDelegate)
    ctx.store.put('daoDelegations', {
      chainId: ctx.chainId,
      delegator,
      delegate,
      updatedBlock: ctx.log.blockNumber,
      updatedAt: ctx.log.blockTimestamp,
    })
    ctx.activity(delegator, 'dao.delegated', null, { delegate })
  },

  DelegateVotesChanged(ctx, a) {
    ctx.store.put('daoVotingPower', {
      chainId: ctx.chainId,
      address: lower(a.delegate),
      votes: str(a.newVotes),
      updatedBlock: ctx.log.blockNumber,
    })
  },
}
