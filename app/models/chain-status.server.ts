import { getIndexerStatus } from '#db/indexer-status'
import { getDb } from '~/db.server'
import { getChainId } from '~/env.server'
import { getChainHeadReading } from './chain-head.server'

export type ChainStatus = {
  chainId: number
  /** The head the web process last read from the RPC (old when the RPC stopped answering). */
  chainHead: number | null
  indexedBlock: number | null
  lag: number | null
  halted: string | null
  rpc: 'ok' | 'unreachable' | 'unknown'
}

const STALE_LAG_BLOCKS = 20

/**
 * What /health reports and what the layout uses to warn that data may be stale: the indexer's
 * checkpoint (one primary-key read) and the chain head read in the background. Never waits on the chain.
 */
export function getChainStatus(): ChainStatus {
  const chainId = getChainId()
  const indexer = getIndexerStatus(getDb(), chainId)
  const { head: chainHead, rpc } = getChainHeadReading()
  const indexedBlock = indexer?.indexedBlock ?? null
  const head = chainHead ?? indexer?.chainHead ?? null
  return {
    chainId,
    chainHead,
    indexedBlock,
    lag: head !== null && indexedBlock !== null ? Math.max(0, head - indexedBlock) : null,
    halted: indexer?.halted ?? null,
    rpc,
  }
}

/** Why the pages may show old chain data, or null when they are current. */
export function staleReason(status: ChainStatus): 'halted' | 'rpc' | 'behind' | null {
  if (status.halted !== null) return 'halted'
  if (status.rpc === 'unreachable') return 'rpc'
  if (status.indexedBlock === null || (status.lag ?? 0) > STALE_LAG_BLOCKS) return 'behind'
  return null
}
