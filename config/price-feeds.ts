import type { Deployment } from './deployment'

// Chainlink Data Feeds the portal reads USD values from: per chain, which asset (the native
// currency or an ERC-20 by address) each feed prices, and its heartbeat, the longest Chainlink
// lets a feed go without an update. An answer older than its heartbeat is shown as stale.
// No feed for a token on a chain: no USD figure (never a guess from another chain's price).
//
// Sources (checked 2026-12-03):
// - ETH/USD on Ethereum 0x5f4eC3Df9cbd43714FE2740f5E3616155c5b8419, USDC/USD on Ethereum
//   0x8fFfFfd4AfB6115b954Bd326cbe7B4BA576818f6: Chainlink's feed list,
//   https://docs.chain.link/data-feeds/price-feeds/addresses?network=ethereum (heartbeats 1 h and
//   24 h as listed there).
// - POL/USD (formerly MATIC/USD) on Polygon 0xAB594600376Ec9fD91F8e885dADF0CE036862dE0, USDC/USD
//   on Polygon 0xfE4A8cc5b5B2366C1B58Bea3858e81843581b2F7, ETH/USD on Polygon
//   0xF9680D99D6C9589e2a93a78A04A279e509205945: Chainlink's Polygon feed list,
//   https://docs.chain.link/data-feeds/price-feeds/addresses?network=polygon (formerly
//   docs/matic-addresses.md in github.com/smartcontractkit/documentation). Polygon's USD feeds
//   update at least every 30 s (heartbeat ~27-30 s); 60 s is allowed here for block-time jitter.
// - USDC is Circle's: 0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48 on Ethereum, native USDC
//   0x3c499c542cEF5E3811e1192ce70d8cC03d5c3359 on Polygon (the one ovc-frontend uses,
//   ../shared/reference-abi/README.md "Tokens and native currency").
// - The devnet deploys DevnetPriceFeed (AggregatorV3-compatible) feeds and records them in its
//   deployment's `others` (devnet/deploy.ts); they are set once, so their heartbeat is a day.

/** `native`: the chain's own currency; otherwise the lowercase ERC-20 address. */
export type PricedAsset = 'native' | `0x${string}`

export type PriceFeed = {
  asset: PricedAsset
  /** The feed's proxy, the address to read `latestRoundData` from. */
  feed: `0x${string}`
  /** e.g. "ETH / USD". */
  pair: string
  heartbeatSeconds: number
}

const lower = (address: string) => address.toLowerCase() as `0x${string}`

const realFeeds: Record<number, PriceFeed[]> = {
  1: [
    { asset: 'native', feed: '0x5f4eC3Df9cbd43714FE2740f5E3616155c5b8419', pair: 'ETH / USD', heartbeatSeconds: 3_600 },
    { asset: lower('0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48'), feed: '0x8fFfFfd4AfB6115b954Bd326cbe7B4BA576818f6', pair: 'USDC / USD', heartbeatSeconds: 86_400 },
  ],
  137: [
    { asset: 'native', feed: '0xAB594600376Ec9fD91F8e885dADF0CE036862dE0', pair: 'POL / USD', heartbeatSeconds: 60 },
    { asset: lower('0x3c499c542cEF5E3811e1192ce70d8cC03d5c3359'), feed: '0xfE4A8cc5b5B2366C1B58Bea3858e81843581b2F7', pair: 'USDC / USD', heartbeatSeconds: 60 },
    // WETH on Polygon, priced by ETH/USD.
    { asset: lower('0x7ceB23fD6bC0adD59E62ac25578270cFf1b9f619'), feed: '0xF9680D99D6C9589e2a93a78A04A279e509205945', pair: 'ETH / USD', heartbeatSeconds: 60 },
  ],
}

/** The devnet's feeds, by the names devnet/deploy.ts records them under in `others`. */
export const DEVNET_FEED_NAMES = { native: 'ETH/USD price feed', openToken: 'OPEN/USD price feed', usdc: 'USDC/USD price feed' } as const
const DEVNET_HEARTBEAT_SECONDS = 86_400

/** The feeds of a chain: the committed table for real chains, the deployment's own on a devnet. */
export function priceFeedsFor(chainId: number, deployment: Deployment | undefined): PriceFeed[] {
  const real = realFeeds[chainId]
  if (real) return real
  if (!deployment) return []
  const feeds: PriceFeed[] = []
  const add = (asset: PricedAsset | undefined, name: string, pair: string) => {
    const feed = deployment.others[name]
    if (asset && feed) feeds.push({ asset, feed, pair, heartbeatSeconds: DEVNET_HEARTBEAT_SECONDS })
  }
  add('native', DEVNET_FEED_NAMES.native, 'ETH / USD')
  add(deployment.contracts.openToken && lower(deployment.contracts.openToken.address), DEVNET_FEED_NAMES.openToken, 'OPEN / USD')
  add(deployment.contracts.usdc && lower(deployment.contracts.usdc.address), DEVNET_FEED_NAMES.usdc, 'USDC / USD')
  return feeds
}
