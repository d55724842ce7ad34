import { CID } from 'multiformats/cid'

// Metadata URIs written on chain: `ipfs://<cid>` (checked against the bytes) or an https URL.
// Anything else is not fetched.

export type ParsedUri = { type: 'ipfs'; cid: string; path: string } | { type: 'https'; url: string }

export function parseMetadataUri(uri: string): ParsedUri | undefined {
  const trimmed = uri.trim()
  if (trimmed.startsWith('ipfs://')) {
    const rest = trimmed.slice('ipfs://'.length).replace(/^ipfs\//, '')
    const [cid = '', ...path] = rest.split('/')
    try {
      CID.parse(cid)
    } catch {
      return undefined
    }
    return { type: 'ipfs', cid, path: path.join('/') }
  }
  if (trimmed.startsWith('https://')) {
    try {
      const url = new URL(trimmed)
      return url.protocol === 'https:' ? { type: 'https', url: url.toString() } : undefined
    } catch {
      return undefined
    }
  }
  return undefined
}

export function isFetchableUri(uri: string): boolean {
  return parseMetadataUri(uri) !== undefined
}
