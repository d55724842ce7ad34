import type { LoaderFunctionArgs } from '@remix-run/node'
import { getContentByCid } from '~/models/content-store.server'

// GET /ipfs/:cid — a document from the local content store, the way an IPFS gateway serves it.
// The bytes are untrusted (anyone signed in can store a document), so the response can never
// run as a page of the portal: nosniff keeps the declared type, and the CSP sandbox gives any
// HTML an opaque origin with scripts off. A CID names its bytes for good: cache forever.

export async function loader({ params, request }: LoaderFunctionArgs) {
  const content = getContentByCid(params.cid ?? '')
  if (!content) {
    return new Response('No document with this CID is stored here.', {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' },
    })
  }
  const etag = `"${content.cid}"`
  const headers = new Headers({
    'Content-Type': content.mediaType === 'application/json' ? 'application/json; charset=utf-8' : content.mediaType,
    'Content-Length': String(content.bytes.byteLength),
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Cache-Control': 'public, max-age=31536000, immutable',
    'Cross-Origin-Resource-Policy': 'same-origin',
    ETag: etag,
  })
  if (request.headers.get('If-None-Match') === etag) return new Response(null, { status: 304, headers })
  return new Response(new Uint8Array(content.bytes), { status: 200, headers })
}
