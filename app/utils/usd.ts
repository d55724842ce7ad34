import type { TokenInfo } from './tokens'

// USD values of token amounts from a Chainlink feed's answer, in exact integer arithmetic: the
// amount (base units) times the answer (feed decimals), rounded down to cents. Only tokens whose
// decimals are their own get a figure; an unknown token's base units have no price.

/** A feed's latest answer as the server read it (app/models/usd-prices.server.ts). */
export type UsdPrice = {
  pair: string
  feed: string
  /** The answer in the feed's decimals, as a decimal string (bigint over the wire). */
  answer: string
  feedDecimals: number
  /** Unix seconds of the answer's round. */
  updatedAt: number
  heartbeatSeconds: number
  /** The answer is older than the feed's heartbeat (measured against the chain's latest block). */
  stale: boolean
}

export type UsdFigure = { text: string; pair: string; feed: string; updatedAt: number; stale: boolean }

const dollars = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 })

/** Cents as "$1,500.25" (exact for any size: the integer part is formatted as a bigint). */
export function formatCents(cents: bigint): string {
  const whole = cents / 100n
  const fraction = (cents % 100n).toString().padStart(2, '0')
  return `${dollars.format(whole).replace(/\.00$/, '')}.${fraction}`
}

export function usdFigure(amount: bigint | string, token: TokenInfo, price: UsdPrice | undefined): UsdFigure | null {
  if (!price || token.known === false) return null
  const answer = BigInt(price.answer)
  if (answer <= 0n) return null
  const cents = (BigInt(amount) * answer * 100n) / 10n ** BigInt(token.decimals + price.feedDecimals)
  return { text: formatCents(cents), pair: price.pair, feed: price.feed, updatedAt: price.updatedAt, stale: price.stale }
}
