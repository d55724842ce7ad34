import { formatUnits, getAddress, type Address } from 'viem'

// Budget tokens as the UI shows them. The native currency and the portal's OPEN token are
// known (18 decimals); any other ERC-20 a task was funded with is shown in its base units,
// because its decimals are untrusted on-chain data we have not read.

export type TokenInfo = {
  /** null for the chain's native currency. */
  address: Address | null
  symbol: string
  decimals: number
}

export const NATIVE_TOKEN: TokenInfo = { address: null, symbol: 'ETH', decimals: 18 }

export type KnownTokens = { openToken: Address | null }

export function tokenInfo(address: string | null, known: KnownTokens): TokenInfo {
  if (address === null) return NATIVE_TOKEN
  const checksummed = getAddress(address)
  if (known.openToken && checksummed === getAddress(known.openToken)) {
    return { address: checksummed, symbol: 'OPEN', decimals: 18 }
  }
  return { address: checksummed, symbol: `units of ${checksummed.slice(0, 6)}…${checksummed.slice(-4)}`, decimals: 0 }
}

/** "1.5 ETH", "250 OPEN": exact, from the bigint base units. */
export function formatTokenAmount(amount: bigint | string, token: TokenInfo): string {
  return `${formatUnits(BigInt(amount), token.decimals)} ${token.symbol}`
}
