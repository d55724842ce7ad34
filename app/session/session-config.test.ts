import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { privateKeyToAccount } from 'viem/accounts'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { loadEnv } from '#config/env'
import { devnetAccounts } from '#devnet/accounts'
import { findFreePort } from '#devnet/anvil'
import { configurePortalEnv, siweMessage, TEST_SECRET, TestBrowser } from '~/testing/portal-harness'
import { useAnvil, useTempDatabase } from '../../test/setup'

// The session under different configurations: each test reloads the server modules with its
// own environment (configuration is read once per process, as in production).

const anvil = await useAnvil()
const otherChain = await useAnvil({ chainId: 4242 })
const database = useTempDatabase()
const alice = privateKeyToAccount(devnetAccounts[1]!.privateKey)
const savedNodeEnv = process.env.NODE_ENV
afterAll(() => {
  process.env.NODE_ENV = savedNodeEnv
})

async function loadPortal(env: Record<string, string | number> = {}) {
  configurePortalEnv({
    databasePath: database.path,
    anvilPort: anvil.port,
    dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'portal-session-')),
    ...env,
  })
  vi.resetModules()
  const [nonce, verify, auth] = await Promise.all([
    import('~/routes/auth.nonce'),
    import('~/routes/auth.verify'),
    import('./auth.server'),
  ])
  return { nonceAction: nonce.action, verifyAction: verify.action, getAddress: auth.getAddress }
}

type Portal = Awaited<ReturnType<typeof loadPortal>>

async function signIn(portal: Portal, browser: TestBrowser, fields: Partial<Parameters<typeof siweMessage>[0]> = {}) {
  const { nonce } = (await (await browser.call(portal.nonceAction, '/auth/nonce')).json()) as { nonce: string }
  const message = siweMessage({ address: alice.address, nonce, ...fields })
  const response = await browser.call(portal.verifyAction, '/auth/verify', {
    json: { message, signature: await alice.signMessage({ message }) },
  })
  return { response, body: (await response.json()) as Record<string, string> }
}

describe('session configuration', () => {
  it('fails closed with a clear 503 when the chain RPC is down', async () => {
    const portal = await loadPortal({ ANVIL_PORT: await findFreePort() })
    const browser = new TestBrowser()
    const { response, body } = await signIn(portal, browser)
    expect(response.status).toBe(503)
    expect(body.error).toBe(
      'Cannot verify your signature right now (the chain RPC is unreachable); nobody can sign in until the chain is reachable. Try again in a moment.',
    )
    expect(await portal.getAddress(browser.request('/'))).toBeNull()
  })

  it('fails closed when the RPC serves another chain than the portal\'s', async () => {
    const portal = await loadPortal({ ANVIL_PORT: otherChain.port })
    const { response, body } = await signIn(portal, new TestBrowser())
    expect(response.status).toBe(503)
    expect(body.error).toMatch(/the chain RPC serves chain 4242, not chain 31337/)
  })

  it('rotates secrets: a cookie signed with the previous secret stays valid until that secret is dropped', async () => {
    const oldSecret = TEST_SECRET
    const newSecret = 'rotated-secret-fedcba9876543210-fedcba9876543210'
    const browser = new TestBrowser()
    expect((await signIn(await loadPortal({ SESSION_SECRET: oldSecret }), browser)).response.status).toBe(200)
    const rotated = await loadPortal({ SESSION_SECRET: `${newSecret}, ${oldSecret}` })
    expect(await rotated.getAddress(browser.request('/'))).toBe(alice.address)
    // New cookies are signed with the new secret.
    const fresh = new TestBrowser()
    await signIn(rotated, fresh)
    expect(await (await loadPortal({ SESSION_SECRET: newSecret })).getAddress(fresh.request('/'))).toBe(alice.address)
    expect(await (await loadPortal({ SESSION_SECRET: newSecret })).getAddress(browser.request('/'))).toBeNull()
  })

  it('refuses short secrets at boot', () => {
    expect(() => loadEnv({ SESSION_SECRET: `${TEST_SECRET},short` })).toThrow(
      'invalid configuration: SESSION_SECRET must be comma-separated secrets of at least 32 characters each',
    )
    expect(() => loadEnv({ NODE_ENV: 'production', SESSION_SECRET: TEST_SECRET })).toThrow(/PUBLIC_URL .* is required in production/)
    expect(() => loadEnv({ SESSION_IDLE_DAYS: '10', SESSION_MAX_DAYS: '5' })).toThrow(/SESSION_MAX_DAYS must be at least SESSION_IDLE_DAYS/)
  })

  it('generates a development secret into DATA_DIR once and keeps it', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-secret-'))
    const browser = new TestBrowser()
    const first = await loadPortal({ SESSION_SECRET: '', NODE_ENV: 'development', DATA_DIR: dataDir })
    expect((await signIn(first, browser)).response.status).toBe(200)
    const file = path.join(dataDir, 'session-secret')
    expect(fs.readFileSync(file, 'utf8').trim()).toMatch(/^[0-9a-f]{64}$/)
    expect(fs.statSync(file).mode & 0o777).toBe(0o600)
    const restarted = await loadPortal({ SESSION_SECRET: '', NODE_ENV: 'development', DATA_DIR: dataDir })
    expect(await restarted.getAddress(browser.request('/'))).toBe(alice.address)
  })

  describe('in production', () => {
    const production = { NODE_ENV: 'production', PUBLIC_URL: 'https://portal.example' }
    const portalFields = { domain: 'portal.example', scheme: 'https', uri: 'https://portal.example/' }

    it('uses Secure, __Host- prefixed cookies', async () => {
      const portal = await loadPortal(production)
      const browser = new TestBrowser('https://portal.example')
      const { response } = await signIn(portal, browser, portalFields)
      expect(response.status).toBe(200)
      const [session, binding] = response.headers.getSetCookie()
      expect(session).toMatch(/^__Host-portal-session=[^;]+; Max-Age=2592000; Path=\/; HttpOnly; Secure; SameSite=Lax$/)
      expect(binding).toMatch(/^__Host-portal-siwe=; Max-Age=0; Path=\/; .*HttpOnly; Secure; SameSite=Lax$/)
      expect(await portal.getAddress(browser.request('/'))).toBe(alice.address)
    })

    it('trusts PUBLIC_URL, not the Host header', async () => {
      const portal = await loadPortal(production)
      // A request that claims to be for another host, with a matching Origin: still refused.
      const spoofed = new TestBrowser('https://evil.example')
      expect((await spoofed.call(portal.nonceAction, '/auth/nonce')).status).toBe(403)
      // And a message written for that host does not sign in on the real portal.
      const browser = new TestBrowser('https://portal.example')
      const { response, body } = await signIn(portal, browser, { domain: 'evil.example', scheme: 'https', uri: 'https://evil.example/' })
      expect(response.status).toBe(400)
      expect(body.error).toBe('The sign-in message is for evil.example, but this portal is portal.example.')
    })

    it('honours SESSION_IDLE_DAYS and SESSION_MAX_DAYS', async () => {
      const portal = await loadPortal({ ...production, SESSION_IDLE_DAYS: 1, SESSION_MAX_DAYS: 2 })
      const browser = new TestBrowser('https://portal.example')
      const { response } = await signIn(portal, browser, portalFields)
      expect(response.headers.getSetCookie()[0]).toMatch(/Max-Age=172800;/)
      const hash = database.sqlite.prepare('select id, created_at, expires_at from sessions order by created_at desc limit 1').get() as {
        id: string
        created_at: number
        expires_at: number
      }
      expect(hash.expires_at - hash.created_at).toBe(2 * 24 * 60 * 60 * 1000)
      database.sqlite.prepare('update sessions set last_seen_at = ? where id = ?').run(Date.now() - 25 * 60 * 60 * 1000, hash.id)
      expect(await portal.getAddress(browser.request('/'))).toBeNull()
    })
  })
})
