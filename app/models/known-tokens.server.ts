import { and, eq, inArray } from 'drizzle-orm'
import type { Db } from '#db/client'
import { tokens } from '#db/schema/chain'
import { getPortalContracts } from '~/chain-writes/portal-contracts.server'
import type { KnownTokens, ReadToken } from '~/utils/tokens'

// What a page needs to show a chain's amounts: its native currency, the OPEN token, and the
// budget tokens the indexer read (the `tokens` projection). `addresses` limits the rows to the
// tokens the page shows (a task's budget); without it every read token of the chain is loaded.

export function getKnownTokens(db: Db, chainId: number, addresses?: readonly string[]): KnownTokens {
  const where = addresses
    ? and(eq(tokens.chainId, chainId), inArray(tokens.address, [...new Set(addresses.map((a) => a.toLowerCase()))]))
    : eq(tokens.chainId, chainId)
  const rows = addresses?.length === 0 ? [] : db.select().from(tokens).where(where).all()
  const read: Record<string, ReadToken> = {}
  for (const row of rows) read[row.address] = { symbol: row.symbol, name: row.name, decimals: row.decimals, problem: row.problem }
  return { openToken: getPortalContracts(chainId)?.openToken ?? null, chainId, tokens: read }
}
