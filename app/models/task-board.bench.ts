// Board query and search-index cost over 10,000 tasks, against baselines from the same run:
//   npx tsx app/models/task-board.bench.ts
// Prints, per board query, ms/page and the ratio to a plain primary-key page of the tasks table;
// and the indexer's write cost with the search triggers against the same writes without them.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openDatabase } from '#db/client'
import { parseBoardFilter } from '~/tasks/board-filter'
import { getTaskPage } from './task-board.server'
import { generateWorld, putTask } from './testing/task-row-fixtures'

const COUNT = 10_000
const CHAIN = 31337

function timed(run: () => void, repeat = 1, warmUp = true): number {
  if (warmUp) run() // caches and prepared statements
  const start = performance.now()
  for (let i = 0; i < repeat; i++) run()
  return (performance.now() - start) / repeat
}

function tempDb(name: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `board-bench-${name}-`))
  return { ...openDatabase(path.join(dir, 'bench.sqlite')), dir }
}

// ── writes: the indexer's INSERT OR REPLACE pattern with and without the search triggers ──────
const plain = tempDb('plain')
const searched = tempDb('search')
// The migrations make the search triggers (0003_task_search): the baseline runs without them.
for (const name of plain.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'task_search_%'").pluck().all() as string[]) {
  plain.sqlite.exec(`DROP TRIGGER "${name}"`)
}
const writes = [plain, searched].map(({ sqlite }) => {
  let world!: ReturnType<typeof generateWorld>
  const create = timed(() => (world = generateWorld(sqlite, { chainId: CHAIN, count: COUNT })), 1, false)
  const rewrite = timed(() => sqlite.transaction(() => world.tasks.forEach((task) => putTask(sqlite, { ...task, state: 'taken' })))())
  return { create, rewrite, world }
})
console.log(`writes of ${COUNT} tasks (create = task + metadata + budget + applications; rewrite = a state change)`)
console.log(`  create  ${writes[1]!.create.toFixed(0)} ms with search vs ${writes[0]!.create.toFixed(0)} ms without (×${(writes[1]!.create / writes[0]!.create).toFixed(2)})`)
console.log(`  rewrite ${writes[1]!.rewrite.toFixed(0)} ms with search vs ${writes[0]!.rewrite.toFixed(0)} ms without (×${(writes[1]!.rewrite / writes[0]!.rewrite).toFixed(2)})`)

// ── reads: one board page per query ───────────────────────────────────────────────────────────
const { db, sqlite } = searched
const world = writes[1]!.world
const known = { openToken: world.openToken as `0x${string}` }
const baseline = timed(
  () => sqlite.prepare('SELECT * FROM tasks WHERE chain_id = ? ORDER BY task_id DESC LIMIT 25').all(CHAIN),
  200,
)
console.log(`\nboard pages over ${COUNT} tasks (baseline: a plain 25-row page of tasks, ${baseline.toFixed(3)} ms)`)
for (const query of [
  '',
  'state=open',
  'q=grafana',
  'q=dash telem&state=taken',
  'tag=rust',
  `manager=${world.managers[2]}`,
  `applicant=${world.applicants[3]}`,
  'sort=budget',
  'token=open&sort=budget',
  'sort=deadline&after=2024-01-01',
  'token=open&min=100&max=3000&sort=budget&tag=docs',
]) {
  const parsed = parseBoardFilter(new URLSearchParams(query))
  if ('error' in parsed) throw new Error(parsed.error)
  const ms = timed(() => getTaskPage(db, { chainId: CHAIN, filter: parsed.filter, known }), 20)
  console.log(`  ${(query || '(all)').padEnd(52)} ${ms.toFixed(2).padStart(7)} ms   ×${(ms / baseline).toFixed(0)}`)
}

for (const handle of [plain, searched]) {
  handle.close()
  fs.rmSync(handle.dir, { recursive: true, force: true })
}
