import { createCookie, type Cookie } from '@remix-run/node'
import { NONCE_TTL_MS } from '~/models/sign-in-nonces.server'
import { getSessionSettings } from './settings.server'

// Two signed cookies, both HttpOnly + SameSite=Lax (+ Secure and `__Host-` in production):
// - the session cookie: a random token whose SHA-256 is the session row's id;
// - the binding cookie: a random id that ties SIWE nonces to the browser that asked for them.
// Neither holds anything but a random value; a value whose signature fails reads as absent.

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/

type Cookies = { session: Cookie; binding: Cookie }
let cached: Cookies | undefined

function cookies(): Cookies {
  if (cached) return cached
  const settings = getSessionSettings()
  const options = { httpOnly: true, sameSite: 'lax', secure: settings.secure, path: '/', secrets: settings.secrets } as const
  cached = {
    session: createCookie(settings.sessionCookieName, { ...options, maxAge: Math.floor(settings.maxMs / 1000) }),
    binding: createCookie(settings.bindingCookieName, { ...options, maxAge: Math.floor(NONCE_TTL_MS / 1000) }),
  }
  return cached
}

async function readToken(cookie: Cookie, request: Request): Promise<string | null> {
  const value: unknown = await cookie.parse(request.headers.get('Cookie'))
  return typeof value === 'string' && TOKEN_PATTERN.test(value) ? value : null
}

export const readSessionToken = (request: Request) => readToken(cookies().session, request)
export const readBindingToken = (request: Request) => readToken(cookies().binding, request)

export const serializeSessionCookie = (token: string) => cookies().session.serialize(token)
export const serializeBindingCookie = (token: string) => cookies().binding.serialize(token)

export const clearSessionCookie = () => cookies().session.serialize('', { maxAge: 0, expires: new Date(0) })
export const clearBindingCookie = () => cookies().binding.serialize('', { maxAge: 0, expires: new Date(0) })
