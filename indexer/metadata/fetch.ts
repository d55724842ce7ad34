import { CID } from 'multiformats/cid'
import type { Db } from '../../db/client'
import { bytesMatchCid, getContent } from '../../db/content-store'
import { DAG_PB, decodeDagPb, unixfsFileBytes } from './unixfs'
import { parseMetadataUri } from './uri'

// Gets a metadata document's bytes: `ipfs://` from the local content store first, then from the
// configured gateway as raw blocks checked against their CIDs; https URLs directly. Every fetch
// is size-capped and time-limited.

/** Could not get the bytes now (network, timeout, gateway error): retried later. */
export class MetadataUnavailableError extends Error {
  override name = 'MetadataUnavailableError'
}
/** Got bytes that must not be used (CID mismatch, too big, unsupported URI or layout). */
export class MetadataRejectedError extends Error {
  override name = 'MetadataRejectedError'
}

export type FetchOptions = { db: Db; gatewayUrl: string; timeoutMs: number; maxBytes: number; signal?: AbortSignal }

export async function fetchMetadataBytes(uri: string, options: FetchOptions): Promise<{ bytes: Uint8Array; source: 'local' | 'gateway' | 'https' }> {
  const parsed = parseMetadataUri(uri)
  if (!parsed) throw new MetadataRejectedError('not an ipfs:// or https:// URI')
  if (parsed.type === 'https') return { bytes: await httpGet(parsed.url, options), source: 'https' }

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
    throw new MetadataRejectedError((error as Error).message)
  }
}

async function getBlock(cid: CID, options: FetchOptions): Promise<Uint8Array> {
  const base = options.gatewayUrl.endsWith('/') ? options.gatewayUrl : `${options.gatewayUrl}/`
  const bytes = await httpGet(`${base}${cid.toString()}?format=raw`, options, 'application/vnd.ipld.raw')
  if (!(await bytesMatchCid(bytes, cid.toString()))) throw new MetadataRejectedError(`the gateway's bytes do not match ${cid}`)
  return bytes
}

async function httpGet(url: string, options: FetchOptions, accept = 'application/json'): Promise<Uint8Array> {
  const controller = new AbortController()
  const timeout = { aborted: false }
  const timer = setTimeout(() => {
    timeout.aborted = true
    controller.abort()
  }, options.timeoutMs)
  const onAbort = () => controller.abort()
  options.signal?.addEventListener('abort', onAbort, { once: true })
  try {
    return await read(url, options, accept, controller.signal, timeout)
  } finally {
    clearTimeout(timer)
    options.signal?.removeEventListener('abort', onAbort)
  }
}

async function read(url: string, options: FetchOptions, accept: string, signal: AbortSignal, timeout: { aborted: boolean }): Promise<Uint8Array> {
  let res: Response
  let target = url
  for (let hops = 0; ; hops++) {
    try {
      res = await fetch(target, { headers: { accept }, redirect: 'manual', signal })
    } catch (error) {
      if (timeout.aborted) throw new MetadataUnavailableError(`no answer within ${options.timeoutMs} ms`)
      throw new MetadataUnavailableError(`fetch failed: ${(error as Error).message}`)
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
