import { getAddress, type Address } from 'viem'
import { createSiweMessage, parseSiweMessage, type SiweMessage } from 'viem/siwe'

// The strict checks wrapped around viem's EIP-4361 parser. viem's own validation is lenient by
// design (optional fields, unanchored parsing); a portal session needs every field pinned down.

export const SIWE_LIMITS = {
  message: 4096,
  domain: 255,
  uri: 512,
  statement: 512,
  nonce: 64,
  requestId: 128,
  resources: 8,
  resource: 512,
} as const

/** A message must be signed within this long of being issued (and the nonce lives as long). */
const MAX_MESSAGE_AGE_MS = 10 * 60 * 1000
/** Tolerated difference between the browser's clock and the server's. */
const CLOCK_SKEW_MS = 60 * 1000

export type ExpectedSiwe = {
  /** `host[:port]` of the portal, as the browser sees it. */
  domain: string
  /** `https` or `http`, without the colon. */
  scheme: string
  /** The portal's origin; the message's URI must be on it. */
  origin: string
  chainId: number
  now: Date
}

export type CheckedSiweMessage = SiweMessage & { address: Address; issuedAt: Date }
export type SiweCheckResult = { ok: true; fields: CheckedSiweMessage } | { ok: false; error: string }

const dateFields = [
  ['issuedAt', 'Issued At'],
  ['expirationTime', 'Expiration Time'],
  ['notBefore', 'Not Before'],
] as const

export function checkSiweMessage(message: string, expected: ExpectedSiwe): SiweCheckResult {
  const fail = (error: string): SiweCheckResult => ({ ok: false, error })
  if (message.length > SIWE_LIMITS.message) return fail(`The sign-in message is longer than ${SIWE_LIMITS.message} characters.`)
  // EIP-4361 is ASCII; anything else (control characters, CR, look-alike letters) is refused.
  if (/[^\x20-\x7e\n]/.test(message)) return fail('The sign-in message contains characters EIP-4361 does not allow.')

  const fields = parseSiweMessage(message)
  if (fields.domain === undefined || fields.address === undefined) {
    return fail('The sign-in message is malformed: its first lines must name the domain and the address.')
  }
  // viem parses the URI…Issued At block as one unit: one missing line means none are found.
  if ([fields.uri, fields.version, fields.chainId, fields.nonce, fields.issuedAt].includes(undefined)) {
    return fail('The sign-in message is malformed: its URI, Version, Chain ID, Nonce and Issued At lines must all be present, in that order.')
  }
  const tooLong = lengthError(fields)
  if (tooLong) return fail(tooLong)
  for (const [name, label] of dateFields) {
    const value = fields[name]
    if (value !== undefined && Number.isNaN(value.getTime())) {
      return fail(`The sign-in message's ${label} is not an RFC 3339 date-time.`)
    }
  }
  if (fields.version !== '1') return fail('The sign-in message has an unsupported version.')
  // Re-creating the message from the parsed fields must give back exactly the signed text:
  // no extra lines, no reordered fields, an EIP-55 checksummed address, the canonical dates.
  let canonical: string | null
  try {
    canonical = createSiweMessage(fields as SiweMessage)
  } catch {
    canonical = null
  }
  if (canonical !== message) return fail('The sign-in message is malformed: it is not in the EIP-4361 format.')

  const checked = fields as CheckedSiweMessage
  if (checked.domain !== expected.domain) {
    return fail(`The sign-in message is for ${checked.domain}, but this portal is ${expected.domain}.`)
  }
  if (checked.scheme !== expected.scheme) {
    return fail(`The sign-in message's scheme is ${checked.scheme ?? 'missing'}; this portal uses ${expected.scheme}.`)
  }
  if (originOf(checked.uri) !== expected.origin) {
    return fail(`The sign-in message's URI ${checked.uri} is not on this portal (${expected.origin}).`)
  }
  if (checked.chainId !== expected.chainId) {
    return fail(`The sign-in message is for chain ${checked.chainId}, but this portal runs on chain ${expected.chainId}.`)
  }
  const now = expected.now.getTime()
  if (checked.issuedAt.getTime() > now + CLOCK_SKEW_MS) return fail('The sign-in message was issued in the future; check your clock.')
  if (now - checked.issuedAt.getTime() > MAX_MESSAGE_AGE_MS) {
    return fail('The sign-in message was issued more than 10 minutes ago; sign in again.')
  }
  if (checked.expirationTime && checked.expirationTime.getTime() <= now) return fail('The sign-in message has expired; sign in again.')
  if (checked.notBefore && checked.notBefore.getTime() > now + CLOCK_SKEW_MS) return fail('The sign-in message is not valid yet.')
  return { ok: true, fields: { ...checked, address: getAddress(checked.address) } }
}

function lengthError(fields: ReturnType<typeof parseSiweMessage>): string | null {
  const over = (value: string | undefined, limit: number) => value !== undefined && value.length > limit
  if (over(fields.domain, SIWE_LIMITS.domain)) return 'The sign-in message\'s domain is too long.'
  if (over(fields.uri, SIWE_LIMITS.uri)) return 'The sign-in message\'s URI is too long.'
  if (over(fields.statement, SIWE_LIMITS.statement)) return 'The sign-in message\'s statement is too long.'
  if (over(fields.nonce, SIWE_LIMITS.nonce)) return 'The sign-in message\'s nonce is too long.'
  if (over(fields.requestId, SIWE_LIMITS.requestId)) return 'The sign-in message\'s request ID is too long.'
  const resources = fields.resources ?? []
  if (resources.length > SIWE_LIMITS.resources) return 'The sign-in message lists too many resources.'
  if (resources.some((resource) => resource.length > SIWE_LIMITS.resource)) return 'A resource in the sign-in message is too long.'
  return null
}

function originOf(uri: string): string | null {
  try {
    return new URL(uri).origin
  } catch {
    return null
  }
}
