import type { Address } from 'viem'
import type { TaskDetail } from '~/models/task-detail.server'
import { readEscrowBalances } from '~/rfps/escrow-balances.server'
import { formatTokenAmount, tokenInfo, type KnownTokens } from '~/utils/tokens'

// What a closed task's escrow sent back to its creator. Closing (an accepted submission, a
// cancellation, a dispute's settlement) pays the executor and refunds everything else, donations
// included, which no event names: so it is what the escrow held just before the closing block,
// less what the closing transaction paid out. Read from the chain (the block before closing);
// a node that no longer keeps that state gives no refund line rather than a guess.

export type CreatorRefund = { recipient: string; labels: string[]; paidAt: number; transactionHash: string }

const CLOSING_EVENTS = new Set(['TaskCompleted', 'TaskCancelled'])

export async function readCreatorRefund(task: TaskDetail, known: KnownTokens): Promise<CreatorRefund | null> {
  if (task.state !== 'closed') return null
  const closing = task.timeline.find((event) => CLOSING_EVENTS.has(event.name))
  if (!closing || closing.blockNumber === 0) return null
  const tokens = task.budgets.flatMap((b) => (b.token ? [b.token] : []))
  const before = await readEscrowBalances(task.escrow as Address, tokens, BigInt(closing.blockNumber - 1))
  if (!before) return null
  const paidInClosing = (token: string | null) =>
    task.payouts
      .filter((p) => p.transactionHash === closing.transactionHash && (p.token?.toLowerCase() ?? null) === (token?.toLowerCase() ?? null))
      .reduce((sum, p) => sum + BigInt(p.amount), 0n)
  const left = [
    { token: null, amount: before.native - paidInClosing(null) },
    ...before.tokens.map((b) => ({ token: b.token, amount: b.amount - paidInClosing(b.token) })),
  ].filter((entry) => entry.amount > 0n)
  if (left.length === 0) return null
  return {
    recipient: task.creator,
    labels: left.map((entry) => formatTokenAmount(entry.amount, tokenInfo(entry.token, known))),
    paidAt: closing.timestamp,
    transactionHash: closing.transactionHash,
  }
}
