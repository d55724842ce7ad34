import type { LoaderFunctionArgs } from '@remix-run/node'
import { CID } from 'multiformats/cid'
import { carOfBlock } from '~/ipfs/car.server'
import { negotiateGatewayFormat } from '~/ipfs/gateway-format.server'
import { getBlockByCid, getContentByCid } from '~/models/content-store.server'

// GET|HEAD /ipfs/:cid — the portal's documents, two ways.
//
// As an IPFS trustless gateway (specs.ipfs.tech/http-gateways/trustless-gateway) for clients that
// ask for `application/vnd.ipld.raw` or `application/vnd.ipld.car` (or `?format=raw|car`): the
// block whose hash is the CID's multihash, or a CARv1 of it, so any IPFS client (Helia's gateway
// broker, verified-fetch, kubo's gateway routing) can fetch a document and verify it itself.
// Both are attachments with nosniff, so a browser never renders them.
//
// Otherwise (a browser, a link), the document itself, as before. The bytes are untrusted (anyone
// signed in can store a document), so it can never run as a page of the portal: nosniff keeps the
// declared type and the CSP sandbox gives any HTML an opaque origin with scripts off.
//
// A CID names its bytes for good: every answer is cacheable forever. Unknown CID: 404 (412 when
// the client said `Cache-Control: only-if-cached`); a malformed CID or unsupported format: 400.

const IMMUTABLE = 'public, max-age=29030400, immutable'

export async function loader({ params, request }: LoaderFunctionArgs) {
  const url = new URL(request.url)
  const requested = params.cid ?? ''
  let cid: CID
  try {
    cid = CID.parse(requested)
  } catch {
    return plain(400, 'This is not a CID (expected a CIDv0 Qm… or a CIDv1 such as bafkrei…).')
  }
  const format = negotiateGatewayFormat(url, request.headers.get('Accept'))
  if (format.kind === 'refused') return plain(400, format.reason)
  if (format.kind === 'document') return documentResponse(requested, request)

  const bytes = await getBlockByCid(cid)
  if (!bytes) {
    if (/\bonly-if-cached\b/.test(request.headers.get('Cache-Control') ?? '')) return plain(412, 'This block is not stored here.')
    return plain(404, 'No block with this CID is stored here.')
  }
  const name = cid.toString()
  const headers = new Headers({
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': IMMUTABLE,
    'X-Ipfs-Path': `/ipfs/${name}`,
    'X-Ipfs-Roots': name,
    Vary: 'Accept',
    // Public, immutable and verifiable: any site's IPFS client may read it (no credentials).
    'Access-Control-Allow-Origin': '*',
    'Cross-Origin-Resource-Policy': 'cross-origin',
  })
  let body: Uint8Array<ArrayBuffer>
  if (format.kind === 'raw') {
    body = new Uint8Array(bytes)
    headers.set('Content-Type', 'application/vnd.ipld.raw')
    headers.set('Content-Disposition', `attachment; filename="${name}.bin"`)
    headers.set('ETag', `"${name}.raw"`)
    if (!format.explicit) headers.set('Content-Location', `/ipfs/${name}?format=raw`)
  } else {
    body = new Uint8Array(await carOfBlock(cid, bytes))
    headers.set('Content-Type', `application/vnd.ipld.car; version=1; order=dfs; dups=${format.dups}`)
    headers.set('Content-Disposition', `attachment; filename="${name}.car"`)
    headers.set('ETag', `"${name}.car"`)
    if (!format.explicit) headers.set('Content-Location', `/ipfs/${name}?format=car`)
  }
  headers.set('Content-Length', String(body.byteLength))
  if (request.headers.get('If-None-Match') === headers.get('ETag')) return new Response(null, { status: 304, headers })
  return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers })
}

function documentResponse(requested: string, request: Request): Response {
  const content = getContentByCid(requested)
  if (!content) return plain(404, 'No document with this CID is stored here.')
  const etag = `"${content.cid}"`
  const headers = new Headers({
    'Content-Type': content.mediaType === 'application/json' ? 'application/json; charset=utf-8' : content.mediaType,
    'Content-Length': String(content.bytes.byteLength),
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Cache-Control': 'public, max-age=31536000, immutable',
    'Cross-Origin-Resource-Policy': 'same-origin',
    Vary: 'Accept',
    ETag: etag,
  })
  if (request.headers.get('If-None-Match') === etag) return new Response(null, { status: 304, headers })
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(content.bytes), { status: 200, headers })
}

function plain(status: number, message: string): Response {
  return new Response(message, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store', Vary: 'Accept' },
  })
}
