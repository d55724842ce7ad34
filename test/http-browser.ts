import { privateKeyToAccount } from 'viem/accounts'
import { createSiweMessage } from 'viem/siwe'
import type { DevnetAccount } from '../devnet/accounts'

// A cookie-keeping HTTP client for a real portal server (test/portal-server.ts), sending the
// Origin header a browser sends on writes, and signing in with the SIWE exchange the portal's
// page makes.

export class HttpBrowser {
  readonly cookies = new Map<string, string>()
  constructor(readonly origin: string) {}

  async fetch(path: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
    const headers = new Headers(init.headers)
    const method = init.method ?? (init.body !== undefined || init.json !== undefined ? 'POST' : 'GET')
    if (method !== 'GET' && method !== 'HEAD' && !headers.has('Origin')) headers.set('Origin', this.origin)
    if (this.cookies.size) headers.set('Cookie', [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '))
    let body = init.body
    if (init.json !== undefined) {
      headers.set('Content-Type', 'application/json')
      body = JSON.stringify(init.json)
    }
    const response = await fetch(new URL(path, this.origin), { ...init, method, headers, body, redirect: 'manual' })
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';')
      const name = pair.slice(0, pair.indexOf('='))
      const value = pair.slice(pair.indexOf('=') + 1)
      if (value === '' || /max-age=0/i.test(cookie)) this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
    return response
  }

  async signIn(account: DevnetAccount): Promise<void> {
    const nonceResponse = await this.fetch('/auth/nonce', { json: {} })
    if (nonceResponse.status !== 200) throw new Error(`POST /auth/nonce answered ${nonceResponse.status}: ${await nonceResponse.text()}`)
    const { nonce } = (await nonceResponse.json()) as { nonce: string }
    const url = new URL(this.origin)
    const message = createSiweMessage({
      address: account.address,
      chainId: 31337,
      domain: url.host,
      scheme: url.protocol.replace(/:$/, ''),
      uri: this.origin,
      nonce,
      version: '1',
      statement: 'Sign in to the Openmesh Portal.',
      issuedAt: new Date(),
    })
    const signature = await privateKeyToAccount(account.privateKey).signMessage({ message })
    const verify = await this.fetch('/auth/verify', { json: { message, signature } })
    if (verify.status !== 200) throw new Error(`POST /auth/verify answered ${verify.status}: ${await verify.text()}`)
  }
}
