import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { eq } from 'drizzle-orm'
import { privateKeyToAccount } from 'viem/accounts'
import { describe, expect, it } from 'vitest'
import { putJsonDocument } from '#db/content-store'
import { documentQuotaUsage } from '#db/schema'
import { devnetAccounts } from '#devnet/accounts'
import { useAnvil, useTempDatabase } from '../../test/setup'
import { configurePortalEnv, siweMessage, TestBrowser } from '~/testing/portal-harness'
import { chargeDocumentTo, DOCUMENT_QUOTA, DocumentQuotaError } from './document-quota.server'

// The daily document quota per address: through POST /ipfs (429 with Retry-After, nothing
// stored), and the charge itself (new documents only, count and bytes, renewed each UTC day).

const anvil = await useAnvil()
const database = useTempDatabase()
configurePortalEnv({
  databasePath: database.path,
  anvilPort: anvil.port,
  dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'portal-quota-')),
  COURSES_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'portal-no-courses-')),
})

const { action: storeDocument } = await import('~/routes/ipfs')
const { action: nonceAction } = await import('~/routes/auth.nonce')
const { action: verifyAction } = await import('~/routes/auth.verify')

const chen = privateKeyToAccount(devnetAccounts[2]!.privateKey)

async function signedIn(account: typeof chen): Promise<TestBrowser> {
  const browser = new TestBrowser()
  const { nonce } = (await (await browser.call(nonceAction, '/auth/nonce')).json()) as { nonce: string }
  const message = siweMessage({ address: account.address, nonce })
  expect((await browser.call(verifyAction, '/auth/verify', { json: { message, signature: await account.signMessage({ message }) } })).status).toBe(200)
  return browser
}

const reviewForm = (feedback: string) =>
  new URLSearchParams({ intent: 'review', chainId: '31337', taskId: '1', submissionId: '0', judgement: 'accepted', feedback }).toString()

const blobCount = () => (database.sqlite.prepare('select count(*) as n from content_blobs').get() as { n: number }).n

describe('POST /ipfs and the daily document quota', () => {
  it('answers 429 with Retry-After once the address stored its documents for the day, and stores nothing', async () => {
    const browser = await signedIn(chen)
    const post = (feedback: string) =>
      browser.call(storeDocument, '/ipfs', { body: reviewForm(feedback), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } })
    const first = await post('first review')
    expect(first.status, await first.clone().text()).toBe(201)

    database.db
      .update(documentQuotaUsage)
      .set({ documents: DOCUMENT_QUOTA.documentsPerDay })
      .where(eq(documentQuotaUsage.address, chen.address.toLowerCase()))
      .run()
    const before = blobCount()
    // The same document again is no new bytes: not charged, still answered.
    expect((await post('first review')).status).toBe(201)
    const refused = await post('one review too many')
    expect(refused.status).toBe(429)
    const retryAfter = Number(refused.headers.get('Retry-After'))
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(24 * 60 * 60)
    expect(await refused.json()).toEqual({
      error: `You have stored ${DOCUMENT_QUOTA.documentsPerDay} documents today, the most one account may store in a day; more can be stored after midnight UTC.`,
    })
    expect(blobCount()).toBe(before)
    // Another address has its own quota.
    const other = await signedIn(privateKeyToAccount(devnetAccounts[3]!.privateKey))
    const response = await other.call(storeDocument, '/ipfs', { body: reviewForm('another account'), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } })
    expect(response.status).toBe(201)
  })
})

describe('chargeDocumentTo', () => {
  const quota = { documentsPerDay: 3, bytesPerDay: 200 }
  const address = '0x000000000000000000000000000000000000dEaD'

  it('counts documents and bytes per address and UTC day, and renews the next day', async () => {
    let now = Date.parse('2026-12-03T23:00:00Z')
    const charge = chargeDocumentTo(address, quota, () => now)
    await putJsonDocument(database.db, { n: 1 }, { charge })
    await putJsonDocument(database.db, { n: 2 }, { charge })
    await putJsonDocument(database.db, { n: 2 }, { charge }) // already stored: free
    await putJsonDocument(database.db, { n: 3 }, { charge })
    const error = await putJsonDocument(database.db, { n: 4 }, { charge }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DocumentQuotaError)
    expect((error as DocumentQuotaError).retryAfterSeconds).toBe(3600)

    now = Date.parse('2026-12-04T00:00:01Z')
    await putJsonDocument(database.db, { n: 4 }, { charge })
    // Bytes: one large document takes the day's byte allowance.
    const large = await putJsonDocument(database.db, { text: 'x'.repeat(250) }, { charge }).catch((e: unknown) => e)
    expect((large as Error).message).toMatch(/past 200 bytes/)
    const rows = database.sqlite.prepare('select day, documents from document_quota_usage where address = ?').all(address.toLowerCase())
    // Yesterday's row was dropped once today's was written.
    expect(rows).toEqual([{ day: '2026-12-04', documents: 1 }])
  })
})
