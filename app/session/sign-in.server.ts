import { z } from 'zod'
import { getDb } from '~/db.server'
import { getPortalOrigin, requireSameOrigin } from '~/http/origin.server'
import { jsonError, jsonOk, readJsonBody } from '~/http/responses.server'
import { createSession, deleteSession } from '~/models/sessions.server'
import { consumeNonce, issueNonce, type ConsumeNonceResult } from '~/models/sign-in-nonces.server'
import {
  clearBindingCookie,
  clearSessionCookie,
  readBindingToken,
  readSessionToken,
  serializeBindingCookie,
  serializeSessionCookie,
} from './cookies.server'
import { getSessionSettings } from './settings.server'
import { checkSiweMessage, SIWE_LIMITS } from './siwe-checks.server'
import { hashToken, randomToken } from './tokens.server'
import { RpcUnavailableError, verifySignature } from './verify-signature.server'

// The three session endpoints (POST only, Origin-checked): issue a nonce, verify a signed
// Sign-In with Ethereum message into a session, sign out.

/** Smart-wallet signatures (ERC-6492 wraps deploy calldata) are longer than 65 bytes, but not this long. */
const MAX_SIGNATURE_BYTES = 8 * 1024
const MAX_BODY_BYTES = SIWE_LIMITS.message * 2 + MAX_SIGNATURE_BYTES * 2 + 1024

const verifyBody = z.object({
  message: z
    .string({ required_error: 'The signed message is missing.', invalid_type_error: 'The signed message must be text.' })
    .max(SIWE_LIMITS.message, `The sign-in message is longer than ${SIWE_LIMITS.message} characters.`),
  signature: z
    .string({ required_error: 'The signature is missing.', invalid_type_error: 'The signature must be text.' })
    .max(2 + MAX_SIGNATURE_BYTES * 2, 'The signature is too long.')
    .regex(/^0x(?:[0-9a-fA-F]{2})+$/, 'The signature must be 0x-prefixed hex.')
    .transform((value) => value as `0x${string}`),
})

const nonceErrors: Record<Exclude<ConsumeNonceResult, 'ok'>, string> = {
  unknown: 'This sign-in request was already used or never issued; sign in again.',
  expired: 'This sign-in request has expired; sign in again.',
  'other-browser': 'This sign-in request was issued to another browser session; sign in again from this page.',
}

/** POST /auth/nonce → { nonce }, bound to this browser by the binding cookie. */
export async function issueSignInNonce(request: Request, clientKey?: string): Promise<Response> {
  requireSameOrigin(request)
  const binding = (await readBindingToken(request)) ?? randomToken()
  const nonce = issueNonce(getDb(), { bindingId: hashToken(binding), clientKey })
  return jsonOk({ nonce }, [await serializeBindingCookie(binding)])
}

/** POST /auth/verify { message, signature } → a new session for the message's address. */
export async function verifySignIn(request: Request): Promise<Response> {
  requireSameOrigin(request)
  const body = verifyBody.safeParse(await readJsonBody(request, MAX_BODY_BYTES))
  if (!body.success) return jsonError(400, body.error.issues[0]?.message ?? 'Invalid sign-in request.')
  const { message, signature } = body.data

  const settings = getSessionSettings()
  const origin = getPortalOrigin(request)
  const check = checkSiweMessage(message, {
    domain: origin.host,
    scheme: origin.protocol.replace(/:$/, ''),
    origin: origin.origin,
    chainId: settings.chainId,
    now: new Date(),
  })
  if (!check.ok) return jsonError(400, check.error)
  const { address, chainId, nonce } = check.fields

  // Used up before the signature is checked: whatever happens next, this nonce is spent, and
  // of two concurrent requests with the same message only one gets past this line.
  const db = getDb()
  const bindingToken = await readBindingToken(request)
  const nonceResult = consumeNonce(db, { nonce, bindingId: bindingToken ? hashToken(bindingToken) : null })
  if (nonceResult !== 'ok') return jsonError(400, nonceErrors[nonceResult])

  let valid: boolean
  try {
    valid = await verifySignature({ rpcUrl: settings.rpcUrl, chainId: settings.chainId, address, message, signature })
  } catch (error) {
    if (!(error instanceof RpcUnavailableError)) throw error
    return jsonError(503, `Cannot verify your signature right now (${error.message}); nobody can sign in until the chain is reachable. Try again in a moment.`)
  }
  if (!valid) return jsonError(401, `The signature was not made by ${address}.`)

  const { token } = createSession(db, {
    address,
    chainId,
    lifetimes: { idleMs: settings.idleMs, maxMs: settings.maxMs },
    previousToken: await readSessionToken(request),
  })
  return jsonOk({ address }, [await serializeSessionCookie(token), await clearBindingCookie()])
}

/** POST /auth/logout: deletes the session row, so the old cookie is worthless even if replayed. */
export async function signOut(request: Request): Promise<Response> {
  requireSameOrigin(request)
  const token = await readSessionToken(request)
  if (token) deleteSession(getDb(), token)
  return jsonOk({ signedOut: true }, [await clearSessionCookie()])
}

export function postOnly(): Response {
  return jsonError(405, 'This endpoint only accepts POST requests from the portal.')
}
