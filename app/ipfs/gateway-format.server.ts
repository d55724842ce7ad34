// Which response a GET /ipfs/<cid> asks for, per the IPFS trustless gateway spec
// (specs.ipfs.tech/http-gateways/trustless-gateway): `?format=raw|car` wins over the Accept
// header; `application/vnd.ipld.raw` is a single verifiable block, `application/vnd.ipld.car` a
// CARv1 of it. A request asking for neither (a browser, curl) gets the document as the portal
// served it before. A format or CAR variant the portal cannot produce is a 400 with the reason.

export type GatewayFormat =
  | { kind: 'document' }
  | { kind: 'raw'; explicit: boolean }
  | { kind: 'car'; explicit: boolean; dups: 'y' | 'n' }
  | { kind: 'refused'; reason: string }

const RAW = 'application/vnd.ipld.raw'
const CAR = 'application/vnd.ipld.car'

type MediaRange = { type: string; params: Map<string, string>; q: number }

export function negotiateGatewayFormat(url: URL, accept: string | null): GatewayFormat {
  const format = url.searchParams.get('format')
  if (format !== null) {
    if (format === 'raw') return { kind: 'raw', explicit: true }
    if (format === 'car') return carFormat(new Map(), url, true)
    return { kind: 'refused', reason: `format=${format.slice(0, 40)} is not served here: ask for format=raw or format=car.` }
  }
  // The most preferred of the two gateway types the client lists; ties keep the client's order.
  const ranges = parseAccept(accept ?? '')
    .filter((range) => range.q > 0 && (range.type === RAW || range.type === CAR))
    .sort((a, b) => b.q - a.q)
  const chosen = ranges[0]
  if (!chosen) return { kind: 'document' }
  return chosen.type === RAW ? { kind: 'raw', explicit: false } : carFormat(chosen.params, url, false)
}

/** A CAR of one block: version 1 only; any order is DFS and any dups setting holds (there is one block). */
function carFormat(params: Map<string, string>, url: URL, explicit: boolean): GatewayFormat {
  const version = url.searchParams.get('car-version') ?? params.get('version') ?? '1'
  if (version !== '1') return { kind: 'refused', reason: `CAR version ${version.slice(0, 10)} is not served here: only version=1.` }
  const order = url.searchParams.get('car-order') ?? params.get('order') ?? 'dfs'
  if (order !== 'dfs' && order !== 'unk') return { kind: 'refused', reason: `CAR order ${order.slice(0, 10)} is unknown: dfs or unk.` }
  const dups = url.searchParams.get('car-dups') ?? params.get('dups') ?? 'n'
  if (dups !== 'y' && dups !== 'n') return { kind: 'refused', reason: `CAR dups ${dups.slice(0, 10)} is unknown: y or n.` }
  return { kind: 'car', explicit, dups }
}

function parseAccept(header: string): MediaRange[] {
  return header
    .slice(0, 1024)
    .split(',')
    .map((part) => {
      const [type = '', ...rest] = part.split(';').map((piece) => piece.trim())
      const params = new Map<string, string>()
      for (const piece of rest) {
        const [key, value] = piece.split('=').map((s) => s.trim())
        if (key && value !== undefined) params.set(key.toLowerCase(), value.replace(/^"|"$/g, ''))
      }
      const q = Number(params.get('q') ?? '1')
      return { type: type.toLowerCase(), params, q: Number.isFinite(q) ? q : 0 }
    })
}
