import { and, desc, eq } from 'drizzle-orm'
import type { Db } from '#db/client'
import { certificates } from '#db/schema'
import type { CertificateMessage, SignedCertificate } from '~/courses/certificate-typed-data'
import { addressKey } from '~/utils/address'
import { checksumAddress } from '~/utils/address-checks'

// Course certificates as stored: one per learner and course, keyed by the statement's EIP-712
// hash. Signing and verifying them is app/courses/certificate-signing.server.ts.

export type CertificateRow = typeof certificates.$inferSelect

/** Inserts the certificate unless the learner already holds one for the course; returns the id that is stored. */
export function storeCertificate(db: Pick<Db, 'insert' | 'select'>, signed: SignedCertificate, courseTitle: string): string {
  db.insert(certificates)
    .values({
      id: signed.id,
      address: addressKey(signed.message.learner),
      courseSlug: signed.message.course,
      courseTitle,
      courseVersion: signed.message.courseVersion,
      issuedAt: Number(signed.message.issuedAt),
      issuer: signed.issuer,
      signature: signed.signature,
    })
    .onConflictDoNothing()
    .run()
  const stored = db
    .select({ id: certificates.id })
    .from(certificates)
    .where(and(eq(certificates.address, addressKey(signed.message.learner)), eq(certificates.courseSlug, signed.message.course)))
    .get()
  return stored?.id ?? signed.id
}

export function getCertificate(db: Db, id: string): CertificateRow | undefined {
  return db.select().from(certificates).where(eq(certificates.id, id.toLowerCase())).get()
}

export function listCertificates(db: Db, address: string): CertificateRow[] {
  return db.select().from(certificates).where(eq(certificates.address, addressKey(address))).orderBy(desc(certificates.issuedAt)).all()
}

/** The signed statement a stored row stands for. */
export function messageOf(row: CertificateRow): CertificateMessage {
  return {
    course: row.courseSlug,
    courseVersion: row.courseVersion as `0x${string}`,
    learner: checksumAddress(row.address),
    issuedAt: BigInt(row.issuedAt),
  }
}
