import { CID } from 'multiformats/cid'

// Where a metadata document is: `ipfs://<cid>[/path]` (checked against the bytes wherever they
// come from) or an https URL. Anything else is never fetched, and its document is invalid.

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

/** The CID of a whole-document `ipfs://<cid>` URI, or null (a path inside a directory, https, not a CID). */
export function cidFromUri(uri: string): string | null {
  const parsed = parseMetadataUri(uri)
  return parsed?.type === 'ipfs' && parsed.path === '' ? parsed.cid : null
}

export function uriForCid(cid: string): string {
  return `ipfs://${cid}`
}
