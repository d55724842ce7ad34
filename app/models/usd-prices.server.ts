import { createPublicClient, http, parseAbi } from 'viem'
import { resolveDeployment } from '#config/deployment'
import { priceFeedsFor, type PricedAsset, type PriceFeed } from '#config/price-feeds'
import { getEnv } from '~/env.server'
import type { UsdPrice } from '~/utils/usd'
import { rpcUrlForChain } from './chain-rpc.server'

// The USD prices of a chain's assets, read from its Chainlink feeds (config/price-feeds.ts) with
// `latestRoundData`, at most every 30 s per chain. A feed that cannot be read, answers zero or
// less, or has no round, gives no price (so no USD figure), never a stale cached or guessed one:
// the last good answer is kept only until its cache entry expires.

const aggregatorV3Abi = parseAbi([
  'function decimals() view returns (uint8)',
  'function latestRoundData() view returns (uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound)',
])

const CACHE_MS = 30_000
const TIMEOUT_MS = 2_000

export type UsdPrices = Map<PricedAsset, UsdPrice>

const cache = new Map<number, { at: number; prices: Promise<UsdPrices> }>()

export function getUsdPrices(chainId: number): Promise<UsdPrices> {
  const hit = cache.get(chainId)
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.prices
  const prices = readUsdPrices(chainId)
  cache.set(chainId, { at: Date.now(), prices })
  return prices
}

async function readUsdPrices(chainId: number): Promise<UsdPrices> {
  const rpcUrl = rpcUrlForChain(chainId)
  const feeds = priceFeedsFor(chainId, resolveDeployment(getEnv(), chainId))
  return rpcUrl ? readFeedPrices(rpcUrl, feeds) : new Map()
}

/** Reads these feeds now, on the chain behind `rpcUrl`; staleness against its latest block. */
export async function readFeedPrices(rpcUrl: string, feeds: readonly PriceFeed[]): Promise<UsdPrices> {
  const prices: UsdPrices = new Map()
  if (feeds.length === 0) return prices
  const client = createPublicClient({ transport: http(rpcUrl, { timeout: TIMEOUT_MS, retryCount: 0 }) })
  let now: number
  try {
    now = Number((await client.getBlock({ blockTag: 'latest' })).timestamp)
  } catch {
    return prices
  }
  await Promise.all(
    feeds.map(async (feed) => {
      try {
        const [decimals, [, answer, , updatedAt]] = await Promise.all([
          client.readContract({ address: feed.feed, abi: aggregatorV3Abi, functionName: 'decimals' }),
          client.readContract({ address: feed.feed, abi: aggregatorV3Abi, functionName: 'latestRoundData' }),
        ])
        if (answer <= 0n || updatedAt === 0n) return
        prices.set(feed.asset, {
          pair: feed.pair,
          feed: feed.feed,
          answer: answer.toString(),
          feedDecimals: decimals,
          updatedAt: Number(updatedAt),
          heartbeatSeconds: feed.heartbeatSeconds,
          stale: now - Number(updatedAt) > feed.heartbeatSeconds,
        })
      } catch {
        // An unreadable feed gives no price: the page shows no USD figure for that asset.
      }
    }),
  )
  return prices
}

/** The price of a budget entry's asset: `null` token is the native currency. */
export function priceOf(prices: UsdPrices, token: string | null): UsdPrice | undefined {
  return prices.get(token === null ? 'native' : (token.toLowerCase() as `0x${string}`))
}
