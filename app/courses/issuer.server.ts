import fs from 'node:fs'
import path from 'node:path'
import type { PrivateKeyAccount } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { getEnv } from '~/env.server'

// The key that signs certificates. ISSUER_PRIVATE_KEY wins; without it, development and tests
// generate one key into <DATA_DIR>/issuer-key (mode 0600) and keep using it, so certificates
// stay verifiable across restarts. Production refuses to start issuing without the variable.

const KEY = /^0x[0-9a-fA-F]{64}$/

class IssuerKeyError extends Error {
  override name = 'IssuerKeyError'
}

export function resolveIssuerKey(options: { privateKey?: string; dataDir: string; production: boolean }): `0x${string}` {
  if (options.privateKey) return options.privateKey as `0x${string}`
  if (options.production) throw new IssuerKeyError('ISSUER_PRIVATE_KEY is required in production to sign certificates')
  const file = path.join(options.dataDir, 'issuer-key')
  if (!fs.existsSync(file)) {
    fs.mkdirSync(options.dataDir, { recursive: true })
    try {
      // 'wx' fails if another process created it first; then we read theirs.
      fs.writeFileSync(file, `${generatePrivateKey()}\n`, { mode: 0o600, flag: 'wx' })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
  }
  const key = fs.readFileSync(file, 'utf8').trim()
  if (!KEY.test(key)) throw new IssuerKeyError(`${file} does not hold a 0x-prefixed 32-byte hex key`)
  return key as `0x${string}`
}

const globalForIssuer = globalThis as unknown as { certificateIssuer?: PrivateKeyAccount }

export function getIssuer(): PrivateKeyAccount {
  if (!globalForIssuer.certificateIssuer) {
    const env = getEnv()
    const key = resolveIssuerKey({ privateKey: env.ISSUER_PRIVATE_KEY, dataDir: env.DATA_DIR, production: env.NODE_ENV === 'production' })
    globalForIssuer.certificateIssuer = privateKeyToAccount(key)
  }
  return globalForIssuer.certificateIssuer
}

/** The issuer's address for display and comparison; null when no key is configured (production without ISSUER_PRIVATE_KEY). */
export function getIssuerAddress(): `0x${string}` | null {
  try {
    return getIssuer().address
  } catch (error) {
    if (error instanceof IssuerKeyError) return null
    throw error
  }
}
