import { spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

// A production build of the app in its own folder (remix.config.js's REMIX_BUILD_DIR), made
// once per version of the sources: the tests that start a real server and `npm run bench:bundle`
// read it, and never race a running portal's build/ or each other (a lock folder serialises
// concurrent test files; the second one waits, then finds the build made).

const ROOT = path.resolve('.cache/remix-build')
// The app and what it imports from outside app/ (package.json's #imports): all of it is bundled.
const INPUTS = ['app', 'db', 'config', 'contracts-abi', 'devnet', 'documents', 'remix.config.js', 'package.json', 'package-lock.json', 'tsconfig.json']
const LOCK_STALE_MS = 5 * 60_000

export type RemixBuild = {
  dir: string
  /** The server bundle (build/index.js). */
  serverBuildPath: string
  /** The browser bundle, served at /build/. */
  assetsDir: string
}

export function ensureRemixBuild(): RemixBuild {
  const dir = path.join(ROOT, sourceHash())
  const build = { dir, serverBuildPath: path.join(dir, 'build/index.js'), assetsDir: path.join(dir, 'public/build') }
  const done = path.join(dir, 'complete')
  if (fs.existsSync(done)) return build
  withLock(() => {
    if (fs.existsSync(done)) return
    fs.rmSync(dir, { recursive: true, force: true })
    const result = spawnSync('node_modules/.bin/remix', ['build'], {
      env: { ...process.env, NODE_ENV: 'production', REMIX_BUILD_DIR: dir },
      encoding: 'utf8',
    })
    if (result.status !== 0) throw new Error(`remix build failed:\n${result.stdout}\n${result.stderr}`)
    fs.writeFileSync(done, new Date().toISOString())
    // Older builds are of no use once the sources changed.
    for (const other of fs.readdirSync(ROOT)) {
      if (other !== path.basename(dir) && !other.endsWith('.lock')) fs.rmSync(path.join(ROOT, other), { recursive: true, force: true })
    }
  })
  return build
}

function sourceHash(): string {
  const hash = crypto.createHash('sha256')
  const add = (file: string) => {
    if (fs.statSync(file).isDirectory()) {
      for (const entry of fs.readdirSync(file).sort()) add(path.join(file, entry))
    } else {
      hash.update(file).update('\0').update(fs.readFileSync(file)).update('\0')
    }
  }
  for (const input of INPUTS) add(input)
  return hash.digest('hex').slice(0, 16)
}

function withLock(work: () => void): void {
  fs.mkdirSync(ROOT, { recursive: true })
  const lock = path.join(ROOT, 'build.lock')
  const deadline = Date.now() + LOCK_STALE_MS
  for (;;) {
    try {
      fs.mkdirSync(lock)
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const held = fs.statSync(lock, { throwIfNoEntry: false })
      if (!held) continue
      // A build killed half-way leaves its lock behind; one older than any build is stale.
      if (Date.now() - held.mtimeMs > LOCK_STALE_MS || Date.now() > deadline) {
        fs.rmSync(lock, { recursive: true, force: true })
        continue
      }
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250)
    }
  }
  try {
    work()
  } finally {
    fs.rmSync(lock, { recursive: true, force: true })
  }
}
