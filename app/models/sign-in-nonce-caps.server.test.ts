import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { useAnvil, useTempDatabase } from '../../test/setup'
import { MAX_PENDING_PER_CLIENT, NONCE_TTL_MS } from './sign-in-nonces.server'
import { configurePortalEnv, TestBrowser } from '~/testing/portal-harness'

// Sign-in nonces do not pile up: a client that drops its cookies gets a new browser binding per
// request, and still keeps at most MAX_PENDING_PER_CLIENT rows; expired ones go.

const anvil = await useAnvil()
const database = useTempDatabase()
configurePortalEnv({ databasePath: database.path, anvilPort: anvil.port, dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'portal-nonces-')) })

const { action: nonceAction } = await import('~/routes/auth.nonce')
const { issueNonce, consumeNonce } = await import('./sign-in-nonces.server')

/** POST /auth/nonce as the web server calls it: the client's key in the load context. */
async function askWithoutCookies(clientKey: string): Promise<string> {
  const request = new TestBrowser().request('/auth/nonce', { method: 'POST', json: {} })
  const response = await nonceAction({ request, params: {}, context: { clientKey } })
  expect(response.status).toBe(200)
  return ((await response.json()) as { nonce: string }).nonce
}

const pendingFor = (clientKey: string) =>
  (database.sqlite.prepare('select count(*) as n from auth_nonces where client_key = ?').get(clientKey) as { n: number }).n

describe('pending sign-in nonces', () => {
  it('are capped per client however many browsers it pretends to be, keeping the newest', async () => {
    const nonces: string[] = []
    for (let i = 0; i < 100; i++) nonces.push(await askWithoutCookies('198.51.100.7'))
    expect(pendingFor('198.51.100.7')).toBe(MAX_PENDING_PER_CLIENT)
    const kept = new Set((database.sqlite.prepare('select nonce from auth_nonces where client_key = ?').all('198.51.100.7') as { nonce: string }[]).map((r) => r.nonce))
    expect(kept).toEqual(new Set(nonces.slice(-MAX_PENDING_PER_CLIENT)))
    // Another client's attempts are its own.
    await askWithoutCookies('203.0.113.9')
    expect(pendingFor('203.0.113.9')).toBe(1)
    expect(pendingFor('198.51.100.7')).toBe(MAX_PENDING_PER_CLIENT)
  })

  it('expire, and are deleted by the next request after their lifetime', () => {
    const start = new Date('2026-12-03T10:00:00Z')
    const nonce = issueNonce(database.db, { bindingId: 'binding-a', clientKey: '192.0.2.1', now: start })
    issueNonce(database.db, { bindingId: 'binding-b', clientKey: '192.0.2.2', now: new Date(start.getTime() + NONCE_TTL_MS + 1) })
    expect(pendingFor('192.0.2.1')).toBe(0)
    expect(consumeNonce(database.db, { nonce, bindingId: 'binding-a' })).toBe('unknown')
  })
})
