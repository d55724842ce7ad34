import fs from 'node:fs'
import path from 'node:path'
import { parseEnv } from 'node:util'
import { z } from 'zod'

// The configuration of every process (start, web server, indexer), validated once at boot.
// Values that reach the browser are whitelisted in app/env.server.ts (`getPublicEnv`).

const address = z
  .string()
  .regex(/^0x[0-9a-fA-F]{40}$/, 'must be a 0x-prefixed 20-byte hex address')
  .transform((value) => value as `0x${string}`)

const port = z.coerce.number().int().min(1).max(65535)
const blockNumber = z.coerce.number().int().min(0)
const url = z
  .string()
  .url()
  .refine((value) => /^(https?|wss?):\/\//.test(value), 'must be an http(s) or ws(s) URL')

const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === '' ? undefined : value))

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('localhost'),
  PORT: port.default(3000),
  DATA_DIR: z.string().default('.data'),
  DATABASE_PATH: optionalString,
  /** Unset: `npm start` runs anvil on ANVIL_PORT and deploys the portal's contracts there. */
  RPC_URL: url.optional().or(z.literal('').transform(() => undefined)),
  RPC_FALLBACK_URL: url.optional().or(z.literal('').transform(() => undefined)),
  /**
   * A websocket endpoint of the same chain: the indexer subscribes to new heads there and indexes
   * each block as it arrives, polling only as a fallback. Unset on the devnet: anvil's own websocket.
   */
  RPC_WS_URL: url
    .refine((value) => /^wss?:\/\//.test(value), 'must be a ws:// or wss:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  ANVIL_PORT: port.default(8545),
  CHAIN_ID: z.coerce.number().int().positive().optional(),
  TASKS_ADDRESS: address.optional(),
  TASKS_START_BLOCK: blockNumber.optional(),
  VERIFIED_CONTRIBUTOR_ADDRESS: address.optional(),
  VERIFIED_CONTRIBUTOR_START_BLOCK: blockNumber.optional(),
  TOKEN_VOTING_ADDRESS: address.optional(),
  TOKEN_VOTING_START_BLOCK: blockNumber.optional(),
  OPTIMISTIC_ACTIONS_ADDRESS: address.optional(),
  OPTIMISTIC_ACTIONS_START_BLOCK: blockNumber.optional(),
  DAO_ADDRESS: address.optional(),
  OPEN_TOKEN_ADDRESS: address.optional(),
  POLL_INTERVAL_MS: z.coerce.number().int().min(100).optional(),
  FINALITY_DEPTH: z.coerce.number().int().min(0).optional(),
  IPFS_GATEWAY_URL: url.default('https://ipfs.io/ipfs/'),
  /** Comma-separated; the first signs cookies, all verify (rotation). Generated into DATA_DIR in development. */
  SESSION_SECRET: optionalString,
  /** Days without a request after which a session ends, and the absolute lifetime of a session. */
  SESSION_IDLE_DAYS: z.coerce.number().positive().default(7),
  SESSION_MAX_DAYS: z.coerce.number().positive().default(30),
  /**
   * The portal's public origin (e.g. https://portal.example.org): Sign-In with Ethereum messages
   * and the Origin of mutating requests must match it. Required in production; in development
   * the request's own origin is trusted.
   */
  PUBLIC_URL: url.optional().or(z.literal('').transform(() => undefined)),
  /** The RPC the browser's wallet client reads from; unset: the devnet's anvil, or the chain's public RPC. */
  PUBLIC_RPC_URL: url.optional().or(z.literal('').transform(() => undefined)),
  ISSUER_PRIVATE_KEY: z
    .string()
    .regex(/^0x[0-9a-fA-F]{64}$/, 'must be a 0x-prefixed 32-byte hex private key')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  WALLETCONNECT_PROJECT_ID: optionalString,
  LOG_FORMAT: z.enum(['auto', 'json', 'pretty']).default('auto'),
  /**
   * Which proxies in front of the web server to believe about the client's address (rate limits
   * count per client): a hop count, or express's comma-separated list (`loopback`, addresses,
   * CIDRs). Unset: none, the connection's own address is the client's.
   */
  TRUST_PROXY: optionalString
    .refine((value) => value !== 'true', 'must name the proxies (a hop count or addresses): `true` would let any client choose its own address')
    .transform((value) => (value !== undefined && /^\d+$/.test(value) ? Number(value) : value)),
})

export type Env = z.infer<typeof envSchema> & { databasePath: string }

export class ConfigError extends Error {
  override name = 'ConfigError'
}

/** Reads `.env` (if present) into process.env without overriding what the real environment sets. */
export function loadDotEnvFile(file = '.env'): void {
  if (!fs.existsSync(file)) return
  for (const [key, value] of Object.entries(parseEnv(fs.readFileSync(file, 'utf8')))) {
    if (process.env[key] === undefined) process.env[key] = value
  }
}

/** Parses the environment; a bad value throws a ConfigError naming the variable and the rule. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(source)
  if (!result.success) {
    const issue = result.error.issues[0]!
    const name = issue.path.join('.')
    throw new ConfigError(`invalid configuration: ${name}=${JSON.stringify(source[name] ?? '')} ${issue.message}`)
  }
  const env = result.data
  if (env.NODE_ENV === 'production' && !env.SESSION_SECRET) {
    throw new ConfigError('invalid configuration: SESSION_SECRET is required in production')
  }
  if (env.SESSION_SECRET?.split(',').some((secret) => secret.trim().length < 32)) {
    throw new ConfigError('invalid configuration: SESSION_SECRET must be comma-separated secrets of at least 32 characters each')
  }
  if (env.NODE_ENV === 'production' && !env.PUBLIC_URL) {
    throw new ConfigError('invalid configuration: PUBLIC_URL (the portal\'s https origin) is required in production')
  }
  if (env.NODE_ENV === 'production' && !env.ISSUER_PRIVATE_KEY) {
    throw new ConfigError('invalid configuration: ISSUER_PRIVATE_KEY (the key that signs course certificates) is required in production')
  }
  if (env.SESSION_MAX_DAYS < env.SESSION_IDLE_DAYS) {
    throw new ConfigError('invalid configuration: SESSION_MAX_DAYS must be at least SESSION_IDLE_DAYS')
  }
  return { ...env, databasePath: env.DATABASE_PATH ?? path.join(env.DATA_DIR, 'portal.sqlite') }
}
