import { privateKeyToAccount } from 'viem/accounts'
import { beforeAll, describe, expect, it } from 'vitest'
import { devnetAccounts } from '#devnet/accounts'
import { PORTAL_ORIGIN, siweMessage, TestBrowser, useTestPortal } from '~/testing/portal-harness'

const { database } = await useTestPortal()

const { action: nonceAction } = await import('~/routes/auth.nonce')
const { action: verifyAction } = await import('~/routes/auth.verify')
const { action: logoutAction } = await import('~/routes/auth.logout')
const { getAddress, requireAddress, requireSignedInMutation } = await import('./auth.server')
const { requireSameOrigin } = await import('~/http/origin.server')

const alice = privateKeyToAccount(devnetAccounts[1]!.privateKey)
const bob = privateKeyToAccount(devnetAccounts[2]!.privateKey)
const MINUTE = 60_000

async function getNonce(browser: TestBrowser): Promise<string> {
  const response = await browser.call(nonceAction, '/auth/nonce')
  expect(response.status).toBe(200)
  return ((await response.json()) as { nonce: string }).nonce
}

async function verify(browser: TestBrowser, message: string, signature: string) {
  const response = await browser.call(verifyAction, '/auth/verify', { json: { message, signature } })
  return { status: response.status, body: (await response.json()) as { address?: string; error?: string } }
}

/** Asks for a nonce, lets `change` alter the message, signs it with `signer` and posts it. */
async function signIn(
  browser: TestBrowser,
  options: { signer?: typeof alice; change?: (message: string) => string; fields?: Parameters<typeof siweMessage>[0] extends infer F ? Partial<F> : never } = {},
) {
  const signer = options.signer ?? alice
  const nonce = await getNonce(browser)
  let message = siweMessage({ address: alice.address, nonce, ...options.fields })
  if (options.change) message = options.change(message)
  return verify(browser, message, await signer.signMessage({ message }))
}

const sessionRows = () => database.sqlite.prepare('select * from sessions').all() as { address: string; id: string }[]

beforeAll(() => {
  expect(sessionRows()).toEqual([])
})

describe('Sign-In with Ethereum', () => {
  it('signs in: the session cookie names the address, and nothing else', async () => {
    const browser = new TestBrowser()
    expect(await getAddress(browser.request('/'))).toBeNull()
    const result = await signIn(browser)
    expect(result).toEqual({ status: 200, body: { address: alice.address } })
    expect(await getAddress(browser.request('/'))).toBe(alice.address)
    const value = browser.cookies.get('portal-session-3000')
    expect(value).toBeDefined()
    // `<base64 payload>.<signature>`: the payload is only a random 256-bit token.
    const payload = decodeURIComponent(value!).split('.')[0]!
    expect(Buffer.from(payload, 'base64').toString('utf8')).toMatch(/^"[A-Za-z0-9_-]{43}"$/)
  })

  it('sets an HttpOnly, SameSite=Lax session cookie on / and clears the nonce binding', async () => {
    const browser = new TestBrowser()
    const nonce = await getNonce(browser)
    const message = siweMessage({ address: alice.address, nonce })
    const response = await browser.call(verifyAction, '/auth/verify', {
      json: { message, signature: await alice.signMessage({ message }) },
    })
    const [session, binding] = response.headers.getSetCookie()
    expect(session).toMatch(/^portal-session-3000=[^;]+; Max-Age=2592000; Path=\/; HttpOnly; SameSite=Lax$/)
    expect(binding).toMatch(/^portal-siwe-3000=; Max-Age=0; Path=\/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax$/)
  })

  it('gives a new session id at every sign-in and drops the previous one', async () => {
    const browser = new TestBrowser()
    await signIn(browser)
    const first = browser.cookies.get('portal-session-3000')
    const before = sessionRows().length
    await signIn(browser, { signer: bob, fields: { address: bob.address } })
    expect(browser.cookies.get('portal-session-3000')).not.toBe(first)
    expect(sessionRows().length).toBe(before)
    expect(await getAddress(browser.request('/'))).toBe(bob.address)
  })

  describe('rejects', () => {
    it('a replayed nonce', async () => {
      const browser = new TestBrowser()
      const nonce = await getNonce(browser)
      const message = siweMessage({ address: alice.address, nonce })
      const signature = await alice.signMessage({ message })
      expect((await verify(browser, message, signature)).status).toBe(200)
      expect(await verify(browser, message, signature)).toEqual({
        status: 400,
        body: { error: 'This sign-in request was already used or never issued; sign in again.' },
      })
    })

    it('a nonce that was issued to another browser session, without using it up', async () => {
      const victim = new TestBrowser()
      const attacker = new TestBrowser()
      const nonce = await getNonce(victim)
      await getNonce(attacker) // the attacker has a binding cookie of its own
      const message = siweMessage({ address: alice.address, nonce })
      const signature = await alice.signMessage({ message })
      expect(await verify(attacker, message, signature)).toEqual({
        status: 400,
        body: { error: 'This sign-in request was issued to another browser session; sign in again from this page.' },
      })
      expect(await verify(new TestBrowser(), message, signature)).toMatchObject({ status: 400 })
      expect((await verify(victim, message, signature)).status).toBe(200)
    })

    it('a nonce the server never issued', async () => {
      const browser = new TestBrowser()
      await getNonce(browser)
      const message = siweMessage({ address: alice.address, nonce: 'a1b2c3d4e5f60718293a4b5c6d7e8f90' })
      expect((await verify(browser, message, await alice.signMessage({ message }))).body.error).toMatch(/never issued/)
    })

    it('a nonce past its 10-minute lifetime', async () => {
      const browser = new TestBrowser()
      const nonce = await getNonce(browser)
      database.sqlite.prepare('update auth_nonces set expires_at = ? where nonce = ?').run(Date.now() - 1, nonce)
      const message = siweMessage({ address: alice.address, nonce })
      expect(await verify(browser, message, await alice.signMessage({ message }))).toEqual({
        status: 400,
        body: { error: 'This sign-in request has expired; sign in again.' },
      })
    })

    it.each([
      ['domain', { domain: 'evil.example' }, 'The sign-in message is for evil.example, but this portal is localhost:3000.'],
      ['port', { domain: 'localhost:3001' }, 'The sign-in message is for localhost:3001, but this portal is localhost:3000.'],
      ['scheme', { scheme: 'https' }, "The sign-in message's scheme is https; this portal uses http."],
      ['uri', { uri: 'http://evil.example/login' }, "The sign-in message's URI http://evil.example/login is not on this portal (http://localhost:3000)."],
      ['chain id', { chainId: 1 }, 'The sign-in message is for chain 1, but this portal runs on chain 31337.'],
      ['expiration time in the past', { expirationTime: new Date(Date.now() - MINUTE) }, 'The sign-in message has expired; sign in again.'],
      ['not-before in the future', { notBefore: new Date(Date.now() + 60 * MINUTE) }, 'The sign-in message is not valid yet.'],
      ['issuedAt older than 10 minutes', { issuedAt: new Date(Date.now() - 11 * MINUTE) }, 'The sign-in message was issued more than 10 minutes ago; sign in again.'],
      ['issuedAt in the future', { issuedAt: new Date(Date.now() + 10 * MINUTE) }, 'The sign-in message was issued in the future; check your clock.'],
    ] as const)('a wrong %s', async (_name, fields, error) => {
      expect(await signIn(new TestBrowser(), { fields })).toEqual({ status: 400, body: { error } })
    })

    it('a message without a scheme', async () => {
      const result = await signIn(new TestBrowser(), { change: (m) => m.replace(/^http:\/\//, '') })
      expect(result).toEqual({ status: 400, body: { error: "The sign-in message's scheme is missing; this portal uses http." } })
    })

    it('"Expiration Time: never" and other unparseable dates', async () => {
      const never = await signIn(new TestBrowser(), {
        change: (m) => m.replace(/(Issued At: .*)/, '$1\nExpiration Time: never'),
      })
      expect(never).toEqual({ status: 400, body: { error: "The sign-in message's Expiration Time is not an RFC 3339 date-time." } })
      const notBefore = await signIn(new TestBrowser(), {
        change: (m) => m.replace(/(Issued At: .*)/, '$1\nNot Before: 2024-13-45T99:00:00Z'),
      })
      expect(notBefore.body.error).toBe("The sign-in message's Not Before is not an RFC 3339 date-time.")
      const issuedAt = await signIn(new TestBrowser(), { change: (m) => m.replace(/Issued At: .*/, 'Issued At: yesterday') })
      expect(issuedAt.body.error).toBe("The sign-in message's Issued At is not an RFC 3339 date-time.")
    })

    it('a message signed by another key', async () => {
      expect(await signIn(new TestBrowser(), { signer: bob })).toEqual({
        status: 401,
        body: { error: `The signature was not made by ${alice.address}.` },
      })
    })

    it.each([
      ['not a SIWE message at all', () => 'hello', 'The sign-in message is malformed: its first lines must name the domain and the address.'],
      ['an extra line', (m: string) => `${m}\nAdmin: true`, 'The sign-in message is malformed: it is not in the EIP-4361 format.'],
      ['a lower-case address', (m: string) => m.replace(alice.address, alice.address.toLowerCase()), 'The sign-in message is malformed: it is not in the EIP-4361 format.'],
      ['a missing Issued At', (m: string) => m.replace(/\nIssued At: .*/, ''), 'The sign-in message is malformed: its URI, Version, Chain ID, Nonce and Issued At lines must all be present, in that order.'],
      ['a carriage return', (m: string) => m.replace(/\n/g, '\r\n'), 'The sign-in message contains characters EIP-4361 does not allow.'],
      ['a wrong version', (m: string) => m.replace('Version: 1', 'Version: 2'), 'The sign-in message has an unsupported version.'],
    ] as const)('a malformed message: %s', async (_name, change, error) => {
      expect(await signIn(new TestBrowser(), { change })).toEqual({ status: 400, body: { error } })
    })

    it.each([
      ['statement', { statement: 'x'.repeat(513) }, "The sign-in message's statement is too long."],
      ['request id', { requestId: 'r'.repeat(129) }, "The sign-in message's request ID is too long."],
      ['resource list', { resources: Array.from({ length: 9 }, (_, i) => `https://example.org/${i}`) }, 'The sign-in message lists too many resources.'],
      ['resource', { resources: [`https://example.org/${'a'.repeat(520)}`] as string[] }, 'A resource in the sign-in message is too long.'],
      ['uri', { uri: `${PORTAL_ORIGIN}/${'u'.repeat(520)}` }, "The sign-in message's URI is too long."],
      ['message', { resources: Array.from({ length: 8 }, () => `https://example.org/${'a'.repeat(500)}`) }, 'The sign-in message is longer than 4096 characters.'],
    ] as const)('an oversized %s', async (_name, fields, error) => {
      expect(await signIn(new TestBrowser(), { fields })).toEqual({ status: 400, body: { error } })
    })

    it('oversized or malformed request bodies with a 4xx, never a 500', async () => {
      const browser = new TestBrowser()
      const nonce = await getNonce(browser)
      const message = siweMessage({ address: alice.address, nonce })
      const signature = await alice.signMessage({ message })
      expect(await verify(browser, message, `0x${'ab'.repeat(9000)}`)).toEqual({ status: 400, body: { error: 'The signature is too long.' } })
      expect(await verify(browser, message, 'not hex')).toEqual({ status: 400, body: { error: 'The signature must be 0x-prefixed hex.' } })
      expect((await verify(browser, 42 as never, signature)).body).toEqual({ error: 'The signed message must be text.' })
      const huge = await browser.call(verifyAction, '/auth/verify', { json: { message: 'x'.repeat(100_000), signature } })
      expect(huge.status).toBe(413)
      const notJson = await browser.call(verifyAction, '/auth/verify', { body: '{', headers: { 'Content-Type': 'application/json' } })
      expect([notJson.status, await notJson.json()]).toEqual([400, { error: 'The request body is not valid JSON.' }])
      const form = await browser.call(verifyAction, '/auth/verify', { body: 'message=x', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } })
      expect(form.status).toBe(400)
      // None of that used up the nonce: the real message still signs in.
      expect((await verify(browser, message, signature)).status).toBe(200)
    })
  })

  it('turns the same signed message posted twice concurrently into exactly one session', async () => {
    const browser = new TestBrowser()
    const nonce = await getNonce(browser)
    const signer = privateKeyToAccount(devnetAccounts[5]!.privateKey)
    const message = siweMessage({ address: signer.address, nonce })
    const signature = await signer.signMessage({ message })
    const results = await Promise.all([verify(browser, message, signature), verify(browser, message, signature)])
    expect(results.map((r) => r.status).sort()).toEqual([200, 400])
    expect(sessionRows().filter((row) => row.address === signer.address)).toHaveLength(1)
  })

  describe('the session cookie', () => {
    it('reads as anonymous when tampered with', async () => {
      const browser = new TestBrowser()
      await signIn(browser)
      const value = browser.cookies.get('portal-session-3000')!
      const [payload, signature] = decodeURIComponent(value).split('.') as [string, string]
      const forged = (p: string, s: string) => {
        const copy = new TestBrowser()
        copy.cookies.set('portal-session-3000', encodeURIComponent(`${p}.${s}`))
        return getAddress(copy.request('/'))
      }
      expect(await forged(payload, signature)).toBe(alice.address)
      const flipped = signature.slice(0, -2) + (signature.at(-2) === 'A' ? 'B' : 'A') + signature.at(-1)
      expect(await forged(payload, flipped)).toBeNull()
      const otherToken = btoa(JSON.stringify('A'.repeat(43)))
      expect(await forged(otherToken, signature)).toBeNull()
      expect(await forged(payload, '')).toBeNull()
    })

    it('is worthless after logout, even replayed', async () => {
      const browser = new TestBrowser()
      await signIn(browser)
      const oldCookie = browser.cookies.get('portal-session-3000')!
      const rowsBefore = sessionRows().length
      const response = await browser.call(logoutAction, '/auth/logout', { json: {} })
      expect(response.status).toBe(200)
      expect(response.headers.getSetCookie()[0]).toMatch(/^portal-session-3000=; Max-Age=0;/)
      expect(browser.cookies.has('portal-session-3000')).toBe(false)
      expect(sessionRows().length).toBe(rowsBefore - 1)
      const replay = new TestBrowser()
      replay.cookies.set('portal-session-3000', oldCookie)
      expect(await getAddress(replay.request('/'))).toBeNull()
    })

    it('ends after the idle lifetime and after the absolute lifetime', async () => {
      const day = 24 * 60 * MINUTE
      const idle = new TestBrowser()
      await signIn(idle)
      const absolute = new TestBrowser()
      const carol = privateKeyToAccount(devnetAccounts[7]!.privateKey)
      await signIn(absolute, { signer: carol, fields: { address: carol.address } })
      database.sqlite
        .prepare('update sessions set last_seen_at = ? where address = ?')
        .run(Date.now() - 7 * day - MINUTE, alice.address)
      database.sqlite
        .prepare('update sessions set created_at = ?, last_seen_at = ?, expires_at = ? where address = ?')
        .run(Date.now() - 30 * day, Date.now() - MINUTE * 10, Date.now() - 1, carol.address)
      expect(await getAddress(idle.request('/'))).toBeNull()
      expect(await getAddress(absolute.request('/'))).toBeNull()
      expect(sessionRows().some((row) => row.address === carol.address)).toBe(false)
    })

    it('keeps an active session alive by refreshing last_seen_at', async () => {
      const browser = new TestBrowser()
      const signer = privateKeyToAccount(devnetAccounts[6]!.privateKey)
      await signIn(browser, { signer, fields: { address: signer.address } })
      const sixDaysAgo = Date.now() - 6 * 24 * 60 * MINUTE
      database.sqlite.prepare('update sessions set last_seen_at = ? where address = ?').run(sixDaysAgo, signer.address)
      expect(await getAddress(browser.request('/'))).toBe(signer.address)
      const row = database.sqlite.prepare('select last_seen_at from sessions where address = ?').get(signer.address) as { last_seen_at: number }
      expect(row.last_seen_at).toBeGreaterThan(Date.now() - MINUTE)
    })
  })

  describe('origin checks', () => {
    it('refuses a cross-origin or Origin-less POST to every session endpoint with a 403', async () => {
      const browser = new TestBrowser()
      await signIn(browser)
      for (const [action, path] of [[nonceAction, '/auth/nonce'], [verifyAction, '/auth/verify'], [logoutAction, '/auth/logout']] as const) {
        for (const origin of ['https://evil.example', 'http://localhost:3001', 'null', null]) {
          const response = await browser.call(action, path, { json: {}, origin })
          expect(response.status, `${path} from ${origin}`).toBe(403)
        }
      }
      // The refused logout did not sign anyone out.
      expect(await getAddress(browser.request('/'))).toBe(alice.address)
    })

    it('requireSameOrigin lets safe methods through and requireSignedInMutation checks the address', async () => {
      expect(() => requireSameOrigin(new Request(`${PORTAL_ORIGIN}/tasks`))).not.toThrow()
      const browser = new TestBrowser()
      await signIn(browser)
      const post = (origin?: string | null) => browser.request('/tasks/new', { method: 'POST', body: 'x=1', origin })
      expect(await requireSignedInMutation(post())).toBe(alice.address)
      expect(await requireSignedInMutation(post(), { address: alice.address.toLowerCase() })).toBe(alice.address)
      const wrongAddress = await requireSignedInMutation(post(), { address: bob.address }).catch((r: Response) => r)
      expect((wrongAddress as Response).status).toBe(403)
      const crossOrigin = await requireSignedInMutation(post('https://evil.example')).catch((r: Response) => r)
      expect((crossOrigin as Response).status).toBe(403)
      const anonymous = await requireSignedInMutation(new TestBrowser().request('/tasks/new?x=1', { method: 'POST', body: '' })).catch((r: Response) => r)
      expect((anonymous as Response).status).toBe(302)
      expect((anonymous as Response).headers.get('Location')).toBe('/sign-in?redirectTo=%2Ftasks%2Fnew%3Fx%3D1')
    })

    it('requireAddress redirects anonymous visitors to sign-in and back', async () => {
      const thrown = await requireAddress(new Request(`${PORTAL_ORIGIN}/dao/proposals?page=2`)).catch((r: Response) => r)
      expect((thrown as Response).headers.get('Location')).toBe('/sign-in?redirectTo=%2Fdao%2Fproposals%3Fpage%3D2')
    })
  })
})
