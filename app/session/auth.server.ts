import { redirect } from '@remix-run/node'
import { getAddress as checksum, isAddressEqual } from 'viem'
import { getDb } from '~/db.server'
import { requireSameOrigin } from '~/http/origin.server'
import { findSession, type SessionRow } from '~/models/sessions.server'
import { readSessionToken } from './cookies.server'
import { getSessionSettings } from './settings.server'

// What routes use: `getAddress` / `requireAddress` for reads, `requireSignedInMutation` for
// actions. A session is a database row; the cookie only names it.

// Root and route loaders of one request share the lookup.
const sessionsByRequest = new WeakMap<Request, Promise<SessionRow | null>>()

export function getSession(request: Request): Promise<SessionRow | null> {
  let session = sessionsByRequest.get(request)
  if (!session) {
    session = readSessionToken(request).then((token) => {
      if (!token) return null
      const { idleMs, maxMs } = getSessionSettings()
      return findSession(getDb(), token, { idleMs, maxMs })
    })
    sessionsByRequest.set(request, session)
  }
  return session
}

/** The signed-in address (EIP-55 checksummed), or null for an anonymous visitor. */
export async function getAddress(request: Request): Promise<`0x${string}` | null> {
  const session = await getSession(request)
  return session ? checksum(session.address) : null
}

/** The signed-in address; anyone else is redirected to /sign-in and brought back afterwards. */
export async function requireAddress(request: Request): Promise<`0x${string}`> {
  const address = await getAddress(request)
  if (!address) {
    const url = new URL(request.url)
    throw redirect(`/sign-in?redirectTo=${encodeURIComponent(url.pathname + url.search)}`)
  }
  return address
}

/**
 * For actions: the request must come from the portal's own pages (Origin, else 403) and from a
 * signed-in browser (else the sign-in redirect). When the action acts for a specific address
 * (e.g. the account a form was filled in for), pass it: a different session address is a 403.
 */
export async function requireSignedInMutation(
  request: Request,
  options: { address?: string } = {},
): Promise<`0x${string}`> {
  requireSameOrigin(request)
  const address = await requireAddress(request)
  if (options.address !== undefined && !sameAddress(options.address, address)) {
    throw new Response(`You are signed in as ${address}, not as ${options.address}: sign in with that account first.`, {
      status: 403,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    })
  }
  return address
}

function sameAddress(a: string, b: `0x${string}`): boolean {
  try {
    return isAddressEqual(a as `0x${string}`, b)
  } catch {
    return false
  }
}
