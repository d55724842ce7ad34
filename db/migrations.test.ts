import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { afterAll, describe, expect, it } from 'vitest'
import { migrationsFolder, openDatabase } from './client'

// The schema is whole once the migrations ran, before any process (app or indexer) starts: the
// task board's search objects come from migration 0003_task_search, not from request-time code.
// A database made by the old code (which created them from the app) migrates cleanly too.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-migrations-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

const CHAIN = 31337

function putTask(sqlite: Database.Database, taskId: number, uri: string, title: string | null) {
  sqlite
    .prepare(
      `INSERT OR REPLACE INTO tasks (chain_id, task_id, metadata_uri, title, deadline, manager, dispute_manager, creator, state, escrow, native_budget, created_block, created_at, updated_block, updated_at)
       VALUES (?, ?, ?, ?, 1, '0x01', '0x01', '0x01', 'open', '0x02', '0', 1, 1, 1, 1)`,
    )
    .run(CHAIN, taskId, uri, title)
}

function putDocument(sqlite: Database.Database, uri: string, content: unknown) {
  sqlite
    .prepare("INSERT OR REPLACE INTO metadata_documents (chain_id, uri, kind, status, content) VALUES (?, ?, 'task', 'ok', ?)")
    .run(CHAIN, uri, JSON.stringify(content))
}

const search = (sqlite: Database.Database, words: string) =>
  sqlite.prepare('SELECT rowid - ? * 4294967296 FROM task_search_fts WHERE task_search_fts MATCH ? ORDER BY rowid').pluck().all(CHAIN, words)
const tagsOf = (sqlite: Database.Database, taskId: number) =>
  sqlite.prepare('SELECT tag FROM task_search_tags WHERE chain_id = ? AND task_id = ? ORDER BY tag').pluck().all(CHAIN, taskId)

describe('migrations', () => {
  it('give a fresh database the search table, which finds a task by a word of its document', () => {
    const { sqlite, close } = openDatabase(path.join(dir, 'fresh.sqlite'))
    const objects = sqlite.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'task_search%' AND type IN ('table', 'trigger')").pluck().all()
    expect(objects).toEqual(expect.arrayContaining(['task_search_fts', 'task_search_tags', 'task_search_rows', 'task_search_tasks_insert', 'task_search_metadata_update']))

    putTask(sqlite, 1, 'ipfs://doc-1', 'Grafana dashboards')
    putDocument(sqlite, 'ipfs://doc-1', { description: 'Panels for the telemetry collectors', tags: [{ tag: 'devops' }, 'rust'] })
    expect(search(sqlite, '"telemetry"*')).toEqual([1])
    expect(search(sqlite, '"grafana"*')).toEqual([1])
    expect(tagsOf(sqlite, 1)).toEqual(['devops', 'rust'])
    // The indexer rewrites the row on every event: still one search row.
    putTask(sqlite, 1, 'ipfs://doc-1', 'Grafana dashboards')
    expect(sqlite.prepare('SELECT count(*) FROM task_search_fts').pluck().get()).toBe(1)
    close()
  })

  it('move a database the old code made to the migrated search objects, rebuilding its search rows', () => {
    const file = path.join(dir, 'old.sqlite')
    // The database as it was: the first two migrations, then what the app created at request time.
    const oldMigrations = path.join(dir, 'old-migrations')
    fs.mkdirSync(path.join(oldMigrations, 'meta'), { recursive: true })
    const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] }
    const kept = journal.entries.slice(0, 2)
    fs.writeFileSync(path.join(oldMigrations, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: kept }))
    for (const entry of kept) fs.copyFileSync(path.join(migrationsFolder, `${entry.tag}.sql`), path.join(oldMigrations, `${entry.tag}.sql`))
    const old = new Database(file)
    migrate(drizzle(old), { migrationsFolder: oldMigrations })
    old.exec(`
      CREATE VIRTUAL TABLE task_search_fts USING fts5(title, description, tags, tokenize = 'porter unicode61 remove_diacritics 2');
      CREATE TABLE task_search_tags (chain_id INTEGER NOT NULL, task_id INTEGER NOT NULL, tag TEXT NOT NULL COLLATE NOCASE, PRIMARY KEY (chain_id, task_id, tag)) WITHOUT ROWID;
      CREATE TABLE task_search_rows (chain_id INTEGER NOT NULL, task_id INTEGER NOT NULL, metadata_uri TEXT NOT NULL, title TEXT, PRIMARY KEY (chain_id, task_id)) WITHOUT ROWID;
      CREATE INDEX task_search_raw_logs_topic1 ON raw_logs (chain_id, json_extract(topics, '$[1]'));
      CREATE INDEX task_search_budgets_token ON task_budgets (chain_id, token, task_id, position);
      -- A stale search row, and an old trigger that would write a second one on every insert.
      INSERT INTO task_search_fts (rowid, title, description, tags) VALUES (${CHAIN} * 4294967296 + 7, 'stale words', '', '');
      CREATE TRIGGER task_search_v1_tasks_insert AFTER INSERT ON tasks BEGIN
        INSERT INTO task_search_fts (rowid, title, description, tags) VALUES (NEW.chain_id * 4294967296 + NEW.task_id + 1000, 'old trigger', '', '');
      END;
    `)
    putDocument(old, 'ipfs://doc-7', { title: 'Oracle bridge', description: 'Relay prices across chains', tags: [{ tag: 'solidity' }] })
    putTask(old, 7, 'ipfs://doc-7', 'Oracle bridge')
    old.close()

    const { sqlite, close } = openDatabase(file)
    const names = sqlite.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'task_search%'").pluck().all()
    expect(names).not.toContain('task_search_v1_tasks_insert')
    expect(names).not.toContain('task_search_raw_logs_topic1')
    expect(names).not.toContain('task_search_budgets_token')
    // The task indexed before the migration is searchable; nothing stale is left.
    expect(search(sqlite, '"oracle"*')).toEqual([7])
    expect(search(sqlite, '"stale"*')).toEqual([])
    expect(search(sqlite, '"old"*')).toEqual([])
    // Task documents cached before documents/ kept every field are fetched again (0004); once the
    // resolver has them, their text and tags are searchable through the migrated triggers.
    expect(sqlite.prepare('SELECT status FROM metadata_documents WHERE uri = ?').pluck().get('ipfs://doc-7')).toBe('pending')
    expect(search(sqlite, '"relay"*')).toEqual([])
    sqlite.prepare("UPDATE metadata_documents SET status = 'ok' WHERE uri = ?").run('ipfs://doc-7')
    expect(search(sqlite, '"relay"*')).toEqual([7])
    expect(tagsOf(sqlite, 7)).toEqual(['solidity'])
    putTask(sqlite, 8, 'ipfs://none', 'Second task')
    expect(search(sqlite, '"second"*')).toEqual([8])
    expect(sqlite.prepare('SELECT count(*) FROM task_search_fts').pluck().get()).toBe(2)
    close()
  })
})
