import { spawnSync } from 'node:child_process'
import fs from 'node:fs'

// `npm test`: every check, in the order that fails fastest. Each stage's own output is
// shown; the last line sums the test counts of Vitest and Playwright.

type Stage = { name: string; command: string[]; results?: string }

const stages: Stage[] = [
  { name: 'typecheck', command: ['node_modules/.bin/tsc', '--noEmit'] },
  { name: 'contract artifacts match sources', command: ['node_modules/.bin/tsx', 'contracts/build.ts', '--check'] },
  { name: 'courses', command: ['node_modules/.bin/tsx', 'scripts/courses-check.ts'] },
  {
    name: 'unit and integration tests (vitest)',
    command: ['node_modules/.bin/vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=.cache/vitest-results.json'],
    results: '.cache/vitest-results.json',
  },
  { name: 'browser', command: ['node_modules/.bin/tsx', 'scripts/ensure-chromium.ts'] },
  { name: 'end-to-end tests (playwright, chromium)', command: ['node_modules/.bin/playwright', 'test'], results: '.cache/playwright-results.json' },
]

let passed = 0
let failed = 0
let skipped = 0
const failedStages: string[] = []
fs.mkdirSync('.cache', { recursive: true })

for (const stage of stages) {
  console.log(`\n▶ ${stage.name}`)
  if (stage.results) fs.rmSync(stage.results, { force: true })
  const started = Date.now()
  const run = spawnSync(stage.command[0]!, stage.command.slice(1), { stdio: 'inherit' })
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  if (stage.results) countResults(stage.results)
  if (run.status !== 0) {
    // Later stages still run, so one red run shows every failure at once.
    console.error(`✖ ${stage.name} failed after ${seconds}s`)
    failedStages.push(stage.name)
    continue
  }
  console.log(`✔ ${stage.name} (${seconds}s)`)
}
finish()

function countResults(file: string) {
  if (!fs.existsSync(file)) return
  const report = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    numPassedTests?: number
    numFailedTests?: number
    numPendingTests?: number
    numTodoTests?: number
    stats?: { expected: number; unexpected: number; flaky: number; skipped: number }
  }
  if (report.stats) {
    passed += report.stats.expected + report.stats.flaky
    failed += report.stats.unexpected
    skipped += report.stats.skipped
  } else {
    passed += report.numPassedTests ?? 0
    failed += report.numFailedTests ?? 0
    skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)
  }
}

function finish(): never {
  if (failedStages.length) console.error(`\nfailed: ${failedStages.join(', ')}`)
  // A stage that failed without a counted failing test (a type error, a crash) counts as one failure.
  const failures = Math.max(failed, failedStages.length > 0 && failed === 0 ? 1 : 0)
  console.log(`\n${passed} passed, ${failures} failed${skipped ? `, ${skipped} skipped` : ''}`)
  process.exit(failures > 0 || passed === 0 ? 1 : 0)
}
