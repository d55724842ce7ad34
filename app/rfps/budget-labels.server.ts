import { getPortalContracts } from '~/chain-writes/portal-contracts.server'
import type { RfpSummary } from '~/models/rfps.server'
import { formatTokenAmount, NATIVE_TOKEN, tokenInfo } from '~/utils/tokens'

// An RFP's budget as the pages show it: whole units with each token's symbol, formatted with the
// same helpers as a task's budget (so any token the portal learns to name is named here too).

export function rfpBudgetLabels(chainId: number, rfp: Pick<RfpSummary, 'nativeBudget' | 'budget'>): string[] {
  const known = { openToken: getPortalContracts(chainId)?.openToken ?? null }
  return [
    ...(BigInt(rfp.nativeBudget) > 0n || rfp.budget.length === 0 ? [formatTokenAmount(rfp.nativeBudget, NATIVE_TOKEN)] : []),
    ...rfp.budget.map((b) => formatTokenAmount(b.amount, tokenInfo(b.tokenContract, known))),
  ]
}
