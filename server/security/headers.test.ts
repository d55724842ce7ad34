import zlib from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { devnetAccounts } from '#devnet/accounts'
import { HttpBrowser } from '../../test/http-browser'
import { startPortalServer } from '../../test/portal-server'
import { contentSecurityPolicy } from './content-security-policy'

// The headers of the real server's answers: pages, resource routes and static files.

const server = await startPortalServer()
const browser = new HttpBrowser(server.origin)

const directive = (csp: string, name: string) =>
  csp
    .split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${name} `))
    ?.slice(name.length + 1)
    .split(' ') ?? null

/** Fetch without decompressing, to see what the server really sends. */
async function rawGet(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}${path}`, { headers })
  return { response, headers: response.headers }
}

describe('Content-Security-Policy', () => {
  it('allows only scripts from the portal or with this response’s nonce, which every inline script carries', async () => {
    const response = await browser.fetch('/')
    const html = await response.text()
    const csp = response.headers.get('Content-Security-Policy')!
    const scriptSrc = directive(csp, 'script-src')!
    expect(scriptSrc).not.toContain("'unsafe-inline'")
    expect(scriptSrc).not.toContain("'unsafe-eval'")
    const nonce = scriptSrc.find((source) => source.startsWith("'nonce-"))!.slice(7, -1)
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/)
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((match) => match[1])
    expect(inline.length).toBeGreaterThan(1) // window.ENV, Remix's context and its module loader
    for (const attributes of inline) expect(attributes).toContain(`nonce="${nonce}"`)
    expect(directive(csp, 'object-src')).toEqual(["'none'"])
    expect(directive(csp, 'frame-ancestors')).toEqual(["'none'"])
    // The dev wallet talks to the chain's RPC from the page.
    expect(directive(csp, 'connect-src')).toContain(`http://127.0.0.1:${new URL(JSON.parse(html.match(/window\.ENV = (\{.*?\})<\/script>/)![1]!.replace(/\\u003c/g, '<')).RPC_URL).port}`)
  })

  it('makes a new nonce for every response', async () => {
    const nonces = await Promise.all(
      [1, 2, 3].map(async () => {
        const { headers } = await rawGet('/tasks')
        return directive(headers.get('Content-Security-Policy')!, 'script-src')!.find((s) => s.startsWith("'nonce-"))
      }),
    )
    expect(new Set(nonces).size).toBe(3)
  })

  it('lists WalletConnect’s relay and verify frame only when WalletConnect is configured', () => {
    const base = { rpcOrigins: ['https://rpc.example'], development: false, upgradeInsecureRequests: true }
    const withWc = contentSecurityPolicy({ ...base, walletConnect: true })
    const without = contentSecurityPolicy({ ...base, walletConnect: false })
    expect([...withWc['connect-src']!]).toEqual(expect.arrayContaining(["'self'", 'https://rpc.example', 'wss://relay.walletconnect.org']))
    expect([...withWc['frame-src']!]).toContain('https://verify.walletconnect.org')
    expect([...without['connect-src']!]).toEqual(["'self'", 'https://rpc.example'])
    expect([...without['frame-src']!]).toEqual(["'none'"])
    expect(without['upgrade-insecure-requests']).toEqual([])
    expect(contentSecurityPolicy({ ...base, walletConnect: false, upgradeInsecureRequests: false })['upgrade-insecure-requests']).toBeNull()
  })
})

describe('headers on every answer', () => {
  it('sends nosniff and the CSP on pages, resource routes, static files and 404s', async () => {
    const manifest = (await (await browser.fetch('/')).text()).match(/\/build\/manifest-[A-Z0-9]+\.js/)![0]
    for (const path of ['/', '/health', '/indexer-status', '/favicon.svg', manifest, '/no-such-page']) {
      const { headers } = await rawGet(path)
      expect(headers.get('X-Content-Type-Options'), path).toBe('nosniff')
      expect(headers.get('Content-Security-Policy'), path).toContain("default-src 'self'")
      expect(headers.get('Referrer-Policy'), path).toBe('strict-origin-when-cross-origin')
      expect(headers.get('X-Frame-Options'), path).toBe('DENY')
      expect(headers.get('X-Powered-By'), path).toBeNull()
    }
  })

  it('sends no HSTS in development (plain http)', async () => {
    const { headers } = await rawGet('/')
    expect(headers.get('Strict-Transport-Security')).toBeNull()
  })

  it('sends HSTS in production, and asks for https subresources', async () => {
    const production = await startPortalServer({ env: { NODE_ENV: 'production', PUBLIC_URL: 'https://portal.example' } })
    const response = await fetch(`${production.url}/`)
    expect(response.headers.get('Strict-Transport-Security')).toBe('max-age=31536000')
    expect(response.headers.get('Content-Security-Policy')).toContain('upgrade-insecure-requests')
    await production.stop()
  })
})

describe('compression', () => {
  it('gzips HTML, JavaScript and CSS for clients that accept it', async () => {
    const html = await (await browser.fetch('/')).text()
    const script = html.match(/\/build\/root-[A-Z0-9]+\.js/)![0] // small files (under 1 kB) are sent as they are
    const stylesheet = html.match(/\/build\/[^"]+\.css/)![0]
    for (const path of ['/', script, stylesheet]) {
      const response = await fetch(`${server.url}${path}`, { headers: { 'Accept-Encoding': 'gzip' } })
      expect(response.headers.get('Content-Encoding'), path).toBe('gzip')
      expect(response.headers.get('Vary'), path).toMatch(/Accept-Encoding/)
    }
    // And the bytes really are gzip, smaller than what they stand for.
    const raw = await new Promise<Buffer>((resolve, reject) => {
      import('node:http').then(({ get }) =>
        get(`${server.url}${script}`, { headers: { 'Accept-Encoding': 'gzip' } }, (res) => {
          const chunks: Buffer[] = []
          res.on('data', (chunk: Buffer) => chunks.push(chunk))
          res.on('end', () => resolve(Buffer.concat(chunks)))
        }).on('error', reject),
      )
    })
    const unzipped = zlib.gunzipSync(raw)
    expect(raw.length).toBeLessThan(unzipped.length)
  })
})

describe('Cache-Control', () => {
  it('marks pages and their data private, no-store for a signed-in visitor only', async () => {
    const anonymous = await browser.fetch('/tasks')
    expect(anonymous.headers.get('Cache-Control')).not.toBe('private, no-store')
    const anonymousData = await browser.fetch('/tasks.data')
    expect(anonymousData.headers.get('Cache-Control')).not.toBe('private, no-store')

    const signedIn = new HttpBrowser(server.origin)
    await signedIn.signIn(devnetAccounts[2]!)
    for (const path of ['/tasks', '/', '/tasks.data', '/_root.data']) {
      const response = await signedIn.fetch(path)
      expect(response.status, path).toBe(200)
      expect(response.headers.get('Cache-Control'), path).toBe('private, no-store')
    }
  })
})
