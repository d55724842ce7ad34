import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { findFreePort, startAnvil } from '../devnet/anvil'
import { summarizeCpuProfile } from './bench-web/cpu-profile'
import { formatMeasurements, measure, warmUp, type Measurement } from './bench-web/measure'
import { BASELINE, BENCH_DEPLOYMENT_ENV, FULL_SIZE, QUICK_SIZE, seedBenchDatabase } from './bench-web/world'
import { startWebServerProcess } from './web-server-process'

// `npm run bench:web`: the portal's pages under load. Seeds a database (10k tasks, 1k proposals,
// 500 contributors; `--quick`: a tenth, for the smoke test), starts the production build as
// `npm start` does (server/index.ts, NODE_ENV=production, a local anvil as its chain), and drives
// each page with autocannon at 32 connections for 10 s, beside a static file of the same server
// as the baseline (measured first and last; the mean is the baseline).
//
//   npm run bench:web [-- --quick] [--seconds=N] [--connections=N] [--only=contributors] [--cpu-prof]
//
// --cpu-prof serves the pages from a second server under node --cpu-prof, prints where their CPU
// time went and where the profile is (open it in Chrome DevTools for the whole picture).
// Exits 1 when a request failed; the goals (≥ 0.25× the baseline, p99 ≤ 4× p50) are marked, not enforced.

const CHAIN_ID = 31337
const args = process.argv.slice(2)
const flag = (name: string) => args.includes(`--${name}`)
const option = (name: string) => args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3)
const quick = flag('quick')
const seconds = Number(option('seconds') ?? (quick ? 2 : 10))
const connections = Number(option('connections') ?? 32)
const only = option('only')
const profile = flag('cpu-prof')
const size = quick ? QUICK_SIZE : FULL_SIZE

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-web-'))
const profileDir = path.join(workDir, 'cpu-profile')
const anvil = await startAnvil({ chainId: CHAIN_ID })
const stops: (() => Promise<void>)[] = []
try {
  const databasePath = path.join(workDir, 'portal.sqlite')
  const seeding = Date.now()
  const targets = seedBenchDatabase(databasePath, size, CHAIN_ID).filter((target) => !only || target.name.includes(only) || target.path.includes(only))
  console.log(
    `bench:web: ${size.tasks} tasks, ${size.proposals} proposals, ${size.contributors} contributors (seeded in ${((Date.now() - seeding) / 1000).toFixed(1)} s); ` +
      `${connections} connections, ${seconds} s per target; ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)}`,
  )
  const startServer = async (nodeArgs: string[]) => {
    const port = await findFreePort()
    const server = await startWebServerProcess({
      port,
      nodeArgs,
      env: {
        NODE_ENV: 'production',
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        DATA_DIR: workDir,
        DATABASE_PATH: databasePath,
        ANVIL_PORT: String(anvil.port),
        CHAIN_ID: String(CHAIN_ID),
        SESSION_SECRET: 'bench-web-session-secret-0123456789abcdef',
        ISSUER_PRIVATE_KEY: `0x${'11'.repeat(32)}`,
        MDX_CACHE_DIR: path.join(workDir, 'mdx'),
        ...BENCH_DEPLOYMENT_ENV,
      },
    })
    stops.push(server.stop)
    return server
  }
  const server = await startServer([])
  // A profile of the pages alone: they run on a second, profiled server, the baseline on the first.
  const pageServer = profile ? await startServer(['--cpu-prof', `--cpu-prof-dir=${profileDir}`]) : server
  const run = (on: typeof server) => ({ origin: on.origin, serverPid: on.pid, connections, seconds })
  await warmUp(server.origin, BASELINE)
  for (const target of targets) await warmUp(pageServer.origin, target)
  const first = await measure(BASELINE, run(server))
  const pages: Measurement[] = []
  for (const target of targets) pages.push(await measure(target, run(pageServer)))
  const last = await measure(BASELINE, run(server))
  const baseline = averageOf(first, last)
  console.log(formatMeasurements(baseline, pages))
  console.log(`(baseline: ${first.requestsPerSecond.toFixed(0)} req/s before the pages, ${last.requestsPerSecond.toFixed(0)} after)`)
  if (profile) {
    await pageServer.stop()
    // Node writes one profile per thread; the largest is the main thread's.
    const written = fs.readdirSync(profileDir).map((name) => path.join(profileDir, name))
    const main = written.sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0]
    console.log(main ? `\nCPU profile of the web server serving the pages: ${main}\n${summarizeCpuProfile(main)}` : 'no CPU profile was written')
  }
  const failed = [first, last, ...pages].filter((m) => m.failures > 0)
  if (failed.length) {
    console.error(`requests failed on: ${failed.map((m) => m.target.path).join(', ')}\n${pageServer.output().slice(-4000)}`)
    process.exitCode = 1
  }
} finally {
  for (const stop of stops) await stop()
  await anvil.stop()
  if (!profile) fs.rmSync(workDir, { recursive: true, force: true })
}

function averageOf(a: Measurement, b: Measurement): Measurement {
  const mean = (x: number, y: number) => (x + y) / 2
  return {
    target: a.target,
    requestsPerSecond: mean(a.requestsPerSecond, b.requestsPerSecond),
    p50: Math.round(mean(a.p50, b.p50)),
    p99: Math.round(mean(a.p99, b.p99)),
    requests: a.requests + b.requests,
    failures: a.failures + b.failures,
    cpuMsPerRequest: a.cpuMsPerRequest === null || b.cpuMsPerRequest === null ? null : mean(a.cpuMsPerRequest, b.cpuMsPerRequest),
  }
}
