import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import { findChromium } from '../e2e/chromium'

// Before the e2e suite: make sure a Chromium exists. Root on Debian gets Debian's package;
// anyone else gets one line saying how to get one. The suite is never skipped silently.

const found = findChromium()
if (found) process.exit(0)

const isDebian = fs.existsSync('/etc/debian_version')
const isRoot = process.getuid?.() === 0
if (isDebian && isRoot) {
  console.log('e2e: no Chromium found; installing Debian’s chromium package…')
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' })
  const install = update.status === 0 ? spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit' }) : update
  if (install.status === 0 && findChromium()) process.exit(0)
}
console.error(
  'e2e: no Chromium found. Install one (Debian/Ubuntu: `sudo apt-get install chromium`) or set CHROMIUM_PATH to a Chromium binary.',
)
process.exit(1)
