import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { toFtsQuery } from '../../app/models/task-search.server'
import { openDatabase } from '../client'
import { openPgDatabase, type PgDatabaseHandle } from './client'
import { startTemporaryServer, type PgServer } from './server'
import { toTsQuery } from './task-search'

// The task board's search gives the same tasks on both engines: SQLite's FTS5 (migration
// db/migrations/0003) and PostgreSQL's tsvector (db/migrations-pg/0001), fed the same rows
// through their triggers, asked the same search box texts — hostile ones included.

const CHAIN = 31337
let server: PgServer
let pg: PgDatabaseHandle
let sqlite: Database.Database
let closeSqlite: () => void
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-pg-search-'))

type Doc = { status?: string; content: unknown }
const tasks: { id: number; title: string | null; doc?: Doc }[] = [
  { id: 1, title: 'Grafana dashboards', doc: { content: { description: 'Panels for the telemetry collectors, running on k8s', tags: [{ tag: 'devops' }, 'rust'] } } },
  { id: 2, title: null, doc: { content: { title: 'Café naïve résumé', description: 'Ærø straße über Zürich — “quoted” text…', tags: ['Design', { tag: 'UX' }] } } },
  { id: 3, title: 'Run the generously funded runner', doc: { content: { description: 'runs ran running runner', tags: [] } } },
  { id: 4, title: 'foo_bar snake_case identifiers', doc: { content: { description: 'see https://example.com/path?q=1 or mail dev@example.org', tags: ['api'] } } },
  { id: 5, title: '日本語のタスク', doc: { content: { description: 'Привет мир, задача для разработчиков 🚀🔥', tags: ['中文'] } } },
  { id: 6, title: 'Version 1.2.3 release', doc: { content: { description: "don't stop: 3.5 1e5 0x1f abc123 x-ray e-mail", tags: ['v2', { tag: 42 }, { nope: 'x' }] } } },
  { id: 7, title: 'OR AND NOT NEAR', doc: { content: { description: 'operators as words: near or and not', tags: ['near'] } } },
  { id: 8, title: 'Unresolved document', doc: { status: 'unavailable', content: null } },
  { id: 9, title: null, doc: { content: { title: 42, description: ['not', 'text'], tags: 'not-an-array' } } },
  { id: 10, title: 'Apostrophe\'s "quotes" (parens) [brackets] {braces}', doc: { content: ['an', 'array', 'document'] } },
  { id: 11, title: 'Tags close together', doc: { content: { description: 'the end', tags: ['foo', 'bar', '  spaced  ', 'x'.repeat(40)] } } },
  { id: 12, title: 'No document at all' },
  { id: 13, title: 'Cafe\u0301 decomposed, Ελληνικά ά, 한국어 Ångström Ǆemal ŀl', doc: { content: { description: 'ﬁne ligature', tags: ['Ａ', '  '] } } },
]

const queries = [
  'grafana', 'GRAFANA', 'graf', 'telemetry collectors', 'running', 'run', 'runn', 'generous', 'generously', 'runner',
  'cafe', 'café', 'CAFÉ', 'naive', 'resume', 'aero', 'ærø', 'straße', 'strasse', 'uber', 'zurich', 'quoted',
  'foo_bar', 'foo bar', 'bar', 'snake_case', 'snake', 'case', 'foo_', '_bar', '___', '___ foo', 'example', 'com', 'example.com', 'dev@example.org', 'https',
  '日本語', '日本', 'Привет', 'привет мир', 'задача', '中文', '🚀', 'rocket 🚀',
  '1.2.3', '1', '2', '3', 'release', 'don\'t', 'don', 't', '3.5', '1e5', '0x1f', 'abc', 'abc123', 'x-ray', 'ray', 'e-mail',
  'OR', 'or', 'AND', 'NOT', 'NEAR', 'NEAR(foo bar)', 'near/2', 'a OR b', 'grafana OR rust', '-grafana', 'grafana -rust', 'NOT grafana',
  '"', '""', '"grafana', 'grafana"', "'", "''", "'grafana'", '*', '**', 'graf*', '*graf', '^grafana', 'title:grafana', 'description:panels',
  '(', ')', '()', '(grafana)', '((rust)', 'devops)', '[brackets]', '{braces}', 'parens', 'apostrophe', 'apostrophe\'s',
  ':*', '&', '|', '!', '<->', 'grafana & rust', 'grafana | rust', '!grafana', 'grafana:*', 'grafana:A', '\\', '\\\\grafana', '%', '_',
  'unresolved', 'document', 'not text', 'array', 'tags', 'devops', 'rust', 'design', 'ux', 'api', 'v2', '42', 'nope',
  'foo_bar_end', 'bar_spaced', 'spaced', 'x'.repeat(32), 'x'.repeat(33), 'close together', 'end',
  'a b c d e f g h i j k l grafana', 'grafana a b c d e f g h i j k l', '   ', '', '\u0000', 'gra\u0000fana', 'ﬁ', 'ﬁne', 'fine', 'Ｇｒａｆａｎａ', 'é', 'decomposed', 'ελληνικα', 'Ελληνικά', 'α', 'ά', '한국어', '한', 'angstrom', 'ångström', 'dzemal', 'ǆemal', 'l', 'ŀl', 'a',
]

function putBoth(task: (typeof tasks)[number]) {
  const uri = `ipfs://doc-${task.id}`
  sqlite
    .prepare(
      `INSERT OR REPLACE INTO tasks (chain_id, task_id, metadata_uri, title, deadline, manager, dispute_manager, creator, state, escrow, native_budget, created_block, created_at, updated_block, updated_at)
       VALUES (?, ?, ?, ?, 1, '0x01', '0x01', '0x01', 'open', '0x02', '0', 1, 1, 1, 1)`,
    )
    .run(CHAIN, task.id, uri, task.title)
  return pg.pool
    .query(
      `INSERT INTO tasks (chain_id, task_id, metadata_uri, title, deadline, manager, dispute_manager, creator, state, escrow, native_budget, created_block, created_at, updated_block, updated_at)
       VALUES ($1, $2, $3, $4, 1, '0x01', '0x01', '0x01', 'open', '0x02', '0', 1, 1, 1, 1)
       ON CONFLICT (chain_id, task_id) DO UPDATE SET metadata_uri = excluded.metadata_uri, title = excluded.title`,
      [CHAIN, task.id, uri, task.title],
    )
    .then(() => (task.doc ? putDocument(uri, task.doc) : undefined))
}

async function putDocument(uri: string, doc: Doc) {
  const status = doc.status ?? 'ok'
  const content = doc.content === null ? null : JSON.stringify(doc.content)
  sqlite
    .prepare("INSERT OR REPLACE INTO metadata_documents (chain_id, uri, kind, status, content) VALUES (?, ?, 'task', ?, ?)")
    .run(CHAIN, uri, status, content)
  await pg.pool.query(
    `INSERT INTO metadata_documents (chain_id, uri, kind, status, content) VALUES ($1, $2, 'task', $3, $4)
     ON CONFLICT (chain_id, uri) DO UPDATE SET status = excluded.status, content = excluded.content`,
    [CHAIN, uri, status, content],
  )
}

function searchSqlite(text: string): number[] {
  const fts = toFtsQuery(text)
  if (!fts) return []
  return sqlite
    .prepare('SELECT rowid - ? * 4294967296 FROM task_search_fts WHERE task_search_fts MATCH ? ORDER BY rowid')
    .pluck()
    .all(CHAIN, fts) as number[]
}

async function searchPg(text: string): Promise<number[]> {
  const tsquery = toTsQuery(text)
  if (!tsquery) return []
  const { rows } = await pg.pool.query<{ task_id: string }>(
    `SELECT task_id FROM task_search WHERE chain_id = $1 AND document @@ to_tsquery('portal_search', $2) ORDER BY task_id`,
    [CHAIN, tsquery],
  )
  return rows.map((row) => Number(row.task_id))
}

const tagsSqlite = (taskId: number) =>
  sqlite.prepare('SELECT tag FROM task_search_tags WHERE chain_id = ? AND task_id = ? ORDER BY lower(tag)').pluck().all(CHAIN, taskId)
const tagsPg = async (taskId: number) =>
  (await pg.pool.query<{ tag: string }>('SELECT tag FROM task_search_tags WHERE chain_id = $1 AND task_id = $2 ORDER BY lower(tag)', [CHAIN, taskId])).rows.map(
    (row) => row.tag,
  )

async function expectSameResults() {
  const differences: string[] = []
  let found = 0
  for (const query of queries) {
    const [expected, actual] = [searchSqlite(query), await searchPg(query)]
    if (expected.length > 0) found++
    if (JSON.stringify(expected) !== JSON.stringify(actual)) differences.push(`${JSON.stringify(query)}: FTS5 ${JSON.stringify(expected)}, PostgreSQL ${JSON.stringify(actual)}`)
  }
  expect(differences).toEqual([])
  return found
}

beforeAll(async () => {
  server = await startTemporaryServer(dir)
  pg = await openPgDatabase(server.url())
  ;({ sqlite, close: closeSqlite } = openDatabase(path.join(dir, 'search.sqlite')))
  for (const task of tasks) await putBoth(task)
}, 120_000)

afterAll(async () => {
  closeSqlite?.()
  await pg?.close()
  await server?.stop()
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('task search on PostgreSQL', () => {
  it('finds the same tasks as FTS5, in the same order, for every query of the corpus', async () => {
    const found = await expectSameResults()
    // The corpus means something: most queries find tasks, and a few known answers hold.
    expect(found).toBeGreaterThan(60)
    expect(await searchPg('running')).toEqual([1, 3])
    expect(await searchPg('cafe')).toEqual([2, 13])
    expect(await searchPg('foo_bar')).toEqual([4, 11]) // 11: tags foo and bar side by side, as in FTS5
    expect(await searchPg('grafana OR rust')).toEqual([])
  })

  it('keeps the same tags per task (trimmed, cut to 32, one per case)', async () => {
    for (const task of tasks) expect({ task: task.id, tags: await tagsPg(task.id) }).toEqual({ task: task.id, tags: tagsSqlite(task.id) })
    expect(await tagsPg(2)).toEqual(['Design', 'UX'])
  })

  it('follows the rows: a new document, a new title, a task renumbered or deleted', async () => {
    await putDocument('ipfs://doc-12', { content: { description: 'Now described: telemetry', tags: ['late'] } })
    await putBoth({ id: 3, title: 'Renamed entirely' })
    sqlite.prepare('DELETE FROM tasks WHERE chain_id = ? AND task_id = 1').run(CHAIN)
    await pg.pool.query('DELETE FROM tasks WHERE chain_id = $1 AND task_id = 1', [CHAIN])
    sqlite.prepare('UPDATE tasks SET task_id = 20 WHERE chain_id = ? AND task_id = 4').run(CHAIN)
    await pg.pool.query('UPDATE tasks SET task_id = 20 WHERE chain_id = $1 AND task_id = 4', [CHAIN])
    sqlite.prepare('UPDATE metadata_documents SET status = ? WHERE chain_id = ? AND uri = ?').run('invalid', CHAIN, 'ipfs://doc-2')
    await pg.pool.query('UPDATE metadata_documents SET status = $1 WHERE chain_id = $2 AND uri = $3', ['invalid', CHAIN, 'ipfs://doc-2'])

    expect(await searchPg('telemetry')).toEqual([12])
    expect(await searchPg('renamed')).toEqual([3])
    expect(await searchPg('runner')).toEqual([3]) // its document still says "runner"
    expect(await searchPg('cafe')).toEqual([13]) // 2's document is invalid now; 13 spells it decomposed
    expect(await searchPg('foo_bar')).toEqual([11, 20])
    expect(await tagsPg(12)).toEqual(['late'])
    await expectSameResults()
  })
})
