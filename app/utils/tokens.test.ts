import { parseUnits } from 'viem'
import { describe, expect, it } from 'vitest'
import { parseTokenAmount } from './token-amounts'
import { formatTokenAmount, tokenInfo, type KnownTokens } from './tokens'
import { formatCents, usdFigure, type UsdPrice } from './usd'

const USDC = '0x' + '1'.repeat(40)
const JUNK = '0x' + '2'.repeat(40)
const known: KnownTokens = {
  openToken: null,
  chainId: 137,
  tokens: {
    [USDC]: { symbol: 'USDC', name: 'USD Coin', decimals: 6, problem: null },
    [JUNK]: { symbol: null, name: null, decimals: null, problem: 'symbol() reverted; decimals() reverted' },
  },
}

describe('tokens as the pages show them', () => {
  it('shows a token the indexer read by its symbol in whole units, and the chain’s native currency by its own symbol', () => {
    expect(formatTokenAmount(parseUnits('1500.25', 6), tokenInfo(USDC, known))).toBe('1500.25 USDC')
    expect(formatTokenAmount(parseUnits('2', 18), tokenInfo(null, known))).toBe('2 POL')
    expect(tokenInfo(null, { openToken: null, chainId: 1 }).symbol).toBe('ETH')
  })

  it('shows a token that answered nonsense, or was never read, by its address in base units, with the reason', () => {
    const junk = tokenInfo(JUNK, known)
    expect(formatTokenAmount(5n, junk)).toBe('5 units of 0x2222…2222')
    expect(junk).toMatchObject({ known: false, problem: 'symbol() reverted; decimals() reverted' })
    expect(tokenInfo('0x' + '3'.repeat(40), known)).toMatchObject({ decimals: 0, known: false, problem: 'not read from the chain yet' })
  })

  it('parses whole units with the token’s decimals and refuses more decimals than it has', () => {
    expect(parseTokenAmount('1.5', tokenInfo(USDC, known))).toEqual({ ok: true, value: 1_500_000n })
    expect(parseTokenAmount('0.1234567', tokenInfo(USDC, known))).toEqual({ ok: false, message: 'At most 6 decimals' })
    expect(parseTokenAmount('1.5', tokenInfo(JUNK, known))).toEqual({ ok: false, message: 'This token has no decimals' })
  })
})

describe('USD figures', () => {
  const price: UsdPrice = { pair: 'USDC / USD', feed: '0xfeed', answer: '99990000', feedDecimals: 8, updatedAt: 1, heartbeatSeconds: 60, stale: false }
  it('multiplies exactly and rounds down to cents', () => {
    expect(usdFigure(parseUnits('1500.25', 6), tokenInfo(USDC, known), price)?.text).toBe('$1,500.09')
    expect(formatCents(123456789012345678901234n)).toBe('$1,234,567,890,123,456,789,012.34')
  })
  it('gives no figure for a token shown by address or a feed answering zero or less', () => {
    expect(usdFigure(5n, tokenInfo(JUNK, known), price)).toBeNull()
    expect(usdFigure(5n, tokenInfo(USDC, known), { ...price, answer: '0' })).toBeNull()
    expect(usdFigure(5n, tokenInfo(USDC, known), { ...price, answer: '-5' })).toBeNull()
  })
})
