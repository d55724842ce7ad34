import type { Address } from 'viem'
import type { TaskDetail } from '~/models/task-detail.server'
import { readEscrowBalances } from '~/rfps/escrow-balances.server'
import { formatTokenAmount, tokenInfo, type KnownTokens } from '~/utils/tokens'

// What an open or taken task's escrow holds now, when that is more than the indexed budget: a
// donation is a plain transfer with no event, so the budget the indexer read at the last
// BudgetChanged misses it until the next one. Only then does the page show the live figure.

export async function heldBeyondBudget(task: TaskDetail, known: KnownTokens): Promise<string[] | null> {
  if (task.state === 'closed') return null
  const tokens = task.budgets.flatMap((b) => (b.token ? [b.token] : []))
  const now = await readEscrowBalances(task.escrow as Address, tokens)
  if (!now) return null
  const indexed = (token: string | null) => BigInt(task.budgets.find((b) => (b.token?.toLowerCase() ?? null) === (token?.toLowerCase() ?? null))?.amount ?? '0')
  const differs = now.native !== indexed(null) || now.tokens.some((b) => b.amount !== indexed(b.token))
  if (!differs) return null
  return [formatTokenAmount(now.native, tokenInfo(null, known)), ...now.tokens.map((b) => formatTokenAmount(b.amount, tokenInfo(b.token, known)))]
}
