import { tokenInfo, type KnownTokens } from '~/utils/tokens'
import type { BudgetDecimals, RewardDecimals } from './forms'

// How many decimals each amount field of a task's forms has, from the task's budget tokens.
// The browser and the server both compute it from the same task facts, so the form schema they
// validate with is the same.

type Reward = { nextToken: boolean; to: string; amount: string }

/** The budget token (address) each ERC-20 reward entry is paid in: `nextToken` moves to the next one. */
export function rewardTokens(budgetTokens: string[], rewards: Reward[]): (string | null)[] {
  let index = 0
  return rewards.map((reward) => {
    const token = budgetTokens[index] ?? null
    if (reward.nextToken) index++
    return token
  })
}

export function budgetDecimals(budgetTokens: string[], known: KnownTokens): BudgetDecimals {
  return { native: 18, tokens: budgetTokens.map((token) => tokenInfo(token, known).decimals) }
}

export function rewardDecimals(
  budgetTokens: string[],
  executor: { nativeReward: unknown[]; reward: Reward[] } | undefined,
  known: KnownTokens,
): RewardDecimals {
  if (!executor) return { native: [], tokens: [] }
  return {
    native: executor.nativeReward.map(() => 18),
    tokens: rewardTokens(budgetTokens, executor.reward).map((token) => (token ? tokenInfo(token, known).decimals : 0)),
  }
}
