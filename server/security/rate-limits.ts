import crypto from 'node:crypto'
import type { Request, RequestHandler } from 'express'
import { ipKeyGenerator, rateLimit } from 'express-rate-limit'
import type { Db } from '#db/client'
import { DatabaseRateLimitStore } from './rate-limit-store'
import { refuse } from './refuse'

// Rate limits on everything that writes: per client (IP, IPv6 by /56 so one host cannot
// rotate through its own addresses) and per browser session, counted in the database so every
// web process shares them. Over the limit: 429 with Retry-After and the reason.

const MINUTE = 60_000

type Rule = {
  name: string
  /** What the client did too often, for the 429's reason. */
  what: string
  applies: (req: Request) => boolean
  windowMs: number
  perClient: number
  perSession: number
}

const isWrite = (req: Request) => req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'OPTIONS'
const post = (path: string) => (req: Request) => req.method === 'POST' && req.path === path

/**
 * Sign-in takes one nonce and one verify per attempt; a whole office behind one address signs in
 * far less often than this. Every write also counts in `writes`, whatever its path.
 */
export const RATE_LIMIT_RULES: readonly Rule[] = [
  { name: 'auth-nonce', what: 'sign-in attempts', applies: post('/auth/nonce'), windowMs: 10 * MINUTE, perClient: 60, perSession: 20 },
  { name: 'auth-verify', what: 'sign-in attempts', applies: post('/auth/verify'), windowMs: 10 * MINUTE, perClient: 60, perSession: 20 },
  { name: 'documents', what: 'documents stored', applies: post('/ipfs'), windowMs: 10 * MINUTE, perClient: 120, perSession: 60 },
  { name: 'writes', what: 'changes', applies: isWrite, windowMs: MINUTE, perClient: 120, perSession: 60 },
]

/** The client a request counts against: its IP, or the /56 network of an IPv6 address. */
export function clientKeyOf(req: Request): string {
  return ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? 'unknown')
}

export type RateLimitOptions = {
  db: Db
  /** The cookies that identify a browser: the session cookie, and before sign-in the SIWE binding cookie. */
  sessionCookies: string[]
  rules?: readonly Rule[]
}

export function rateLimits({ db, sessionCookies, rules = RATE_LIMIT_RULES }: RateLimitOptions): RequestHandler[] {
  const sessionKeyOf = (req: Request) => sessionKey(req, sessionCookies)
  return rules.flatMap((rule) => [
    limiter(rule, 'client', db, rule.perClient, clientKeyOf, (req) => !rule.applies(req)),
    limiter(rule, 'session', db, rule.perSession, (req) => sessionKeyOf(req) ?? '', (req) => !rule.applies(req) || !sessionKeyOf(req)),
  ])
}

function limiter(
  rule: Rule,
  scope: 'client' | 'session',
  db: Db,
  limit: number,
  keyGenerator: (req: Request) => string,
  skip: (req: Request) => boolean,
): RequestHandler {
  const name = `${rule.name}-${scope}`
  return rateLimit({
    windowMs: rule.windowMs,
    limit,
    keyGenerator,
    skip,
    store: new DatabaseRateLimitStore(db, `${name}:`),
    identifier: name,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // A database that cannot count right now (locked past the busy timeout) lets the request
    // through with a log line rather than failing it.
    passOnStoreError: true,
    handler: (req, res) => {
      const seconds = Number(res.getHeader('Retry-After') ?? Math.ceil(rule.windowMs / 1000))
      const from = scope === 'client' ? 'from your network' : 'from this browser'
      refuse(req, res, 429, `Too many ${rule.what} ${from}: at most ${limit} every ${describeWindow(rule.windowMs)}. Try again in ${seconds} s.`)
    },
  })
}

/**
 * The browser's session, as a hash of its cookie: the raw value is a bearer token and is never
 * stored. The cookie is not verified here; one that was made up gets its own counter, and the
 * per-client limit still applies to it.
 */
function sessionKey(req: Request, cookieNames: string[]): string | null {
  const header = req.headers.cookie
  if (!header) return null
  for (const name of cookieNames) {
    const value = readCookie(header, name)
    if (value) return crypto.createHash('sha256').update(`${name}=${value}`).digest('base64url').slice(0, 32)
  }
  return null
}

function readCookie(header: string, name: string): string | null {
  for (const part of header.split(';')) {
    const separator = part.indexOf('=')
    if (separator > 0 && part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim() || null
  }
  return null
}

function describeWindow(ms: number): string {
  return ms % MINUTE === 0 ? (ms === MINUTE ? 'minute' : `${ms / MINUTE} minutes`) : `${ms / 1000} s`
}
