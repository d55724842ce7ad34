import type { Deployment } from '#config/deployment'
import { testConfig } from '../testing/harness'
import type { CpuTimes } from './cpu'

// What run.ts asks of backfill.ts (one backfill from scratch in a fresh process), what comes back,
// and the indexer configuration both use.

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

/**
 * The indexer configuration every measurement uses (the baselines' request size and page cache,
 * and the timed backfill), so the two processes cannot drift apart: the fetch worker on, as in
 * production, unless INDEXER_* tuning says otherwise; no metadata fetching.
 */
export const benchIndexerConfig = (rpcUrl: string, deployment: Deployment, tuning: Record<string, string>) =>
  testConfig(rpcUrl, deployment, { INDEXER_FETCH_WORKER: 'on', ...tuning, INDEXER_METADATA: 'off', POLL_INTERVAL_MS: '1000' })
