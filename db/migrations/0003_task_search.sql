-- The task board's search: FTS5 over (title, description, tags) and exact tag filters, kept in step
-- with `tasks` and `metadata_documents` by triggers, so whoever writes a task or its document (the
-- indexer, a rebuild, a reorg rollback) updates the search in the same transaction.
--   task_search_fts        FTS5 over (title, description, tags); rowid = chain_id * 2^32 + task_id
--   task_search_tags       (chain_id, task_id, tag) for exact, indexed tag filters and the tag list
--   task_search_rows       what each task's search rows were built from (to skip no-op refreshes)
--   task_search_text       (view) what a task's search row holds, from the task and its document
--   task_search_doc_tags   (view) the tags of a task's document
-- Invariant: every row of `tasks` has exactly one task_search_fts row with its key, and
-- task_search_tags holds exactly the tags of its metadata document (when resolved and valid).
-- Documents are untrusted: every JSON function is guarded, so no document can make a trigger (and
-- the indexer's write with it) fail. The indexer rewrites rows as upserts, and INSERT OR REPLACE
-- fires no DELETE trigger, so the insert triggers delete a task's old search rows themselves.
--
-- Databases made before this migration got these objects from the app at request time (the same
-- names, triggers task_search_v1_*): they are dropped and made again here, and the search rows
-- rebuilt from the projection. The raw_logs index the old timeline query used goes too (the
-- timeline is the task_events projection now); the budgets index is task_budgets_token (0002).
DROP TRIGGER IF EXISTS task_search_v1_tasks_insert;
--> statement-breakpoint
DROP TRIGGER IF EXISTS task_search_v1_tasks_update;
--> statement-breakpoint
DROP TRIGGER IF EXISTS task_search_v1_tasks_delete;
--> statement-breakpoint
DROP TRIGGER IF EXISTS task_search_v1_metadata_insert;
--> statement-breakpoint
DROP TRIGGER IF EXISTS task_search_v1_metadata_update;
--> statement-breakpoint
DROP TRIGGER IF EXISTS task_search_v1_metadata_delete;
--> statement-breakpoint
DROP INDEX IF EXISTS task_search_raw_logs_topic1;
--> statement-breakpoint
DROP INDEX IF EXISTS task_search_budgets_token;
--> statement-breakpoint
DROP TABLE IF EXISTS task_search_fts;
--> statement-breakpoint
DROP TABLE IF EXISTS task_search_tags;
--> statement-breakpoint
DROP TABLE IF EXISTS task_search_rows;
--> statement-breakpoint
CREATE VIRTUAL TABLE task_search_fts USING fts5(
  title, description, tags, tokenize = 'porter unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TABLE task_search_tags (
  chain_id INTEGER NOT NULL,
  task_id INTEGER NOT NULL,
  tag TEXT NOT NULL COLLATE NOCASE,
  PRIMARY KEY (chain_id, task_id, tag)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX task_search_tags_by_tag ON task_search_tags (chain_id, tag, task_id);
--> statement-breakpoint
CREATE TABLE task_search_rows (
  chain_id INTEGER NOT NULL,
  task_id INTEGER NOT NULL,
  metadata_uri TEXT NOT NULL,
  title TEXT,
  PRIMARY KEY (chain_id, task_id)
) WITHOUT ROWID;
--> statement-breakpoint
-- A task's document, when it is resolved and valid JSON: its fields, type-checked.
CREATE VIEW task_search_documents AS
SELECT t.chain_id, t.task_id, t.metadata_uri, t.title AS task_title,
  CASE WHEN json_type(md.content, '$.title') = 'text' THEN json_extract(md.content, '$.title') END AS title,
  CASE WHEN json_type(md.content, '$.description') = 'text' THEN substr(json_extract(md.content, '$.description'), 1, 20000) ELSE '' END AS description,
  CASE WHEN json_type(md.content, '$.tags') = 'array' THEN json_extract(md.content, '$.tags') ELSE '[]' END AS tags
FROM tasks t
LEFT JOIN metadata_documents md ON md.chain_id = t.chain_id AND md.uri = t.metadata_uri AND md.status = 'ok' AND json_valid(md.content);
--> statement-breakpoint
-- Each tag of a task's document ({ "tag": "…" } or a plain string), trimmed and cut to 32 characters.
CREATE VIEW task_search_doc_tags AS
SELECT d.chain_id, d.task_id, d.metadata_uri, tag FROM (
  SELECT d.chain_id, d.task_id, d.metadata_uri, trim(substr(CASE
    WHEN item.type = 'text' THEN item.value
    WHEN item.type = 'object' AND json_type(item.value, '$.tag') = 'text' THEN json_extract(item.value, '$.tag')
  END, 1, 32)) AS tag
  FROM task_search_documents d, json_each(d.tags) AS item
) d WHERE tag IS NOT NULL AND tag <> '';
--> statement-breakpoint
-- What a task's search row holds.
CREATE VIEW task_search_text AS
SELECT d.chain_id, d.task_id, d.metadata_uri, d.chain_id * 4294967296 + d.task_id AS key,
  coalesce(d.task_title, d.title, '') AS title,
  d.description,
  coalesce((SELECT group_concat(g.tag, ' ') FROM task_search_doc_tags g WHERE g.chain_id = d.chain_id AND g.task_id = d.task_id), '') AS tags
FROM task_search_documents d;
--> statement-breakpoint
-- The triggers, and the rebuild at the end, refresh a task's search rows in five statements:
--   DELETE its FTS row; INSERT it from task_search_text; DELETE its tags; note what the rows were
--   built from (task_search_rows); INSERT its tags from task_search_doc_tags.
-- The indexer rewrites a task's row on every event (state, budget…); only a new title or metadata
-- URI changes what is searchable, so task rewrites that keep both skip the refresh.
CREATE TRIGGER task_search_tasks_insert AFTER INSERT ON tasks
WHEN NOT EXISTS (SELECT 1 FROM task_search_rows r
  WHERE r.chain_id = NEW.chain_id AND r.task_id = NEW.task_id AND r.metadata_uri = NEW.metadata_uri AND r.title IS NEW.title)
BEGIN
  DELETE FROM task_search_fts WHERE rowid = NEW.chain_id * 4294967296 + NEW.task_id;
  INSERT INTO task_search_fts (rowid, title, description, tags)
    SELECT key, title, description, tags FROM task_search_text WHERE chain_id = NEW.chain_id AND task_id = NEW.task_id;
  DELETE FROM task_search_tags WHERE chain_id = NEW.chain_id AND task_id = NEW.task_id;
  INSERT OR REPLACE INTO task_search_rows (chain_id, task_id, metadata_uri, title) VALUES (NEW.chain_id, NEW.task_id, NEW.metadata_uri, NEW.title);
  INSERT OR IGNORE INTO task_search_tags (chain_id, task_id, tag)
    SELECT chain_id, task_id, tag FROM task_search_doc_tags WHERE chain_id = NEW.chain_id AND task_id = NEW.task_id;
END;
--> statement-breakpoint
CREATE TRIGGER task_search_tasks_update AFTER UPDATE OF chain_id, task_id, title, metadata_uri ON tasks
WHEN NOT EXISTS (SELECT 1 FROM task_search_rows r
  WHERE r.chain_id = NEW.chain_id AND r.task_id = NEW.task_id AND r.metadata_uri = NEW.metadata_uri AND r.title IS NEW.title)
BEGIN
  DELETE FROM task_search_fts WHERE rowid = OLD.chain_id * 4294967296 + OLD.task_id;
  DELETE FROM task_search_tags WHERE chain_id = OLD.chain_id AND task_id = OLD.task_id;
  DELETE FROM task_search_rows WHERE chain_id = OLD.chain_id AND task_id = OLD.task_id;
  DELETE FROM task_search_fts WHERE rowid = NEW.chain_id * 4294967296 + NEW.task_id;
  INSERT INTO task_search_fts (rowid, title, description, tags)
    SELECT key, title, description, tags FROM task_search_text WHERE chain_id = NEW.chain_id AND task_id = NEW.task_id;
  DELETE FROM task_search_tags WHERE chain_id = NEW.chain_id AND task_id = NEW.task_id;
  INSERT OR REPLACE INTO task_search_rows (chain_id, task_id, metadata_uri, title) VALUES (NEW.chain_id, NEW.task_id, NEW.metadata_uri, NEW.title);
  INSERT OR IGNORE INTO task_search_tags (chain_id, task_id, tag)
    SELECT chain_id, task_id, tag FROM task_search_doc_tags WHERE chain_id = NEW.chain_id AND task_id = NEW.task_id;
END;
--> statement-breakpoint
CREATE TRIGGER task_search_tasks_delete AFTER DELETE ON tasks
BEGIN
  DELETE FROM task_search_fts WHERE rowid = OLD.chain_id * 4294967296 + OLD.task_id;
  DELETE FROM task_search_tags WHERE chain_id = OLD.chain_id AND task_id = OLD.task_id;
  DELETE FROM task_search_rows WHERE chain_id = OLD.chain_id AND task_id = OLD.task_id;
END;
--> statement-breakpoint
-- A document (re)resolved, changed or dropped: every task that points at it.
CREATE TRIGGER task_search_metadata_insert AFTER INSERT ON metadata_documents
BEGIN
  DELETE FROM task_search_fts WHERE rowid IN (SELECT chain_id * 4294967296 + task_id FROM tasks WHERE chain_id = NEW.chain_id AND metadata_uri = NEW.uri);
  INSERT INTO task_search_fts (rowid, title, description, tags)
    SELECT key, title, description, tags FROM task_search_text WHERE chain_id = NEW.chain_id AND metadata_uri = NEW.uri;
  DELETE FROM task_search_tags WHERE (chain_id, task_id) IN (SELECT chain_id, task_id FROM tasks WHERE chain_id = NEW.chain_id AND metadata_uri = NEW.uri);
  INSERT OR IGNORE INTO task_search_tags (chain_id, task_id, tag)
    SELECT chain_id, task_id, tag FROM task_search_doc_tags WHERE chain_id = NEW.chain_id AND metadata_uri = NEW.uri;
END;
--> statement-breakpoint
CREATE TRIGGER task_search_metadata_update AFTER UPDATE ON metadata_documents
BEGIN
  DELETE FROM task_search_fts WHERE rowid IN (SELECT chain_id * 4294967296 + task_id FROM tasks
    WHERE (chain_id = OLD.chain_id AND metadata_uri = OLD.uri) OR (chain_id = NEW.chain_id AND metadata_uri = NEW.uri));
  INSERT INTO task_search_fts (rowid, title, description, tags)
    SELECT key, title, description, tags FROM task_search_text
    WHERE (chain_id = OLD.chain_id AND metadata_uri = OLD.uri) OR (chain_id = NEW.chain_id AND metadata_uri = NEW.uri);
  DELETE FROM task_search_tags WHERE (chain_id, task_id) IN (SELECT chain_id, task_id FROM tasks
    WHERE (chain_id = OLD.chain_id AND metadata_uri = OLD.uri) OR (chain_id = NEW.chain_id AND metadata_uri = NEW.uri));
  INSERT OR IGNORE INTO task_search_tags (chain_id, task_id, tag)
    SELECT chain_id, task_id, tag FROM task_search_doc_tags
    WHERE (chain_id = OLD.chain_id AND metadata_uri = OLD.uri) OR (chain_id = NEW.chain_id AND metadata_uri = NEW.uri);
END;
--> statement-breakpoint
CREATE TRIGGER task_search_metadata_delete AFTER DELETE ON metadata_documents
BEGIN
  DELETE FROM task_search_fts WHERE rowid IN (SELECT chain_id * 4294967296 + task_id FROM tasks WHERE chain_id = OLD.chain_id AND metadata_uri = OLD.uri);
  INSERT INTO task_search_fts (rowid, title, description, tags)
    SELECT key, title, description, tags FROM task_search_text WHERE chain_id = OLD.chain_id AND metadata_uri = OLD.uri;
  DELETE FROM task_search_tags WHERE (chain_id, task_id) IN (SELECT chain_id, task_id FROM tasks WHERE chain_id = OLD.chain_id AND metadata_uri = OLD.uri);
END;
--> statement-breakpoint
-- The search rows of every task already indexed.
INSERT INTO task_search_fts (rowid, title, description, tags) SELECT key, title, description, tags FROM task_search_text;
--> statement-breakpoint
INSERT INTO task_search_rows (chain_id, task_id, metadata_uri, title) SELECT chain_id, task_id, metadata_uri, title FROM tasks;
--> statement-breakpoint
INSERT OR IGNORE INTO task_search_tags (chain_id, task_id, tag) SELECT chain_id, task_id, tag FROM task_search_doc_tags;
