import type Database from 'better-sqlite3'

// Writes projection rows the way the indexer does (INSERT OR REPLACE of whole rows), so the
// query layer and the search triggers are tested against the real write pattern and volume.

export type TaskRow = {
  chainId: number
  taskId: number
  metadataUri: string
  title: string | null
  deadline: number
  manager: string
  state: 'open' | 'taken' | 'closed'
  nativeBudget: string
  createdAt: number
}

// Statements are prepared once per connection, as the indexer does (preparing a write on a
// table with triggers compiles the triggers too, which would dominate any timing).
const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>()
function prepared(sqlite: Database.Database, sql: string): Database.Statement {
  let cache = statements.get(sqlite)
  if (!cache) statements.set(sqlite, (cache = new Map()))
  let statement = cache.get(sql)
  if (!statement) cache.set(sql, (statement = sqlite.prepare(sql)))
  return statement
}

export function putTask(sqlite: Database.Database, row: TaskRow) {
  prepared(
    sqlite,
      `INSERT OR REPLACE INTO tasks (chain_id, task_id, metadata_uri, title, deadline, manager, dispute_manager, creator, state,
         escrow, native_budget, created_block, created_at, updated_block, updated_at)
       VALUES (@chainId, @taskId, @metadataUri, @title, @deadline, @manager, @manager, @manager, @state,
         '0x00000000000000000000000000000000000000e5', @nativeBudget, @taskId, @createdAt, @taskId, @createdAt)`,
  ).run({
    chainId: row.chainId,
    taskId: row.taskId,
    metadataUri: row.metadataUri,
    title: row.title,
    deadline: row.deadline,
    manager: row.manager,
    state: row.state,
    nativeBudget: row.nativeBudget,
    createdAt: row.createdAt,
  })
}

export function putBudget(sqlite: Database.Database, row: { chainId: number; taskId: number; position: number; token: string; amount: string }) {
  prepared(sqlite, 'INSERT OR REPLACE INTO task_budgets (chain_id, task_id, position, token, amount) VALUES (@chainId, @taskId, @position, @token, @amount)').run(row)
}

export function putApplication(
  sqlite: Database.Database,
  row: { chainId: number; taskId: number; applicationId: number; applicant: string; accepted?: boolean; metadataUri?: string },
) {
  prepared(
    sqlite,
      `INSERT OR REPLACE INTO task_applications (chain_id, task_id, application_id, applicant, metadata_uri, accepted, native_reward, reward, created_block, created_at)
       VALUES (@chainId, @taskId, @applicationId, @applicant, @metadataUri, @accepted, '[]', '[]', 1, 1)`,
  ).run({ metadataUri: '', ...row, accepted: row.accepted ? 1 : 0 })
}

export function putMetadata(
  sqlite: Database.Database,
  row: { chainId: number; uri: string; status: 'pending' | 'ok' | 'unavailable' | 'invalid'; content?: unknown; rawContent?: string; kind?: string },
) {
  prepared(
    sqlite,
      `INSERT OR REPLACE INTO metadata_documents (chain_id, uri, kind, status, title, content, error, attempts, next_attempt_at, fetched_at)
       VALUES (@chainId, @uri, @kind, @status, @title, @content, NULL, 0, 0, NULL)`,
  ).run({
      chainId: row.chainId,
      uri: row.uri,
      kind: row.kind ?? 'task',
      status: row.status,
      title:
        row.content && typeof row.content === 'object' && 'title' in row.content && typeof row.content.title === 'string'
          ? row.content.title
          : null,
      content: row.rawContent ?? (row.content === undefined ? null : JSON.stringify(row.content)),
    })
}

/** A small deterministic PRNG (mulberry32), so a generated world is the same on every run. */
export function random(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const words = ['indexer', 'dashboard', 'wallet', 'bridge', 'oracle', 'grafana', 'rust', 'solidity', 'docs', 'audit', 'zk', 'design', 'kubernetes', 'telemetry', 'xnode']
const tagPool = ['rust', 'solidity', 'frontend', 'docs', 'devops', 'research', 'design', 'security']

export type World = {
  managers: string[]
  applicants: string[]
  openToken: string
  tasks: (TaskRow & { tags: string[]; description: string; openBudget: string | null; applicantsOf: string[] })[]
}

/** `count` tasks on one chain with budgets, tags, metadata and applications, inserted in one transaction. */
export function generateWorld(sqlite: Database.Database, { chainId, count, seed = 1 }: { chainId: number; count: number; seed?: number }): World {
  const rand = random(seed)
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!
  const address = (n: number) => `0x${n.toString(16).padStart(40, '0')}`
  const managers = Array.from({ length: 20 }, (_, i) => address(0xa000 + i))
  const applicants = Array.from({ length: 50 }, (_, i) => address(0xb000 + i))
  const openToken = address(0x0e0e)
  const world: World = { managers, applicants, openToken, tasks: [] }
  sqlite.transaction(() => {
    for (let taskId = 0; taskId < count; taskId++) {
      const title = `${pick(words)} ${pick(words)} task ${taskId}`
      const tags = [...new Set([pick(tagPool), pick(tagPool)])]
      const description = `Work on the ${pick(words)} and the ${pick(words)}.`
      const uri = `ipfs://bafy${chainId.toString(36)}x${seed}x${taskId.toString(36)}`
      const state = pick(['open', 'open', 'taken', 'closed'] as const)
      const nativeBudget = rand() < 0.7 ? (BigInt(Math.floor(rand() * 10_000)) * 10n ** 15n).toString() : '0'
      const openBudget = rand() < 0.5 || nativeBudget === '0' ? (BigInt(1 + Math.floor(rand() * 5000)) * 10n ** 18n).toString() : null
      const row: TaskRow = {
        chainId,
        taskId,
        metadataUri: uri,
        title,
        deadline: 1_700_000_000 + Math.floor(rand() * 60_000_000),
        manager: pick(managers),
        state,
        nativeBudget,
        createdAt: 1_690_000_000 + taskId * 60,
      }
      putMetadata(sqlite, { chainId, uri, status: 'ok', content: { title, description, tags: tags.map((tag) => ({ tag })) } })
      putTask(sqlite, row)
      if (openBudget) putBudget(sqlite, { chainId, taskId, position: 0, token: openToken, amount: openBudget })
      const applicantsOf = [...new Set(Array.from({ length: Math.floor(rand() * 4) }, () => pick(applicants)))]
      applicantsOf.forEach((applicant, applicationId) => putApplication(sqlite, { chainId, taskId, applicationId, applicant }))
      world.tasks.push({ ...row, tags, description, openBudget, applicantsOf })
    }
  })()
  return world
}
