import { and, eq } from 'drizzle-orm'
import type { Db } from '#db/client'
import { taskDisputes } from '#db/schema'
import { getKnownTokens } from './known-tokens.server'
import { listMembers } from './dao-members.server'
import { listTrustlessActions } from './trustless-actions.server'
import type { KnownContracts } from '~/dao/decode-action.server'
import type { DaoContracts, FormChoices } from '~/dao/writes/dao-contracts'

// What the new-proposal form offers to pick from: active members (to revoke), the ERC-20 tokens
// the portal knows (to send), and the Dispute department's open disputes (to resolve).

export function getFormChoices(
  db: Db,
  { chainId, now, known, contracts, names }: { chainId: number; now: number; known: KnownContracts; contracts: DaoContracts; names: Record<string, string> },
): FormChoices {
  const tokenAddresses = [contracts.openToken].filter((a): a is `0x${string}` => a !== null)
  const knownTokens = getKnownTokens(db, chainId, tokenAddresses)
  const tokens = tokenAddresses.map((address) => {
    const info = knownTokens.tokens?.[address.toLowerCase()]
    return { address, symbol: info?.symbol ?? 'OPEN', decimals: info?.decimals ?? 18 }
  })
  const disputeAccount = contracts.bodies.find((b) => b.slug === 'dispute')?.account ?? null
  const disputes = disputeAccount
    ? listTrustlessActions(db, { chainId, now, known, dao: disputeAccount, kind: 'pessimistic' })
        .filter((action) => action.state !== 'executed')
        .map((action) => {
          const row = db
            .select({ taskId: taskDisputes.taskId })
            .from(taskDisputes)
            .where(and(eq(taskDisputes.chainId, chainId), eq(taskDisputes.dao, action.dao), eq(taskDisputes.actionId, action.actionId)))
            .get()
          return { actionId: action.actionId, title: action.title ?? `Pessimistic action #${action.actionId}`, taskId: row?.taskId ?? null }
        })
    : []
  return {
    members: listMembers(db, chainId)
      .filter((m) => m.active)
      .map((m) => ({ address: m.address, tokenId: m.tokenId })),
    tokens,
    disputes,
    names,
  }
}
