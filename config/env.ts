import fs from 'node:fs'
import path from 'node:path'
import { parseEnv } from 'node:util'
import { z } from 'zod'

// The configuration of every process (start, web server, indexer, scripts), validated once at
// boot: every environment variable the portal reads is here, and nothing reads process.env
// elsewhere (tests and scripts may still pass variables on to the processes they start).
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
const whole = (min: number, max = Number.MAX_SAFE_INTEGER) => z.coerce.number().int().min(min).max(max)
const onOff = z.enum(['on', 'off'])
/** A comma-separated list of TCP multiaddrs (the only transport the IPFS node runs), as an array; empty: the default. */
const tcpMultiaddrs = (host: RegExp, what: string, fallback: string) =>
  z.preprocess((value) => (value === '' ? undefined : value), tcpMultiaddrList(host, what).default(fallback))
const tcpMultiaddrList = (host: RegExp, what: string) =>
  z
    .string()
    .transform((value) => value.split(',').map((part) => part.trim()).filter(Boolean))
    .refine((list) => list.every((value) => host.test(value) && /^\/[a-z0-9]+\/[^/]+\/tcp\/\d{1,5}$/.test(value) && Number(value.split('/').pop()) <= 65535), `must be comma-separated, each ${what}`)

const envSchema = z.object({
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
  /**
   * A deployment file (config/deployment.ts) to use instead of the committed
   * contracts-abi/deployments/<chainId>.json (or, on the devnet, the one `npm start` wrote).
   */
  DEPLOYMENT_FILE: optionalString,
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
  /**
   * The portal's IPFS node (server/ipfs/node.ts, docs/decisions/032), run by the web server: it
   * serves the stored documents over Bitswap to any IPFS node that connects. It dials nobody.
   */
  IPFS_NODE: onOff.default('on'),
  /** Comma-separated TCP multiaddrs to listen on; port 0 picks a free one (logged at start). */
  IPFS_LISTEN: tcpMultiaddrs(/^\/(ip4|ip6)\//, 'an /ip4/<address>/tcp/<port> or /ip6/<address>/tcp/<port> multiaddr', '/ip4/127.0.0.1/tcp/0'),
  /** Comma-separated addresses to tell peers instead (e.g. /dns4/portal.example.org/tcp/4001); unset: the listening ones. */
  IPFS_ANNOUNCE: tcpMultiaddrs(/^\/(ip4|ip6|dns|dns4|dns6)\//, 'an /ip4|ip6|dns|dns4|dns6/<host>/tcp/<port> multiaddr', ''),
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
  /** The indexer's least important log lines (`debug` adds per-range and per-batch timings). */
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  /** Where the courses are (`npm run courses:check`, the web server), and the compiled MDX cache. */
  COURSES_DIR: z.string().min(1).default('courses'),
  MDX_CACHE_DIR: z.string().min(1).default('.cache/mdx'),
  /** Where PostgreSQL's server binaries are (initdb, pg_ctl, pg_basebackup): `npm run start:cluster` and the PostgreSQL tests. */
  PG_BIN_DIR: z.string().min(1).default('/usr/lib/postgresql/15/bin'),
  /** The ports of `npm run start:cluster`'s PostgreSQL primary and replica (127.0.0.1). */
  CLUSTER_PRIMARY_PORT: port.default(5433),
  CLUSTER_REPLICA_PORT: port.default(5434),

  /**
   * An Ethereum RPC where ENS lives (usually mainnet): profiles show the address's primary ENS name
   * and avatar. Unset: no ENS lookups, identicons only.
   */
  ENS_RPC_URL: url.optional().or(z.literal('').transform(() => undefined)),
  /** ENS's Universal Resolver on that chain; unset: mainnet's, as viem knows it. */
  ENS_UNIVERSAL_RESOLVER_ADDRESS: address.optional().or(z.literal('').transform(() => undefined)),

  // Notifications outside the portal (app/notifications/README.md).
  /** The SMTP server e-mail digests go through, e.g. smtps://user:pass@mail.example:465; unset: no e-mail. */
  SMTP_URL: z
    .string()
    .url()
    .refine((value) => /^smtps?:\/\//.test(value), 'must be an smtp:// or smtps:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  SMTP_FROM: z
    .string()
    .regex(/^([^<>\r\n]{1,80} <[^<>\s@]+@[^<>\s@]+>|[^<>\s@]+@[^<>\s@]+)$/, 'must be an e-mail address, or "Name <address>"')
    .default('Openmesh Portal <portal@localhost>'),
  /** How often the notifier puts new inbox items in the outbox and delivers what is due. */
  NOTIFY_INTERVAL_MS: whole(200, 3_600_000).default(5_000),
  /**
   * Whether webhooks (and ENS avatars) may point at private, loopback or link-local addresses.
   * Unset: allowed in development and tests, refused in production (no requests into the server's own network).
   */
  NOTIFY_PRIVATE_URLS: onOff.optional(),

  // Indexer tuning (indexer/README.md).
  INDEXER_CONCURRENCY: whole(1, 32).default(4),
  INDEXER_INITIAL_BLOCK_RANGE: whole(1).default(10),
  INDEXER_MAX_BLOCK_RANGE: whole(1).default(50_000),
  INDEXER_TARGET_LOGS: whole(1).default(2_000),
  INDEXER_RPC_TIMEOUT_MS: whole(100).default(10_000),
  INDEXER_GETLOGS_TIMEOUT_MS: whole(100).default(20_000),
  INDEXER_MAX_BLOCKS_PER_TICK: whole(1).default(100),
  /** Backfill ranges fetched in a worker thread (docs/decisions/011). */
  INDEXER_FETCH_WORKER: onOff.default('on'),
  /** The SQLite page cache of the indexer's connection, in MiB. */
  INDEXER_CACHE_MB: whole(2, 4096).default(64),
  INDEXER_METADATA: onOff.default('on'),
  INDEXER_METADATA_TIMEOUT_MS: whole(100).default(10_000),
  INDEXER_METADATA_MAX_BYTES: whole(1).default(256 * 1024),
  INDEXER_METADATA_RETRY_MS: whole(100).default(5 * 60_000),

  // `npm run bench:indexer` defaults (its --events, --samples and --repeat options win).
  BENCH_EVENTS: whole(1).default(100_000),
  BENCH_SAMPLES: whole(1).default(30),
  BENCH_REPEAT: whole(1).default(3),
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

type EnvSource = Record<string, string | undefined>

function configError(error: z.ZodError, source: EnvSource, name?: string): ConfigError {
  const issue = error.issues[0]!
  const variable = name ?? issue.path.join('.')
  return new ConfigError(`invalid configuration: ${variable}=${JSON.stringify(source[variable] ?? '')} ${issue.message}`)
}

/** Parses the environment; a bad value throws a ConfigError naming the variable and the rule. */
export function loadEnv(source: EnvSource = process.env): Env {
  const result = envSchema.safeParse(source)
  if (!result.success) throw configError(result.error, source)
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

type Variables = z.infer<typeof envSchema>

/**
 * One variable, by its rule above, for code that needs only it and must run where the whole
 * portal's configuration need not be complete (`npm run build` in production, a module read by
 * tests that switch NODE_ENV): read at each call, a bad value throws a ConfigError naming it.
 */
export function envVariable<K extends keyof Variables>(name: K, source: EnvSource = process.env): Variables[K] {
  const result = envSchema.shape[name].safeParse(source[name])
  if (!result.success) throw configError(result.error, source, name)
  return result.data as Variables[K]
}
