import type { Deployment } from '../../config/deployment'
import type { CpuTimes } from './cpu'

// What run.ts asks of backfill.ts (one backfill from scratch in a fresh process) and what comes back.

export type BackfillJob = {
  rpcUrl: string
  deployment: Deployment
  /** INDEXER_* settings from the bench's environment, as `npm run indexer` would take them. */
  tuning: Record<string, string>
  dbFile: string
  /** The node's process, whose CPU over the backfill is reported beside the indexer's. */
  nodePid: number | undefined
  verbose: boolean
}

export type BackfillResult = { ms: number; cpu: CpuTimes | undefined; indexed: number }
