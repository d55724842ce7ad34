import type { Env } from '#config/env'
import type { DeployedContract, Deployment, DeploymentContractKey } from '#config/deployment'
import type { ActionTargetKind, IndexedContractKind } from './decode/abis'

// Everything the indexer needs to run against one chain, from the validated env (config/env.ts,
// INDEXER_* tuning included), the deployment and the chain id the RPC reported.

export type IndexedContract = { kind: IndexedContractKind; address: `0x${string}`; startBlock: number }
/** A contract as the deployment gives it: its start block may be unknown (null) until found. */
export type ConfiguredContract = Omit<IndexedContract, 'startBlock'> & { startBlock: number | null }
/** A contract a DAO action may call (indexed or not, like the OPEN token): its calldata is decoded. */
export type ActionTarget = { kind: ActionTargetKind; address: `0x${string}` }

export type IndexerConfig = {
  chainId: number
  rpcUrl: string
  fallbackRpcUrl?: string
  /** Where to subscribe to new heads (eth_subscribe); polling stays the fallback. */
  wsUrl?: string
  contracts: IndexedContract[]
  actionTargets: ActionTarget[]
  startBlock: number
  finalityDepth: number
  pollIntervalMs: number
  concurrency: number
  initialBlockRange: number
  maxBlockRange: number
  targetLogsPerRequest: number
  rpcTimeoutMs: number
  getLogsTimeoutMs: number
  maxBlocksPerTick: number
  /** Backfill fetching (JSON parsing, reads) in a worker thread, beside the SQLite writes. */
  fetchWorker: boolean
  /** SQLite page cache of the indexer's connection, in MiB. */
  cacheMb: number
  metadata: { enabled: boolean; gatewayUrl: string; timeoutMs: number; maxBytes: number; retryAfterMs: number; concurrency: number }
}

/** Blocks after which a reorg is treated as impossible, per chain. */
function defaultFinalityDepth(chainId: number): number {
  switch (chainId) {
    case 31337:
      return 12 // anvil: deep enough that test reorgs of up to 6 blocks stay below it
    case 1:
    case 11155111:
      return 64 // two epochs: Ethereum finality
    case 137:
    case 80002:
      return 256 // Polygon PoS has seen reorgs of over a hundred blocks
    default:
      return 64
  }
}

/** anvil answers websockets on its HTTP port: the devnet `npm start` runs gets head subscriptions too. */
function devnetWebSocket(rpcUrl: string, env: Env): string | undefined {
  if (env.RPC_URL) return undefined
  const devnet = `http://127.0.0.1:${env.ANVIL_PORT}`
  return rpcUrl === devnet ? `ws://127.0.0.1:${env.ANVIL_PORT}` : undefined
}

/** Where each indexed kind is in a deployment (department parts: every department's). */
const indexedKeys: Partial<Record<IndexedContractKind, DeploymentContractKey>> = {
  tasks: 'tasks',
  rfps: 'rfps',
  taskDisputes: 'taskDisputes',
  taskDrafts: 'taskDrafts',
  verifiedContributor: 'verifiedContributor',
  tagManager: 'tagManager',
  tokenVoting: 'tokenVoting',
  optimisticActions: 'optimisticActions',
  pessimisticActions: 'pessimisticActions',
  addressTrustlessManagement: 'addressTrustlessManagement',
  erc721CountTrustlessManagement: 'erc721CountTrustlessManagement',
  tagTrustlessManagement: 'tagTrustlessManagement',
  dao: 'dao',
}
const actionTargetKeys: Partial<Record<ActionTargetKind, DeploymentContractKey>> = { ...indexedKeys, openToken: 'openToken', usdc: 'usdc' }

function located<K extends string>(deployment: Deployment, keys: Partial<Record<K, DeploymentContractKey>>) {
  const out: { kind: K; contract: DeployedContract }[] = []
  for (const [kind, key] of Object.entries(keys) as [K, DeploymentContractKey][]) {
    const contract = deployment.contracts[key]
    if (contract) out.push({ kind, contract })
  }
  for (const d of deployment.departments) {
    if (d.tagVoting) out.push({ kind: 'tagVoting' as K, contract: d.tagVoting })
    if (d.dao) out.push({ kind: 'dao' as K, contract: d.dao })
  }
  return out
}

/** The contracts whose logs are indexed: every one of the deployment the projections read. */
export function configuredContracts(deployment: Deployment): ConfiguredContract[] {
  const seen = new Set<string>()
  return located(deployment, indexedKeys).flatMap(({ kind, contract }) => {
    const address = contract.address.toLowerCase() as `0x${string}`
    if (seen.has(address)) return []
    seen.add(address)
    return [{ kind, address, startBlock: contract.startBlock }]
  })
}

/** Thrown when a contract's start block is neither configured nor found (see sync/start-blocks.ts). */
export class UnknownStartBlockError extends Error {}

/**
 * `startBlocks`: the start blocks found for contracts the deployment gives none (by lowercase
 * address, from sync/start-blocks.ts). Every indexed contract must have one.
 */
export function buildIndexerConfig(
  env: Env,
  deployment: Deployment,
  chainId: number,
  rpcUrl: string,
  startBlocks: ReadonlyMap<string, number> = new Map(),
): IndexerConfig {
  const t = env
  const contracts = configuredContracts(deployment).map((c): IndexedContract => {
    const startBlock = c.startBlock ?? startBlocks.get(c.address)
    if (startBlock === undefined) throw new UnknownStartBlockError(`the start block of ${c.kind} ${c.address} is not known`)
    return { ...c, startBlock }
  })
  const targets = located(deployment, actionTargetKeys).map(({ kind, contract }) => ({ kind, address: contract.address }))
  // A department's proposal wraps each call in SmartAccount.performCall: the accounts are targets too.
  for (const d of deployment.departments) targets.push({ kind: 'smartAccount', address: d.smartAccount.address })
  const actionTargets = targets.map((c) => ({ kind: c.kind, address: c.address.toLowerCase() as `0x${string}` }))
  return {
    chainId,
    rpcUrl,
    fallbackRpcUrl: env.RPC_FALLBACK_URL,
    wsUrl: env.RPC_WS_URL ?? devnetWebSocket(rpcUrl, env),
    contracts,
    actionTargets,
    startBlock: Math.min(...contracts.map((c) => c.startBlock)),
    finalityDepth: env.FINALITY_DEPTH ?? defaultFinalityDepth(chainId),
    pollIntervalMs: env.POLL_INTERVAL_MS ?? (chainId === 31337 ? 1_000 : 4_000),
    concurrency: t.INDEXER_CONCURRENCY,
    initialBlockRange: Math.min(t.INDEXER_INITIAL_BLOCK_RANGE, t.INDEXER_MAX_BLOCK_RANGE),
    maxBlockRange: t.INDEXER_MAX_BLOCK_RANGE,
    targetLogsPerRequest: t.INDEXER_TARGET_LOGS,
    rpcTimeoutMs: t.INDEXER_RPC_TIMEOUT_MS,
    getLogsTimeoutMs: t.INDEXER_GETLOGS_TIMEOUT_MS,
    maxBlocksPerTick: t.INDEXER_MAX_BLOCKS_PER_TICK,
    fetchWorker: t.INDEXER_FETCH_WORKER === 'on',
    cacheMb: t.INDEXER_CACHE_MB,
    metadata: {
      enabled: t.INDEXER_METADATA === 'on',
      gatewayUrl: env.IPFS_GATEWAY_URL,
      timeoutMs: t.INDEXER_METADATA_TIMEOUT_MS,
      maxBytes: t.INDEXER_METADATA_MAX_BYTES,
      retryAfterMs: t.INDEXER_METADATA_RETRY_MS,
      concurrency: 4,
    },
  }
}
