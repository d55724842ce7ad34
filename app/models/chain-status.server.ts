import { createPublicClient, http } from 'viem'
import { getIndexerStatus } from '#db/indexer-status'
import { getDb } from '~/db.server'
import { getChainId, getEnv } from '~/env.server'

export type ChainStatus = {
  chainId: number
  chainHead: number | null
  indexedBlock: number | null
  lag: number | null
  halted: string | null
  rpc: 'ok' | 'unreachable'
}

const STALE_LAG_BLOCKS = 20

/** What /health reports and what the layout uses to warn that data may be stale. */
export async function getChainStatus(): Promise<ChainStatus> {
  const chainId = getChainId()
  const indexer = getIndexerStatus(getDb(), chainId)
  const chainHead = await readChainHead()
  const indexedBlock = indexer?.indexedBlock ?? null
  const head = chainHead ?? indexer?.chainHead ?? null
  return {
    chainId,
    chainHead,
    indexedBlock,
    lag: head !== null && indexedBlock !== null ? Math.max(0, head - indexedBlock) : null,
    halted: indexer?.halted ?? null,
    rpc: chainHead === null ? 'unreachable' : 'ok',
  }
}

export function isStale(status: ChainStatus): boolean {
  return status.halted !== null || status.indexedBlock === null || (status.lag ?? 0) > STALE_LAG_BLOCKS
}

async function readChainHead(): Promise<number | null> {
  const env = getEnv()
  const rpcUrl = env.RPC_URL ?? `http://127.0.0.1:${env.ANVIL_PORT}`
  try {
    const client = createPublicClient({ transport: http(rpcUrl, { timeout: 2_000, retryCount: 0 }) })
    return Number(await client.getBlockNumber({ cacheTime: 0 }))
  } catch {
    return null
  }
}
