import { getDb } from '~/db.server'
import { getKnownTokens } from '~/models/known-tokens.server'
import type { RfpSummary } from '~/models/rfps.server'
import { formatTokenAmount, nativeToken, tokenInfo, type KnownTokens } from '~/utils/tokens'

// An RFP's budget as the pages show it: whole units with each token's symbol and decimals as the
// indexer read them (the `tokens` projection), the same helpers as a task's budget; a token that
// could not be read is shown by its address, in base units.

export function rfpKnownTokens(chainId: number, rfps: Pick<RfpSummary, 'budget'>[]): KnownTokens {
  return getKnownTokens(getDb(), chainId, rfps.flatMap((rfp) => rfp.budget.map((b) => b.tokenContract)))
}

export function rfpBudgetLabels(chainId: number, rfp: Pick<RfpSummary, 'nativeBudget' | 'budget'>, known = rfpKnownTokens(chainId, [rfp])): string[] {
  return [
    ...(BigInt(rfp.nativeBudget) > 0n || rfp.budget.length === 0 ? [formatTokenAmount(rfp.nativeBudget, nativeToken(chainId))] : []),
    ...rfp.budget.map((b) => formatTokenAmount(b.amount, tokenInfo(b.tokenContract, known))),
  ]
}
