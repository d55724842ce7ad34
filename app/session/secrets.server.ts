import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { Env } from '#config/env'

// 32 characters of a random string carry far more than the 128 bits an HMAC key needs.
const MIN_SECRET_LENGTH = 32

/**
 * The secrets that sign the portal's cookies, newest first: the first signs, every one verifies,
 * so a secret is rotated by prepending a new one and dropping the old one a session lifetime later.
 * Production must set SESSION_SECRET (config/env.ts enforces it); development generates one
 * into DATA_DIR once, so sessions survive restarts without any setup.
 */
export function readSessionSecrets(env: Pick<Env, 'SESSION_SECRET' | 'DATA_DIR' | 'NODE_ENV'>): string[] {
  if (env.SESSION_SECRET) {
    const secrets = env.SESSION_SECRET.split(',')
      .map((secret) => secret.trim())
      .filter(Boolean)
    const weak = secrets.find((secret) => secret.length < MIN_SECRET_LENGTH)
    if (secrets.length === 0 || weak !== undefined) {
      throw new Error(`SESSION_SECRET: every comma-separated secret must be at least ${MIN_SECRET_LENGTH} characters`)
    }
    return secrets
  }
  if (env.NODE_ENV === 'production') throw new Error('SESSION_SECRET is required in production')
  return [readOrCreateDevSecret(path.join(env.DATA_DIR, 'session-secret'))]
}

function readOrCreateDevSecret(file: string): string {
  try {
    const existing = fs.readFileSync(file, 'utf8').trim()
    if (existing) return existing
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const secret = crypto.randomBytes(32).toString('hex')
  try {
    // `wx`: if two processes race to create it, the loser reads the winner's secret.
    fs.writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' })
    return secret
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    return fs.readFileSync(file, 'utf8').trim()
  }
}
