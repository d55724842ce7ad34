import { describe, expect, it } from 'vitest'
import { devnetAccounts } from '#devnet/accounts'
import { HttpBrowser } from '../../test/http-browser'
import { startPortalServer } from '../../test/portal-server'
import { RATE_LIMIT_RULES } from './rate-limits'

// Rate limits against the real server: per browser and per client, 429 with Retry-After and
// the reason, and counted in the database so a second web instance sees the same counts.

const server = await startPortalServer()
const rule = (name: string) => RATE_LIMIT_RULES.find((candidate) => candidate.name === name)!

async function expectTooMany(response: Response, reason: RegExp) {
  expect(response.status).toBe(429)
  const retryAfter = Number(response.headers.get('Retry-After'))
  expect(retryAfter).toBeGreaterThan(0)
  expect(retryAfter).toBeLessThanOrEqual(600)
  expect(response.headers.get('RateLimit-Policy')).toMatch(/^"[a-z-]+"; q=\d+; w=\d+/)
  const { error } = (await response.json()) as { error: string }
  expect(error).toMatch(reason)
  expect(error).toContain(`Try again in ${retryAfter} s.`)
}

const askNonce = (browser: HttpBrowser) => browser.fetch('/auth/nonce', { json: {}, headers: { Accept: 'application/json' } })

describe('rate limits', () => {
  it('limit sign-in nonces per browser, then per client, and share the counts with a second web instance', async () => {
    const { perSession, perClient } = rule('auth-nonce')
    const browser = new HttpBrowser(server.origin)
    // The first request has no cookie yet: the browser is known from the second on.
    for (let i = 0; i < 1 + perSession; i++) expect((await askNonce(browser)).status).toBe(200)
    await expectTooMany(await askNonce(browser), /^Too many sign-in attempts from this browser: at most 20 every 10 minutes\./)

    // A browser without cookies is a new one each time, but the client's address is the same.
    for (let i = perSession + 2; i < perClient; i++) expect((await askNonce(new HttpBrowser(server.origin))).status).toBe(200)
    await expectTooMany(await askNonce(new HttpBrowser(server.origin)), /^Too many sign-in attempts from your network: at most 60 every 10 minutes\./)

    // Another instance on the same database counts the same hits.
    const second = await startPortalServer({ databasePath: server.databasePath, anvilPort: server.anvilPort })
    await expectTooMany(await askNonce(new HttpBrowser(second.origin)), /from your network/)
    await second.stop()

    // Pages are not limited.
    expect((await browser.fetch('/tasks')).status).toBe(200)
  })

  it('limit every write of a signed-in browser, whatever its path', async () => {
    // Its own database: the counts of the test above are spent.
    const fresh = await startPortalServer({ anvilPort: server.anvilPort })
    const writer = new HttpBrowser(fresh.origin)
    await writer.signIn(devnetAccounts[4]!)
    const { perSession } = rule('writes')
    // Counted from the session cookie on (the sign-in's own writes counted for the SIWE binding).
    for (let i = 0; i < perSession; i++) {
      const response = await writer.fetch(i % 2 ? '/tasks' : '/dao', { method: 'POST', body: 'a=b', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } })
      expect(response.status, `write ${i}`).toBe(405) // these pages have no action: Remix answers
    }
    const refused = await writer.fetch('/dao/requests', { method: 'POST', body: 'note=x', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' } })
    await expectTooMany(refused, /^Too many changes from this browser: at most 60 every minute\./)
  })
})
