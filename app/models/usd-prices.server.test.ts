import { parseUnits, toHex } from 'viem'
import { beforeAll, describe, expect, it } from 'vitest'
import { priceFeedsFor, type PriceFeed } from '#config/price-feeds'
import { deployPortal, type PortalDeployment } from '#devnet/deploy'
import { useAnvil } from '../../test/setup'
import { tokenInfo } from '~/utils/tokens'
import { usdFigure } from '~/utils/usd'
import { priceOf, readFeedPrices } from './usd-prices.server'

// USD values from the devnet's AggregatorV3 feeds, read on a real anvil: the figure a page shows
// for a 6-decimal USDC budget and for ether, "stale" once the chain's time passes the feed's
// heartbeat, and no price at all from a feed that is not there.

let rpcUrl: string
let deployment: PortalDeployment
beforeAll(async () => {
  rpcUrl = (await useAnvil()).rpcUrl
  deployment = await deployPortal({ rpcUrl })
}, 60_000)

describe('USD prices from Chainlink-compatible feeds', () => {
  it('values a USDC budget and ether in dollars, with the feed and its update time', async () => {
    const feeds = priceFeedsFor(deployment.chainId, deployment)
    expect(feeds.map((f) => f.pair)).toEqual(['ETH / USD', 'OPEN / USD', 'USDC / USD'])
    const prices = await readFeedPrices(rpcUrl, feeds)
    const usdc = deployment.contracts.usdc!.address
    const known = { openToken: deployment.contracts.openToken!.address, chainId: deployment.chainId, tokens: { [usdc.toLowerCase()]: { symbol: 'USDC', name: 'USD Coin', decimals: 6, problem: null } } }
    const usdcFigure = usdFigure(parseUnits('1500.25', 6), tokenInfo(usdc, known), priceOf(prices, usdc))
    expect(usdcFigure).toMatchObject({ text: '$1,500.25', pair: 'USDC / USD', stale: false })
    expect(usdcFigure!.updatedAt).toBeGreaterThan(0)
    expect(usdFigure(parseUnits('0.5', 18), tokenInfo(null, known), priceOf(prices, null))?.text).toBe('$1,500.00')
    // A token shown by address (decimals unknown) has no dollar value, whatever feeds exist.
    expect(usdFigure(5n, tokenInfo('0x' + 'c'.repeat(40), known), priceOf(prices, usdc))).toBeNull()
  })

  it('says a feed is stale once its answer is older than its heartbeat, and gives no price for a missing feed', async () => {
    await fetch(rpcUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'evm_increaseTime', params: [toHex(2 * 86_400)] }) })
    await fetch(rpcUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'evm_mine', params: [] }) })
    const feeds = priceFeedsFor(deployment.chainId, deployment)
    const missing: PriceFeed = { ...feeds[0]!, asset: `0x${'d'.repeat(40)}`, feed: `0x${'e'.repeat(40)}` }
    const prices = await readFeedPrices(rpcUrl, [...feeds, missing])
    expect(prices.get('native')?.stale).toBe(true)
    expect(prices.has(missing.asset)).toBe(false)
  })
})
