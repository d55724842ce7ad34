import crypto from 'node:crypto'

/** 256 random bits, base64url: the value a cookie carries. */
export function randomToken(): string {
  return crypto.randomBytes(32).toString('base64url')
}

/** What the database stores for a token: a copy of the table cannot be replayed as cookies. */
export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex')
}
