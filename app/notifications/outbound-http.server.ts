import dns from 'node:dns'
import http from 'node:http'
import https from 'node:https'
import net from 'node:net'

// HTTP requests to URLs that people typed in (webhooks) or that ENS records hold (avatars): the
// server must not become a way into its own network. Every address the host name resolves to is
// checked in the socket's own DNS lookup — the address checked is the address connected to, so a
// name that resolves to a public address first and a private one next (DNS rebinding) cannot slip
// through — and redirects are not followed. Private targets are allowed only when the operator
// says so (NOTIFY_PRIVATE_URLS, on by default outside production: the devnet's own listeners).

const blocked = new net.BlockList()
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const) {
  blocked.addSubnet(network, prefix, 'ipv4')
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  blocked.addSubnet(network, prefix, 'ipv6')
}

export class OutboundUrlError extends Error {
  override name = 'OutboundUrlError'
}

/** Whether an IP address is in the server's own or a private network. */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  if (mapped) return blocked.check(mapped[1]!, 'ipv4')
  const family = net.isIP(address)
  return family === 4 ? blocked.check(address, 'ipv4') : family === 6 ? blocked.check(address, 'ipv6') : true
}

/** A URL the portal may send to: http(s), no credentials, and (unless allowed) no private host written as an IP. */
export function checkOutboundUrl(value: string, { allowPrivate }: { allowPrivate: boolean }): URL {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new OutboundUrlError('not a URL')
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new OutboundUrlError('only http(s) URLs are allowed')
  if (url.username || url.password) throw new OutboundUrlError('a URL with a user name or password is not allowed')
  const host = url.hostname.replace(/^\[|\]$/g, '')
  if (!allowPrivate && (host === 'localhost' || host.endsWith('.localhost') || (net.isIP(host) !== 0 && isPrivateAddress(host)))) {
    throw new OutboundUrlError('the URL points into a private network')
  }
  return url
}

type Lookup = NonNullable<http.RequestOptions['lookup']>

function guardedLookup(allowPrivate: boolean): Lookup {
  return ((hostname: string, options: dns.LookupOptions, callback: (...args: unknown[]) => void) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error)
      const list = addresses as dns.LookupAddress[]
      const bad = allowPrivate ? undefined : list.find((entry) => isPrivateAddress(entry.address))
      if (bad || list.length === 0) return callback(new OutboundUrlError(`${hostname} resolves to a private address`))
      if (options.all) return callback(null, list)
      callback(null, list[0]!.address, list[0]!.family)
    })
  }) as Lookup
}

export type OutboundResponse = { status: number; headers: http.IncomingHttpHeaders; body: Buffer }

/**
 * One request, answered with at most `maxBytes` of body (more is an error), within `timeoutMs`
 * for the whole exchange. A 3xx is returned as is, never followed.
 */
export function outboundRequest(
  value: string,
  init: { method: 'GET' | 'POST'; headers?: Record<string, string>; body?: string; allowPrivate: boolean; timeoutMs: number; maxBytes: number },
): Promise<OutboundResponse> {
  const url = checkOutboundUrl(value, init)
  const client = url.protocol === 'https:' ? https : http
  return new Promise((resolve, reject) => {
    const request = client.request(
      url,
      { method: init.method, headers: { 'User-Agent': 'OpenmeshPortal/1 (+notifications)', ...init.headers }, lookup: guardedLookup(init.allowPrivate), timeout: init.timeoutMs },
      (response) => {
        const chunks: Buffer[] = []
        let size = 0
        response.on('data', (chunk: Buffer) => {
          size += chunk.length
          if (size > init.maxBytes) {
            request.destroy(new OutboundUrlError(`the answer is larger than ${init.maxBytes} bytes`))
            return
          }
          chunks.push(chunk)
        })
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }))
        response.on('error', reject)
      },
    )
    const timer = setTimeout(() => request.destroy(new OutboundUrlError(`no answer within ${init.timeoutMs} ms`)), init.timeoutMs)
    request.on('close', () => clearTimeout(timer))
    request.on('timeout', () => request.destroy(new OutboundUrlError(`no answer within ${init.timeoutMs} ms`)))
    request.on('error', reject)
    request.end(init.body)
  })
}
