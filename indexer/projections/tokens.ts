import type { TokenMetadata } from '../reads/token-metadata'
import { lower, type HandlerContext } from './context'

// The `tokens` projection: a budget token's symbol, name and decimals as first read on chain
// (reads/token-metadata.ts). The first event naming a token decides its row; later reads of the
// same token are kept in raw_reads but change nothing, so a rebuild gives the same rows.

export function recordBudgetTokens(ctx: HandlerContext, budget: readonly { tokenContract: string }[]): void {
  for (const entry of budget) {
    const address = lower(entry.tokenContract)
    if (ctx.store.get('tokens', [ctx.chainId, address])) continue
    const read = ctx.read<TokenMetadata>('tokenMetadata', address)
    if (!read) continue
    const metadata: TokenMetadata = 'error' in read ? { symbol: null, name: null, decimals: null, problem: `the token could not be read: ${read.error}` } : read
    ctx.store.insert('tokens', {
      chainId: ctx.chainId,
      address,
      symbol: metadata.symbol,
      name: metadata.name,
      decimals: metadata.decimals,
      problem: metadata.problem,
      readBlock: ctx.log.blockNumber,
    })
  }
}
