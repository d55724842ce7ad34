import { ConfigError, loadDotEnvFile } from '#config/env'
import { createLogger } from '#indexer/logger'
import { getDb } from '../app/db.server'
import { getChainId, getEnv } from '../app/env.server'
import { createSmtpMailer } from '../app/notifications/mailer.server'
import { createNotifier } from '../app/notifications/notifier.server'
import { allowPrivateUrls, portalOrigin } from '../app/notifications/policy.server'
import { getEnsConfig } from '../app/profiles/ens.server'

// `npm run notifier` (and a child of `npm start`): delivers notifications outside the portal —
// webhooks and e-mail digests from the outbox — and refreshes ENS names, in a process of its own
// (docs/decisions/046-notifications-outbox-retries-digests.md). SIGINT/SIGTERM finish the pass in flight, then exit.

loadDotEnvFile()
try {
  const env = getEnv()
  const logger = createLogger({ format: env.LOG_FORMAT === 'pretty' || (env.LOG_FORMAT === 'auto' && process.stdout.isTTY) ? 'pretty' : 'json', base: { service: 'notifier' } })
  const mailer = env.SMTP_URL ? createSmtpMailer({ smtpUrl: env.SMTP_URL, from: env.SMTP_FROM }) : null
  const notifier = createNotifier({
    db: getDb(),
    chainId: getChainId(),
    origin: portalOrigin(env),
    allowPrivate: allowPrivateUrls(env),
    mailer,
    ens: getEnsConfig(),
    log: (level, msg, fields) => logger[level](msg, fields),
  })
  const abort = new AbortController()
  process.once('SIGINT', () => abort.abort())
  process.once('SIGTERM', () => abort.abort())
  logger.info('notifier started', { intervalMs: env.NOTIFY_INTERVAL_MS, email: mailer ? 'on' : 'off (SMTP_URL unset)' })
  await notifier.run({ intervalMs: env.NOTIFY_INTERVAL_MS, signal: abort.signal })
  mailer?.close()
  process.exit(0)
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : `notifier failed: ${(error as Error).message}`)
  process.exit(1)
}
