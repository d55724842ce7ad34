import type Database from 'better-sqlite3'
import type { Db } from '../../db/client'

// Full-text search and tag filtering over the tasks projection, kept in sync by triggers.
//
// The indexer owns `tasks` and `metadata_documents`; this module owns three derived objects:
//   task_search_fts   FTS5 over (title, description, tags); rowid = chain_id * 2^32 + task_id
//   task_search_tags  (chain_id, task_id, tag) for exact, indexed tag filters and the tag list
//   task_search_rows  what each task's search rows were built from (to skip no-op refreshes)
//   task_search_raw_logs_topic1  an index on raw_logs' first indexed topic, for a task's timeline
//   task_search_budgets_token    an index on task_budgets by token, for the board's token filter
// FTS5 tables cannot be described in the drizzle schema, so they are created here, idempotently,
// with triggers on the indexer's tables. Whoever writes a task or its metadata document — the
// indexer, a rebuild, a reorg rollback — fires the triggers in the same transaction, so the
// search index can never disagree with the projection it was derived from.
//
// Invariant: for every row of `tasks` there is exactly one task_search_fts row with its key, and
// task_search_tags holds exactly the tags of its metadata document (when resolved and valid).
//
// The indexer writes rows with INSERT OR REPLACE, which does not fire DELETE triggers, so the
// insert triggers delete the old search rows themselves before writing new ones.

const VERSION = 'v1'
const KEY = (alias: string) => `(${alias}.chain_id * 4294967296 + ${alias}.task_id)`

// Metadata documents are untrusted: every JSON function is guarded so a malformed document can
// never make a trigger (and with it the indexer's write) fail.
const VALID_DOC = `md.status = 'ok' AND json_valid(md.content)`
const DESCRIPTION = `CASE WHEN ${VALID_DOC} AND json_type(md.content, '$.description') = 'text'
  THEN substr(json_extract(md.content, '$.description'), 1, 20000) ELSE '' END`
const TAGS_ARRAY = `CASE WHEN ${VALID_DOC} AND json_type(md.content, '$.tags') = 'array'
  THEN json_extract(md.content, '$.tags') ELSE '[]' END`
const TAG_VALUE = `trim(substr(CASE
  WHEN tag.type = 'text' THEN tag.value
  WHEN tag.type = 'object' AND json_type(tag.value, '$.tag') = 'text' THEN json_extract(tag.value, '$.tag')
  END, 1, 32))`

/** SQL that recomputes the search rows of every task matching `where` (over alias t). */
function refreshSql(where: string): string {
  return `
  DELETE FROM task_search_fts WHERE rowid IN (SELECT ${KEY('t')} FROM tasks t WHERE ${where});
  INSERT INTO task_search_fts (rowid, title, description, tags)
    SELECT ${KEY('t')},
           coalesce(t.title, CASE WHEN ${VALID_DOC} AND json_type(md.content, '$.title') = 'text' THEN json_extract(md.content, '$.title') END, ''),
           ${DESCRIPTION},
           coalesce((SELECT group_concat(${TAG_VALUE}, ' ') FROM json_each(${TAGS_ARRAY}) AS tag), '')
    FROM tasks t LEFT JOIN metadata_documents md ON md.chain_id = t.chain_id AND md.uri = t.metadata_uri
    WHERE ${where};
  DELETE FROM task_search_tags WHERE (chain_id, task_id) IN (SELECT t.chain_id, t.task_id FROM tasks t WHERE ${where});
  INSERT OR REPLACE INTO task_search_rows (chain_id, task_id, metadata_uri, title)
    SELECT t.chain_id, t.task_id, t.metadata_uri, t.title FROM tasks t WHERE ${where};
  INSERT OR IGNORE INTO task_search_tags (chain_id, task_id, tag)
    SELECT t.chain_id, t.task_id, ${TAG_VALUE}
    FROM tasks t JOIN metadata_documents md ON md.chain_id = t.chain_id AND md.uri = t.metadata_uri, json_each(${TAGS_ARRAY}) AS tag
    WHERE (${where}) AND ${TAG_VALUE} IS NOT NULL AND ${TAG_VALUE} <> '';`
}

const forgetSql = (chainId: string, taskId: string) => `
  DELETE FROM task_search_fts WHERE rowid = ${chainId} * 4294967296 + ${taskId};
  DELETE FROM task_search_tags WHERE chain_id = ${chainId} AND task_id = ${taskId};
  DELETE FROM task_search_rows WHERE chain_id = ${chainId} AND task_id = ${taskId};`

// The indexer rewrites a task's row on every event (state, budget…); only a new title or
// metadata URI changes what is searchable, so rewrites that keep both skip the refresh.
const SEARCH_INPUTS_CHANGED = `NOT EXISTS (SELECT 1 FROM task_search_rows r
  WHERE r.chain_id = NEW.chain_id AND r.task_id = NEW.task_id AND r.metadata_uri = NEW.metadata_uri AND r.title IS NEW.title)`

const triggers: Record<string, string> = {
  tasks_insert: `AFTER INSERT ON tasks WHEN ${SEARCH_INPUTS_CHANGED} BEGIN ${refreshSql('t.chain_id = NEW.chain_id AND t.task_id = NEW.task_id')} END`,
  tasks_update: `AFTER UPDATE OF chain_id, task_id, title, metadata_uri ON tasks WHEN ${SEARCH_INPUTS_CHANGED} BEGIN
    ${forgetSql('OLD.chain_id', 'OLD.task_id')}
    ${refreshSql('t.chain_id = NEW.chain_id AND t.task_id = NEW.task_id')} END`,
  tasks_delete: `AFTER DELETE ON tasks BEGIN ${forgetSql('OLD.chain_id', 'OLD.task_id')} END`,
  metadata_insert: `AFTER INSERT ON metadata_documents BEGIN ${refreshSql('t.chain_id = NEW.chain_id AND t.metadata_uri = NEW.uri')} END`,
  metadata_update: `AFTER UPDATE ON metadata_documents BEGIN
    ${refreshSql('t.chain_id = OLD.chain_id AND t.metadata_uri = OLD.uri AND (OLD.uri <> NEW.uri OR OLD.chain_id <> NEW.chain_id)')}
    ${refreshSql('t.chain_id = NEW.chain_id AND t.metadata_uri = NEW.uri')} END`,
  metadata_delete: `AFTER DELETE ON metadata_documents BEGIN ${refreshSql('t.chain_id = OLD.chain_id AND t.metadata_uri = OLD.uri')} END`,
}

const triggerName = (name: string) => `task_search_${VERSION}_${name}`
const RAW_LOGS_INDEX = 'task_search_raw_logs_topic1'
const BUDGETS_INDEX = 'task_search_budgets_token'

/** The expression the timeline query must use to hit the raw_logs index. */
export const RAW_LOGS_TOPIC1 = `json_extract(topics, '$[1]')`

const CHECK_INTERVAL_MS = 5_000
const checkedAt = new WeakMap<Database.Database, number>()

/**
 * Makes sure the search tables, triggers and index exist and match this version; when anything
 * is missing (first run, a table rebuilt by a migration, an older version) they are recreated and
 * the search rows rebuilt from the projection, in one transaction. Cheap when all is in place,
 * and checked at most every few seconds per connection. Returns false when the projection tables
 * do not exist yet (search is then unavailable, not broken).
 */
export function ensureTaskSearch(sqlite: Database.Database, { force = false } = {}): boolean {
  const last = checkedAt.get(sqlite)
  if (!force && last !== undefined && Date.now() - last < CHECK_INTERVAL_MS) return true
  const present = new Set(
    (sqlite.prepare(`SELECT name FROM sqlite_master WHERE name LIKE 'task_search%' OR name IN ('tasks', 'metadata_documents', 'raw_logs', 'task_budgets')`).pluck().all() as string[]),
  )
  if (!['tasks', 'metadata_documents', 'raw_logs', 'task_budgets'].every((table) => present.has(table))) return false
  const expected = ['task_search_fts', 'task_search_tags', 'task_search_rows', RAW_LOGS_INDEX, BUDGETS_INDEX, ...Object.keys(triggers).map(triggerName)]
  if (!expected.every((name) => present.has(name))) {
    sqlite.transaction(() => install(sqlite, present)).immediate()
  }
  checkedAt.set(sqlite, Date.now())
  return true
}

function install(sqlite: Database.Database, present: Set<string>) {
  for (const name of present) {
    if (name.startsWith('task_search_') && !name.startsWith(`task_search_${VERSION}_`)) {
      const type = sqlite.prepare('SELECT type FROM sqlite_master WHERE name = ?').pluck().get(name) as string | undefined
      if (type === 'trigger') sqlite.exec(`DROP TRIGGER IF EXISTS "${name}"`)
    }
  }
  for (const name of Object.keys(triggers)) sqlite.exec(`DROP TRIGGER IF EXISTS "${triggerName(name)}"`)
  sqlite.exec(`
    CREATE VIRTUAL TABLE IF NOT EXISTS task_search_fts USING fts5(
      title, description, tags, tokenize = 'porter unicode61 remove_diacritics 2'
    );
    CREATE TABLE IF NOT EXISTS task_search_tags (
      chain_id INTEGER NOT NULL,
      task_id INTEGER NOT NULL,
      tag TEXT NOT NULL COLLATE NOCASE,
      PRIMARY KEY (chain_id, task_id, tag)
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS task_search_tags_by_tag ON task_search_tags (chain_id, tag, task_id);
    CREATE TABLE IF NOT EXISTS task_search_rows (
      chain_id INTEGER NOT NULL,
      task_id INTEGER NOT NULL,
      metadata_uri TEXT NOT NULL,
      title TEXT,
      PRIMARY KEY (chain_id, task_id)
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS ${RAW_LOGS_INDEX} ON raw_logs (chain_id, ${RAW_LOGS_TOPIC1});
    CREATE INDEX IF NOT EXISTS ${BUDGETS_INDEX} ON task_budgets (chain_id, token, task_id, position);
    DELETE FROM task_search_fts;
    DELETE FROM task_search_tags;
    DELETE FROM task_search_rows;
  `)
  for (const [name, body] of Object.entries(triggers)) {
    sqlite.exec(`CREATE TRIGGER "${triggerName(name)}" ${body}`)
  }
  sqlite.exec(refreshSql('1'))
}

/**
 * A user's search box text → an FTS5 query that cannot be a syntax error: every word becomes a
 * quoted prefix term, all of which must match. Empty when there is nothing to search for.
 */
export function toFtsQuery(text: string): string {
  const words = text
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}_]+/u)
    .filter((word) => word.length > 0)
    .slice(0, 12)
  return words.map((word) => `"${word.replace(/"/g, '""')}"*`).join(' ')
}

export function searchKey(chainId: number, taskId: number): number {
  return chainId * 4294967296 + taskId
}

/** The better-sqlite3 handle behind a drizzle database (drizzle() sets it; the Db type omits it). */
export function sqliteOf(db: Db): Database.Database {
  const client = (db as Db & { $client?: Database.Database }).$client
  if (!client) throw new Error('this drizzle database has no better-sqlite3 client')
  return client
}
