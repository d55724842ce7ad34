import type { LookupAddress } from 'node:dns'
import { lookup } from 'node:dns/promises'
import type { LookupFunction } from 'node:net'
import { CID } from 'multiformats/cid'
import type { Db } from '#db/client'
import { bytesMatchCid, getContent } from '#db/content-store'
import { parseMetadataUri } from '#documents/uri'
import { MetadataRejectedError, MetadataUnavailableError } from '../errors'
import { isPublicAddress } from './public-address'
import { DAG_PB, decodeDagPb, unixfsFileBytes } from './unixfs'

// Gets a metadata document's bytes: `ipfs://` from the local content store first, then from the
// configured gateway as raw blocks checked against their CIDs; http(s) URLs directly. Every fetch
// is size-capped and time-limited. URLs from the chain, and every redirect they lead to, may only
// reach public addresses (SSRF); only the operator-configured gateway origin, and the origins an
// operator (or a test's local listener) lists in `allowPrivateOrigins`, may be private.

export type FetchOptions = {
  db: Db
  gatewayUrl: string
  timeoutMs: number
  maxBytes: number
  signal?: AbortSignal
  /** Origins (`http://127.0.0.1:8080`) trusted like the gateway: reached even on a private address. */
  allowPrivateOrigins?: readonly string[]
}

export async function fetchMetadataBytes(uri: string, options: FetchOptions): Promise<{ bytes: Uint8Array; source: 'local' | 'gateway' | 'web' }> {
  const parsed = parseMetadataUri(uri)
  if (!parsed) throw new MetadataRejectedError('not an ipfs:// or http(s):// URI')
  if (parsed.type === 'web') return { bytes: await httpGet(parsed.url, options), source: 'web' }

  if (!parsed.path) {
    const local = getContent(options.db, parsed.cid)
    if (local && (await bytesMatchCid(local.bytes, parsed.cid))) {
      if (local.bytes.byteLength > options.maxBytes) throw new MetadataRejectedError(`document is above ${options.maxBytes} bytes`)
      return { bytes: local.bytes, source: 'local' }
    }
  }
  let cid = CID.parse(parsed.cid)
  let block = await getBlock(cid, options)
  // ipfs://<dir>/<name>: follow the directory links one level at a time.
  for (const name of parsed.path.split('/').filter(Boolean)) {
    if (cid.code !== DAG_PB) throw new MetadataRejectedError(`${cid} is not a directory`)
    const link = decodeDagPb(block).links.find((l) => l.name === name)
    if (!link) throw new MetadataRejectedError(`no ${name} in ${cid}`)
    cid = link.hash
    block = await getBlock(cid, options)
  }
  if (cid.code !== DAG_PB) return { bytes: block, source: 'gateway' }
  try {
    return { bytes: unixfsFileBytes(decodeDagPb(block)), source: 'gateway' }
  } catch (error) {
    throw new MetadataRejectedError((error as Error).message, { cause: error })
  }
}

async function getBlock(cid: CID, options: FetchOptions): Promise<Uint8Array> {
  const base = options.gatewayUrl.endsWith('/') ? options.gatewayUrl : `${options.gatewayUrl}/`
  const bytes = await httpGet(`${base}${cid.toString()}?format=raw`, options, 'application/vnd.ipld.raw', new URL(base).origin)
  if (!(await bytesMatchCid(bytes, cid.toString()))) throw new MetadataRejectedError(`the gateway's bytes do not match ${cid}`)
  return bytes
}

/** `trustedOrigin`: the gateway's origin when fetching from it; any other URL is checked. */
async function httpGet(url: string, options: FetchOptions, accept = 'application/json', trustedOrigin?: string): Promise<Uint8Array> {
  const controller = new AbortController()
  const timeout = { aborted: false }
  const timer = setTimeout(() => {
    timeout.aborted = true
    controller.abort()
  }, options.timeoutMs)
  const onAbort = () => controller.abort()
  options.signal?.addEventListener('abort', onAbort, { once: true })
  const agents: Dispatcher[] = []
  try {
    return await read(url, options, accept, controller.signal, timeout, trustedOrigin, agents)
  } finally {
    clearTimeout(timer)
    options.signal?.removeEventListener('abort', onAbort)
    // The pinned agents (one per untrusted hop) keep their connections until the body is read.
    for (const agent of agents) agent.destroy().catch(() => {})
  }
}

/** fetch says only "fetch failed": the reason (ECONNREFUSED, a TLS error…) is in its cause. */
function failureReason(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause
  if (typeof cause?.code === 'string') return cause.code
  if (typeof cause?.message === 'string' && cause.message) return cause.message
  return (error as Error).message
}

async function read(
  url: string,
  options: FetchOptions,
  accept: string,
  signal: AbortSignal,
  timeout: { aborted: boolean },
  trustedOrigin: string | undefined,
  agents: Dispatcher[],
): Promise<Uint8Array> {
  let res: Response
  let target = url
  for (let hops = 0; ; hops++) {
    const hop = new URL(target)
    const init: RequestInit & { dispatcher?: Dispatcher } = { headers: { accept }, redirect: 'manual', signal }
    if (hop.origin !== trustedOrigin && !options.allowPrivateOrigins?.includes(hop.origin)) {
      const addresses = await publicAddresses(hop, signal, timeout, options.timeoutMs)
      if (PinnedAgent) agents.push((init.dispatcher = new PinnedAgent({ connect: { lookup: pinnedLookup(hop.hostname, addresses) } })))
    }
    try {
      res = await fetch(target, init)
    } catch (error) {
      if (timeout.aborted) throw new MetadataUnavailableError(`no answer within ${options.timeoutMs} ms`)
      throw new MetadataUnavailableError(`cannot reach ${hop.host} (${failureReason(error)})`, { cause: error })
    }
    const location = res.status >= 300 && res.status < 400 ? res.headers.get('location') : null
    if (!location) break
    await res.body?.cancel().catch(() => {})
    // Untrusted URIs may only lead to https (the configured gateway may be plain http on localhost).
    const next = new URL(location, target)
    if (hops >= 3) throw new MetadataUnavailableError('too many redirects')
    if (next.protocol !== 'https:' && next.origin !== new URL(url).origin) throw new MetadataRejectedError(`redirect to ${next.protocol} refused`)
    target = next.toString()
  }
  if (!res.ok) {
    await res.body?.cancel().catch(() => {})
    throw new MetadataUnavailableError(`HTTP ${res.status}`)
  }
  const declared = Number(res.headers.get('content-length') ?? '0')
  if (declared > options.maxBytes) {
    await res.body?.cancel().catch(() => {})
    throw new MetadataRejectedError(`document is ${declared} bytes, above ${options.maxBytes}`)
  }
  const chunks: Uint8Array[] = []
  let size = 0
  try {
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength
      if (size > options.maxBytes) throw new MetadataRejectedError(`document is above ${options.maxBytes} bytes`)
      chunks.push(chunk)
    }
  } catch (error) {
    if (error instanceof MetadataRejectedError) throw error
    throw new MetadataUnavailableError(timeout.aborted ? `no answer within ${options.timeoutMs} ms` : `read failed: ${(error as Error).message}`)
  }
  return Buffer.concat(chunks)
}

type Dispatcher = { destroy(): Promise<void> }

/** Resolves an untrusted URL's host and refuses it unless every address it resolves to is public. */
async function publicAddresses(url: URL, signal: AbortSignal, timeout: { aborted: boolean }, timeoutMs: number): Promise<LookupAddress[]> {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1')
  let addresses: LookupAddress[]
  try {
    // An IP literal is its own (and only) address; lookup() returns it as is.
    addresses = await abortable(lookup(host, { all: true, verbatim: true }), signal)
  } catch (error) {
    if (timeout.aborted) throw new MetadataUnavailableError(`no answer within ${timeoutMs} ms`)
    throw new MetadataUnavailableError(`cannot resolve ${host}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
  }
  if (addresses.length === 0) throw new MetadataUnavailableError(`cannot resolve ${host}`)
  // Any private answer refuses the host: a public first answer does not decide which one gets used.
  const bad = addresses.find((a) => !isPublicAddress(a.address))
  if (bad) throw new MetadataRejectedError(`${url.protocol}//${url.host}/ resolves to a private address (${bad.address}): refused`)
  return addresses
}

/** getaddrinfo cannot be cancelled; stop waiting for it when the fetch's time is up. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason)
    const onAbort = () => reject(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })
}

// Against DNS rebinding (the host answers a public address to the check, a private one to the
// connection), untrusted requests connect through an undici Agent whose lookup only returns the
// addresses already checked; TLS still verifies the certificate against the hostname. undici is
// not a dependency here, but Node bundles it as its fetch and shares its global dispatcher (an
// Agent) under this well-known symbol; reading `Response` loads it. Should that change (or
// another global dispatcher, e.g. a proxy, be installed), requests fall back to check-then-fetch
// and a host that rebinds between the two could still be reached.
export const PinnedAgent = (() => {
  void globalThis.Response
  const ctor = (globalThis as Record<symbol, { constructor?: unknown } | undefined>)[Symbol.for('undici.globalDispatcher.1')]?.constructor
  return typeof ctor === 'function' && ctor.name === 'Agent' ? (ctor as new (options: { connect: { lookup: LookupFunction } }) => Dispatcher) : undefined
})()

/** A `lookup` for net/tls.connect that answers `hostname` with the given addresses, and nothing else. */
export function pinnedLookup(hostname: string, addresses: LookupAddress[]): LookupFunction {
  return (name, options, callback) => {
    if (name !== hostname) return callback(Object.assign(new Error(`unexpected lookup of ${name}`), { code: 'ENOTFOUND' }), '', 0)
    // net.connect asks for all addresses when it races IPv4/IPv6 (autoSelectFamily), else one.
    if (options.all) return callback(null, addresses)
    callback(null, addresses[0]!.address, addresses[0]!.family)
  }
}
