import { createPublicClient, http, type Address } from 'viem'
import { mainnet } from 'viem/chains'
import { getEnsName, getEnsText, normalize } from 'viem/ens'
import type { Db } from '#db/client'
import { getEnv } from '~/env.server'
import { ENS_TTL_MS, getEnsRecord, storeEnsResult, type EnsRecord } from '~/models/ens-names.server'
import { displayText } from './display-text'

// ENS names and avatars, read through ENS_RPC_URL (the chain where ENS lives, usually mainnet,
// whatever chain the portal follows) with viem's ENS actions against the Universal Resolver, and
// kept in ens_names. Nothing here runs without ENS_RPC_URL: pages then show identicons.

const TIMEOUT_MS = 4_000
const MAX_DATA_AVATAR = 150_000

export type EnsConfig = { rpcUrl: string; universalResolverAddress: Address }

export function getEnsConfig(): EnsConfig | null {
  const env = getEnv()
  if (!env.ENS_RPC_URL) return null
  return { rpcUrl: env.ENS_RPC_URL, universalResolverAddress: env.ENS_UNIVERSAL_RESOLVER_ADDRESS ?? mainnet.contracts.ensUniversalResolver.address }
}

/** The address's primary name (forward-checked by the Universal Resolver) and its avatar record as a URL the portal may fetch. */
async function resolveEns(address: Address, config: EnsConfig): Promise<{ name: string | null; avatarUrl: string | null }> {
  const client = createPublicClient({ transport: http(config.rpcUrl, { timeout: TIMEOUT_MS, retryCount: 0 }) })
  const raw = await getEnsName(client, { address, universalResolverAddress: config.universalResolverAddress })
  const name = raw ? normalizedName(raw) : null
  if (!name) return { name: null, avatarUrl: null }
  const avatar = await getEnsText(client, { name, key: 'avatar', universalResolverAddress: config.universalResolverAddress })
  return { name, avatarUrl: avatar ? avatarUrl(avatar, getEnv().IPFS_GATEWAY_URL) : null }
}

/**
 * The ENS record of an address for a page: the cached one, never waiting on the ENS chain. One
 * missing or older than a day is asked again in the background (once at a time per address), so
 * the next visit shows it; a failure keeps what was known and is not asked again for a day either.
 */
export function lookupEns(db: Db, address: Address, config = getEnsConfig(), now = Date.now()): EnsRecord | null {
  const cached = getEnsRecord(db, address)
  if (!config || (cached && now - cached.resolvedAt < ENS_TTL_MS)) return cached
  const key = address.toLowerCase()
  if (!resolving.has(key)) {
    resolving.add(key)
    void refreshEns(db, address, config, now).finally(() => resolving.delete(key))
  }
  return cached
}

/** Addresses whose ENS name is being asked right now (one lookup at a time each). */
const resolving = new Set<string>()

export async function refreshEns(db: Db, address: Address, config: EnsConfig, now = Date.now()): Promise<void> {
  try {
    storeEnsResult(db, address, await resolveEns(address, config), now)
  } catch (error) {
    storeEnsResult(db, address, { error: ((error as Error).message ?? 'ENS lookup failed').split('\n')[0]!.slice(0, 200) }, now)
  }
}

/** ENS normalization (UTS-46), refusing what does not normalize and anything that would not show as plain text. */
function normalizedName(raw: string): string | null {
  try {
    const name = normalize(raw)
    return name.length <= 255 && displayText(name) === name ? name : null
  } catch {
    return null
  }
}

/**
 * An avatar record as a URL the avatar route may fetch: https://, ipfs:// through the configured
 * gateway, or a small raster data: URL. NFT avatars (eip155:…) and everything else: none.
 */
function avatarUrl(record: string, ipfsGateway: string): string | null {
  const value = record.trim()
  if (/^data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=]+$/.test(value)) return value.length <= MAX_DATA_AVATAR ? value : null
  if (/^ipfs:\/\/(ipfs\/)?[A-Za-z0-9]+(\/[\w.-]+)*$/.test(value)) return new URL(value.replace(/^ipfs:\/\/(ipfs\/)?/, ''), ipfsGateway.endsWith('/') ? ipfsGateway : `${ipfsGateway}/`).toString()
  try {
    const url = new URL(value)
    return url.protocol === 'https:' && !url.username && !url.password && value.length <= 2_000 ? url.toString() : null
  } catch {
    return null
  }
}
