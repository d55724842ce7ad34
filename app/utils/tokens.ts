import { formatUnits, getAddress, type Address } from 'viem'
import { chainInfo } from '#config/chains'
import { shortAddress } from './address'

// Budget tokens as the UI shows them. The chain's native currency (config/chains.ts), the
// portal's OPEN token, and every ERC-20 whose symbol and decimals the indexer read on chain
// (the `tokens` projection, app/models/known-tokens.server.ts) are shown in whole units by their
// symbol. A token that answered nonsense, reverted, has no code or has not been read is shown by
// its address, in base units: its decimals are unknown, and a guess could misstate an amount
// a million times over.

export type TokenInfo = {
  /** null for the chain's native currency. */
  address: Address | null
  symbol: string
  decimals: number
  /** Whether the symbol and decimals are the token's own (false: shown by address, base units). */
  known?: boolean
  /** Why an unknown token could not be read (from the indexer), for a title/tooltip. */
  problem?: string
}

/** The native currency of chains that pay in ether (kept for callers that have no chain at hand). */
export const NATIVE_TOKEN: TokenInfo = { address: null, symbol: 'ETH', decimals: 18, known: true }

/** A token as the indexer read it; lowercase address keys. Plain data: it is sent to the browser. */
export type ReadToken = { symbol: string | null; decimals: number | null; name: string | null; problem: string | null }

export type KnownTokens = {
  openToken: Address | null
  /** The chain whose native currency `null` (no token address) means; unset: ETH. */
  chainId?: number
  /** Budget tokens read on chain, by lowercase address. */
  tokens?: Record<string, ReadToken>
}

export function nativeToken(chainId: number | undefined): TokenInfo {
  if (chainId === undefined) return NATIVE_TOKEN
  const { symbol, decimals } = chainInfo(chainId).nativeCurrency
  return { address: null, symbol, decimals, known: true }
}

export function tokenInfo(address: string | null, known: KnownTokens): TokenInfo {
  if (address === null) return nativeToken(known.chainId)
  const checksummed = getAddress(address)
  if (known.openToken && checksummed === getAddress(known.openToken)) {
    return { address: checksummed, symbol: 'OPEN', decimals: 18, known: true }
  }
  const read = known.tokens?.[checksummed.toLowerCase()]
  if (read && read.problem === null && read.symbol !== null && read.decimals !== null) {
    return { address: checksummed, symbol: read.symbol, decimals: read.decimals, known: true }
  }
  return {
    address: checksummed,
    symbol: `units of ${shortAddress(checksummed)}`,
    decimals: 0,
    known: false,
    problem: read?.problem ?? 'not read from the chain yet',
  }
}

/** "1.5 ETH", "250 OPEN", "1500.25 USDC": exact, from the bigint base units. */
export function formatTokenAmount(amount: bigint | string, token: TokenInfo): string {
  return `${formatUnits(BigInt(amount), token.decimals)} ${token.symbol}`
}
