import { and, eq, lt, sql } from 'drizzle-orm'
import type { DbTransaction } from '#db/content-store'
import { documentQuotaUsage } from '#db/schema'

// What one signed-in address may store through POST /ipfs per UTC day. A task form's document
// is a few kB; a busy task manager stores tens a day. The limit keeps one account (or a stolen
// session) from filling the content store, which keeps every document forever.

export const DOCUMENT_QUOTA = { documentsPerDay: 100, bytesPerDay: 4 * 1024 * 1024 }

const DAY_MS = 24 * 60 * 60 * 1000

export class DocumentQuotaError extends Error {
  override name = 'DocumentQuotaError'
  constructor(
    message: string,
    /** Seconds until the allowance renews (the next UTC midnight), for Retry-After. */
    readonly retryAfterSeconds: number,
  ) {
    super(message)
  }
}

/**
 * The `charge` for putJsonDocument: counts a newly stored document against `address`'s
 * allowance for today, or throws DocumentQuotaError (and the document is not stored).
 */
export function chargeDocumentTo(address: string, quota = DOCUMENT_QUOTA, now = () => Date.now()) {
  return (tx: DbTransaction, byteLength: number): void => {
    const at = now()
    const day = new Date(at).toISOString().slice(0, 10)
    const key = address.toLowerCase()
    const used = tx
      .select({ documents: documentQuotaUsage.documents, bytes: documentQuotaUsage.bytes })
      .from(documentQuotaUsage)
      .where(and(eq(documentQuotaUsage.address, key), eq(documentQuotaUsage.day, day)))
      .get() ?? { documents: 0, bytes: 0 }
    const retryAfter = Math.ceil((Math.floor(at / DAY_MS + 1) * DAY_MS - at) / 1000)
    if (used.documents + 1 > quota.documentsPerDay) {
      throw new DocumentQuotaError(`You have stored ${used.documents} documents today, the most one account may store in a day; more can be stored after midnight UTC.`, retryAfter)
    }
    if (used.bytes + byteLength > quota.bytesPerDay) {
      throw new DocumentQuotaError(
        `This document (${byteLength} bytes) would take your documents today past ${quota.bytesPerDay} bytes, the most one account may store in a day; more can be stored after midnight UTC.`,
        retryAfter,
      )
    }
    tx.delete(documentQuotaUsage).where(and(eq(documentQuotaUsage.address, key), lt(documentQuotaUsage.day, day))).run()
    tx.insert(documentQuotaUsage)
      .values({ address: key, day, documents: 1, bytes: byteLength })
      .onConflictDoUpdate({
        target: [documentQuotaUsage.address, documentQuotaUsage.day],
        set: { documents: sql`${documentQuotaUsage.documents} + 1`, bytes: sql`${documentQuotaUsage.bytes} + ${byteLength}` },
      })
      .run()
  }
}
