import { CID } from 'multiformats/cid'

// Where a metadata document is: `ipfs://<cid>[/path]` (checked against the bytes wherever they
// come from) or an http(s) URL, as the real frontends read them (older Openmesh documents sit on
// plain-http hosts). Anything else is never fetched, and its document is invalid. Which hosts an
// http(s) URL may reach is the fetcher's concern (public addresses only).

export type ParsedUri = { type: 'ipfs'; cid: string; path: string } | { type: 'web'; url: string }

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
  if (/^https?:\/\//i.test(trimmed)) {
    try {
      const url = new URL(trimmed)
      // No credentials in the URL: they would be sent to whatever host the chain names.
      if (url.username || url.password) return undefined
      return url.protocol === 'https:' || url.protocol === 'http:' ? { type: 'web', url: url.toString() } : undefined
    } catch {
      return undefined
    }
  }
  return undefined
}

export function isFetchableUri(uri: string): boolean {
  return parseMetadataUri(uri) !== undefined
}

/** The CID of a whole-document `ipfs://<cid>` URI, or null (a path inside a directory, http(s), not a CID). */
export function cidFromUri(uri: string): string | null {
  const parsed = parseMetadataUri(uri)
  return parsed?.type === 'ipfs' && parsed.path === '' ? parsed.cid : null
}

export function uriForCid(cid: string): string {
  return `ipfs://${cid}`
}
