import autocannon from 'autocannon'
import { cpuTimes } from '../../indexer/bench/cpu'
import { BASELINE, type Target } from './world'

const BASELINE_PATH = BASELINE.path

// One autocannon run per target against the running server, and the table `npm run bench:web`
// prints: throughput and latency per page, each page as a ratio of the static file's
// throughput measured in the same run, and the server's CPU time per request (what the page
// costs whatever else the machine is doing).

export type Measurement = {
  target: Target
  requestsPerSecond: number
  p50: number
  p99: number
  requests: number
  /** Answers that were not 2xx, plus connection errors and timeouts. */
  failures: number
  /** The server process's CPU time per answered request, in ms (null without /proc). */
  cpuMsPerRequest: number | null
}

export type MeasureOptions = { origin: string; serverPid: number; connections: number; seconds: number }

/** Browsers ask for compressed answers; so does the benchmark, so compression is part of the cost. */
const HEADERS = { 'accept-encoding': 'gzip', accept: 'text/html' }

/** One request first: compiles what the page compiles once (a lesson's MDX) and checks it answers 200. */
export async function warmUp(origin: string, target: Target): Promise<void> {
  const response = await fetch(new URL(target.path, origin), { headers: HEADERS })
  await response.arrayBuffer()
  if (response.status !== 200) throw new Error(`${target.name} (${target.path}) answered ${response.status}, not 200`)
}

export async function measure(target: Target, options: MeasureOptions): Promise<Measurement> {
  const before = cpuTimes(options.serverPid)
  const result = await autocannon({
    url: new URL(target.path, options.origin).href,
    connections: options.connections,
    duration: options.seconds,
    headers: HEADERS,
  })
  const after = cpuTimes(options.serverPid)
  const answered = result['2xx']
  await drain(options.origin)
  return {
    target,
    requestsPerSecond: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    // Nothing answered at all in the time given counts as a failure too.
    failures: result.non2xx + result.errors + result.timeouts + (result.requests.total === 0 ? 1 : 0),
    cpuMsPerRequest: before && after && answered > 0 ? (after.otherMs - before.otherMs) / answered : null,
  }
}

/**
 * Waits until the server has worked through what the last run left in flight (requests slower
 * than the run are still being computed after autocannon stops), so the next target starts on an
 * idle server.
 */
async function drain(origin: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const started = performance.now()
    await (await fetch(new URL(BASELINE_PATH, origin))).arrayBuffer()
    if (performance.now() - started < 50) return
  }
}

export type Goals = { minRatio: number; maxTailRatio: number }

export const GOALS: Goals = { minRatio: 0.25, maxTailRatio: 4 }

/** The printed table: one line per target, the baseline first; a page missing a goal is marked. */
export function formatMeasurements(baseline: Measurement, pages: Measurement[], goals: Goals = GOALS): string {
  const header = `${'target'.padEnd(44)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'× static'.padStart(9)} ${'p99/p50'.padStart(8)} ${'cpu ms/req'.padStart(11)}  goal`
  const line = (m: Measurement, isBaseline: boolean) => {
    const ratio = m.requestsPerSecond / baseline.requestsPerSecond
    const tail = m.p99 / Math.max(1, m.p50)
    const misses = [
      !isBaseline && ratio < goals.minRatio ? `< ${goals.minRatio}×` : null,
      tail > goals.maxTailRatio ? `p99 > ${goals.maxTailRatio}×p50` : null,
      m.failures > 0 ? `${m.failures} failed` : null,
    ].filter(Boolean)
    const label = `${m.target.name} ${m.target.path}`
    return [
      (label.length > 44 ? `${label.slice(0, 43)}…` : label).padEnd(44),
      m.requestsPerSecond.toFixed(0).padStart(8),
      String(m.p50).padStart(7),
      String(m.p99).padStart(7),
      (isBaseline ? 'baseline' : `${ratio.toFixed(3)}×`).padStart(9),
      tail.toFixed(1).padStart(8),
      (m.cpuMsPerRequest === null ? '—' : m.cpuMsPerRequest.toFixed(2)).padStart(11),
      ` ${misses.length ? `✗ ${misses.join(', ')}` : '✓'}`,
    ].join(' ')
  }
  return [header, line(baseline, true), ...pages.map((page) => line(page, false))].join('\n')
}
