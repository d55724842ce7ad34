import { defineConfig } from '@playwright/test'
import { chromiumArgs, findChromium } from './e2e/chromium'
import { E2E_SMTP_PORT } from './e2e/fixtures/accounts'

// The e2e suite runs against the whole portal as `npm start` brings it up (anvil, deploy,
// seed, indexer, web), in its own data dir and ports so it never touches a developer's .data/.
const PORT = Number(process.env.E2E_PORT ?? 3100)
const ANVIL_PORT = Number(process.env.E2E_ANVIL_PORT ?? 8645)
const DATA_DIR = '.data/e2e'

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  // One portal, one chain: specs share it, so they run one at a time and use distinct accounts.
  workers: 1,
  fullyParallel: false,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: '.cache/playwright-results.json' }]],
  globalSetup: './e2e/global-setup.ts',
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: 'retain-on-failure',
    browserName: 'chromium',
    launchOptions: { executablePath: findChromium(), args: chromiumArgs },
  },
  webServer: {
    command: `rm -rf ${DATA_DIR} && node_modules/.bin/tsx scripts/start.ts`,
    url: `http://127.0.0.1:${PORT}/health`,
    env: {
      DATA_DIR,
      PORT: String(PORT),
      ANVIL_PORT: String(ANVIL_PORT),
      HOST: 'localhost',
      LOG_FORMAT: 'json',
      SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
      NOTIFY_INTERVAL_MS: '1000',
      NOTIFY_PRIVATE_URLS: 'on',
    },
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGINT', timeout: 20_000 },
  },
})
