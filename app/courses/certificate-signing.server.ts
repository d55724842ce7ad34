import { recoverTypedDataAddress, verifyTypedData, type PrivateKeyAccount } from 'viem'
import { messageOf, type CertificateRow } from '~/models/certificates.server'
import { addressKey } from '~/utils/address'
import { checksumAddress } from '~/utils/address-checks'
import { certificateId, certificateTypedData, type CertificateMessage, type SignedCertificate } from './certificate-typed-data'

// Issuing a certificate is signing its EIP-712 statement with the portal's issuer key;
// verifying one is recomputing everything from the stored values, as any outside verifier can.

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
