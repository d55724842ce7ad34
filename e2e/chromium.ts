import fs from 'node:fs'
import { chromium } from '@playwright/test'

// Which Chromium the e2e suite drives: CHROMIUM_PATH, else Debian's /usr/bin/chromium, else
// the browser Playwright installed for itself. undefined means "none found".
export function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', safePlaywrightPath()]
  return candidates.find((candidate): candidate is string => Boolean(candidate && fs.existsSync(candidate)))
}

function safePlaywrightPath(): string | undefined {
  try {
    return chromium.executablePath()
  } catch {
    return undefined
  }
}

/** Flags for a headless Chromium in a sandbox with no outside network. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]
