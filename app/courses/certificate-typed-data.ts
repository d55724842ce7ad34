import { hashTypedData } from 'viem'

// The statement a certificate is: EIP-712 typed data, signed by the portal's issuer key.
// No chainId or verifyingContract: a certificate is an off-chain statement, valid on any chain.
// Anyone can rebuild it from the values shown on /certificates/:id and check the signature
// with any EIP-712 library (e.g. viem's verifyTypedData).

const certificateDomain = { name: 'Opencircle Certificates', version: '1' } as const

const certificateTypes = {
  Certificate: [
    { name: 'course', type: 'string' },
    { name: 'courseVersion', type: 'bytes32' },
    { name: 'learner', type: 'address' },
    { name: 'issuedAt', type: 'uint64' },
  ],
} as const

export type CertificateMessage = {
  /** The course slug, e.g. "openmesh-fundamentals". */
  course: string
  /** sha256 of the course's files when the learner finished it. */
  courseVersion: `0x${string}`
  learner: `0x${string}`
  /** Unix seconds. */
  issuedAt: bigint
}

/** A statement with the issuer's signature over it. */
export type SignedCertificate = {
  id: `0x${string}`
  message: CertificateMessage
  issuer: `0x${string}`
  signature: `0x${string}`
}

export function certificateTypedData(message: CertificateMessage) {
  return { domain: certificateDomain, types: certificateTypes, primaryType: 'Certificate' as const, message }
}

/** The certificate id: the EIP-712 hash of the statement, so the id itself can be recomputed. */
export function certificateId(message: CertificateMessage): `0x${string}` {
  return hashTypedData(certificateTypedData(message))
}

export const CERTIFICATE_ID = /^0x[0-9a-f]{64}$/
