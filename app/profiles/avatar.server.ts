import { outboundRequest } from '~/notifications/outbound-http.server'

// ENS avatars fetched for the avatar route: raster images only (an SVG can carry script), checked
// by their first bytes as well as their declared type, at most 512 KiB, kept in memory for an hour.

const MAX_BYTES = 512 * 1024
const CACHE_MS = 60 * 60 * 1000
const cache = new Map<string, { at: number; image: Avatar | null }>()

type Avatar = { type: string; bytes: Buffer }

const signatures: [string, (b: Buffer) => boolean][] = [
  ['image/png', (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))],
  ['image/jpeg', (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff],
  ['image/gif', (b) => b.subarray(0, 4).toString('latin1') === 'GIF8'],
  ['image/webp', (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP'],
]

/** The image's type from its bytes, when it is one of the raster formats served. */
function sniffImageType(bytes: Buffer): string | null {
  return signatures.find(([, matches]) => matches(bytes))?.[0] ?? null
}

export async function fetchAvatar(url: string, { allowPrivate, now = Date.now() }: { allowPrivate: boolean; now?: number }): Promise<Avatar | null> {
  const cached = cache.get(url)
  if (cached && now - cached.at < CACHE_MS) return cached.image
  const image = await load(url, allowPrivate)
  if (cache.size > 500) cache.clear()
  cache.set(url, { at: now, image })
  return image
}

async function load(url: string, allowPrivate: boolean): Promise<Avatar | null> {
  let bytes: Buffer
  if (url.startsWith('data:')) {
    bytes = Buffer.from(url.slice(url.indexOf(',') + 1), 'base64')
  } else {
    try {
      const response = await outboundRequest(url, { method: 'GET', allowPrivate, timeoutMs: 5_000, maxBytes: MAX_BYTES, headers: { Accept: 'image/png, image/jpeg, image/gif, image/webp' } })
      if (response.status !== 200) return null
      bytes = response.body
    } catch {
      return null
    }
  }
  const type = bytes.length <= MAX_BYTES ? sniffImageType(bytes) : null
  return type ? { type, bytes } : null
}
