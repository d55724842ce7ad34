import { createPublicClient, http, parseAbi } from 'viem'
import { resolveDeployment } from '#config/deployment'
import { priceFeedsFor, type PricedAsset, type PriceFeed } from '#config/price-feeds'
import { getEnv } from '~/env.server'
import type { UsdPrice } from '~/utils/usd'
import { rpcUrlForChain } from './chain-rpc.server'

// The USD prices of a chain's assets, read from its Chainlink feeds (config/price-feeds.ts) with
// `latestRoundData`. Pages never wait for them: one loop per chain and process reads them every
// 30 s in the background (started by the first page that asks) and a page takes the last answer,
// so a hung or unreachable RPC costs a page nothing but its USD figures. A feed that cannot be
// read, answers zero or less, or has no round, gives no price (so no USD figure), never a guessed
// one; a read that fails leaves no prices until one answers again, and an answer is shown for at
// most two minutes.

const aggregatorV3Abi = parseAbi([
  'function decimals() view returns (uint8)',
  'function latestRoundData() view returns (uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound)',
])

const REFRESH_MS = 30_000
const MAX_AGE_MS = 120_000
const TIMEOUT_MS = 2_000

export type UsdPrices = Map<PricedAsset, UsdPrice>

const latest = new Map<number, { prices: UsdPrices; readAt: number } | null>()

/** The prices last read for this chain (none before the first answer, or two minutes after the last); never waits. */
export function getUsdPrices(chainId: number, now = Date.now()): UsdPrices {
  if (!latest.has(chainId)) startReading(chainId)
  const last = latest.get(chainId)
  return last && now - last.readAt < MAX_AGE_MS ? last.prices : new Map()
}

/** The feeds' rounds, for the key of a remembered read that shows USD values (app/models/read-cache.server.ts). */
export function priceRounds(prices: UsdPrices): string {
  return [...prices].map(([asset, price]) => `${asset}:${price.updatedAt}:${price.answer}`).join(',')
}

/** Starts the chain's price loop if it is not running (the layout calls it, so the first task page finds prices). */
export function warmUsdPrices(chainId: number): void {
  if (!latest.has(chainId)) startReading(chainId)
}

function startReading(chainId: number) {
  latest.set(chainId, null)
  const loop = async () => {
    try {
      latest.set(chainId, { prices: await readUsdPrices(chainId), readAt: Date.now() })
    } catch {
      // No deployment or no RPC configured: no prices, tried again next time.
    }
    // One read at a time; the loop never keeps a process alive on its own.
    setTimeout(loop, REFRESH_MS).unref()
  }
  void loop()
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
