import { and, desc, eq } from 'drizzle-orm'
import { recoverTypedDataAddress, verifyTypedData, type PrivateKeyAccount } from 'viem'
import type { Db } from '#db/client'
import { certificates } from '#db/schema'
import { addressKey, checksumAddress } from '~/utils/address'
import { certificateId, certificateTypedData, type CertificateMessage } from './certificate-typed-data'

export type CertificateRow = typeof certificates.$inferSelect

export type SignedCertificate = {
  id: `0x${string}`
  message: CertificateMessage
  issuer: `0x${string}`
  signature: `0x${string}`
}

export async function signCertificate(
  issuer: PrivateKeyAccount,
  input: { course: string; courseVersion: `0x${string}`; learner: string; issuedAt: number },
): Promise<SignedCertificate> {
  const message: CertificateMessage = {
    course: input.course,
    courseVersion: input.courseVersion,
    learner: checksumAddress(input.learner),
    issuedAt: BigInt(input.issuedAt),
  }
  const signature = await issuer.signTypedData(certificateTypedData(message))
  return { id: certificateId(message), message, issuer: issuer.address, signature }
}

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

export function messageOf(row: CertificateRow): CertificateMessage {
  return {
    course: row.courseSlug,
    courseVersion: row.courseVersion as `0x${string}`,
    learner: checksumAddress(row.address),
    issuedAt: BigInt(row.issuedAt),
  }
}

export type Verification = {
  /** The signature over the typed data recovers to the issuer address stored with it. */
  signatureValid: boolean
  /** The address the signature recovers to (null if the signature is malformed). */
  recovered: `0x${string}` | null
  /** The certificate id equals the EIP-712 hash of the statement. */
  idMatches: boolean
  /** The issuer is this portal's current issuer key. */
  issuedByThisPortal: boolean
}

/** Recomputes everything from the stored values, exactly as an outside verifier would. */
export async function verifyCertificate(row: CertificateRow, portalIssuer: `0x${string}` | null): Promise<Verification> {
  const typedData = certificateTypedData(messageOf(row))
  const signature = row.signature as `0x${string}`
  let recovered: `0x${string}` | null = null
  let signatureValid = false
  try {
    recovered = await recoverTypedDataAddress({ ...typedData, signature })
    signatureValid = await verifyTypedData({ ...typedData, address: row.issuer as `0x${string}`, signature })
  } catch {
    signatureValid = false
  }
  return {
    signatureValid,
    recovered,
    idMatches: certificateId(typedData.message) === row.id,
    issuedByThisPortal: portalIssuer !== null && addressKey(row.issuer) === addressKey(portalIssuer),
  }
}
