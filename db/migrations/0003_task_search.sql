-- The task board's search: FTS5 over (title, description, tags) and exact tag filters, kept in sync
-- with `tasks` and `metadata_documents` by triggers, so whoever writes a task or its document (the
-- indexer, a rebuild, a reorg rollback) updates the search in the same transaction.
--   task_search_fts   FTS5 over (title, description, tags); rowid = chain_id * 2^32 + task_id
--   task_search_tags  (chain_id, task_id, tag) for exact, indexed tag filters and the tag list
--   task_search_rows  what each task's search rows were built from (to skip no-op refreshes)
-- Invariant: every row of `tasks` has exactly one task_search_fts row with its key, and
-- task_search_tags holds exactly the tags of its metadata document (when resolved and valid).
-- Documents are untrusted: every JSON function is guarded, so no document can make a trigger (and
-- the indexer's write with it) fail. The indexer rewrites rows as upserts and INSERT OR REPLACE
-- fires no DELETE trigger, so the insert triggers delete the old search rows themselves.
--
-- Databases made before this migration got these objects from the app at request time (names
-- task_search_*, triggers task_search_v1_*): they are dropped here and made again, and the search
-- rows rebuilt from the projection. The raw_logs index the old timeline query used is dropped (the
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
CREATE TRIGGER task_search_tasks_insert AFTER INSERT ON tasks WHEN NOT EXISTS (SELECT 1 FROM task_search_rows r
  WHERE r.chain_id = NEW.chain_id AND r.task_id = NEW.task_id AND r.metadata_uri = NEW.metadata_uri AND r.title IS NEW.title)
BEGIN
  DELETE FROM task_search_fts WHERE rowid IN (SELECT (t.chain_id * 4294967296 + t.task_id) FROM tasks t WHERE t.chain_id = NEW.chain_id AND t.task_id = NEW.task_id);
  INSERT INTO task_search_fts (rowid, title, description, tags)
      SELECT (t.chain_id * 4294967296 + t.task_id),
        coalesce(t.title, CASE WHEN md.status = 'ok' AND json_valid(md.content) AND json_type(md.content, '$.title') = 'text' THEN json_extract(md.content, '$.title') END, ''),
        CASE WHEN md.status = 'ok' AND json_valid(md.content) AND json_type(md.content, '$.description') = 'text'
        THEN substr(json_extract(md.content, '$.description'), 1, 20000) ELSE '' END,
        coalesce((SELECT group_concat(trim(substr(CASE
        WHEN tag.type = 'text' THEN tag.value
        WHEN tag.type = 'object' AND json_type(tag.value, '$.tag') = 'text' THEN json_extract(tag.value, '$.tag')
        END, 1, 32)), ' ') FROM json_each(CASE WHEN md.status = 'ok' AND json_valid(md.content) AND json_type(md.content, '$.tags') = 'array'
        THEN json_extract(md.content, '$.tags') ELSE '[]' END) AS tag), '')
      FROM tasks t LEFT JOIN metadata_documents md ON md.chain_id = t.chain_id AND md.uri = t.metadata_uri
      WHERE t.chain_id = NEW.chain_id AND t.task_id = NEW.task_id;
  DELETE FROM task_search_tags WHERE (chain_id, task_id) IN (SELECT t.chain_id, t.task_id FROM tasks t WHERE t.chain_id = NEW.chain_id AND t.task_id = NEW.task_id);
  INSERT OR REPLACE INTO task_search_rows (chain_id, task_id, metadata_uri, title)
      SELECT t.chain_id, t.task_id, t.metadata_uri, t.title FROM tasks t WHERE t.chain_id = NEW.chain_id AND t.task_id = NEW.task_id;
  INSERT OR IGNORE INTO task_search_tags (chain_id, task_id, tag)
      SELECT t.chain_id, t.task_id, trim(substr(CASE
        WHEN tag.type = 'text' THEN tag.value
        WHEN tag.type = 'object' AND json_type(tag.value, '$.tag') = 'text' THEN json_extract(tag.value, '$.tag')
        END, 1, 32))
      FROM tasks t JOIN metadata_documents md ON md.chain_id = t.chain_id AND md.uri = t.metadata_uri, json_each(CASE WHEN md.status = 'ok' AND json_valid(md.content) AND json_type(md.content, '$.tags') = 'array'
        THEN json_extract(md.content, '$.tags') ELSE '[]' END) AS tag
      WHERE (t.chain_id = NEW.chain_id AND t.task_id = NEW.task_id) AND trim(substr(CASE
        WHEN tag.type = 'text' THEN tag.value
        WHEN tag.type = 'object' AND json_type(tag.value, '$.tag') = 'text' THEN json_extract(tag.value, '$.tag')
        END, 1, 32)) IS NOT NULL AND trim(substr(CASE
        WHEN tag.type = 'text' THEN tag.value
        WHEN tag.type = 'object' AND json_type(tag.value, '$.tag') = 'text' THEN json_extract(tag.value, '$.tag')
        END, 1, 32)) <> '';
END;
--> statement-breakpoint
CREATE TRIGGER task_search_tasks_update AFTER UPDATE OF chain_id, task_id, title, metadata_uri ON tasks WHEN NOT EXISTS (SELECT 1 FROM task_search_rows r
  WHERE r.chain_id = NEW.chain_id AND r.task_id = NEW.task_id AND r.metadata_uri = NEW.metadata_uri AND r.title IS NEW.title)
BEGIN
  DELETE FROM task_search_fts WHERE rowid = OLD.chain_id * 4294967296 + OLD.task_id;
  DELETE FROM task_search_tags WHERE chain_id = OLD.chain_id AND task_id = OLD.task_id;
  DELETE FROM task_search_rows WHERE chain_id = OLD.chain_id AND task_id = OLD.task_id;
  DELETE FROM task_search_fts WHERE rowid IN (SELECT (t.chain_id * 4294967296 + t.task_id) FROM tasks t WHERE t.chain_id = NEW.chain_id AND t.task_id = NEW.task_id);
  INSERT INTO task_search_fts (rowid, title, description, tags)
      SELECT (t.chain_id * 4294967296 + t.task_id),
        coalesce(t.title, CASE WHEN md.status = 'ok' AND json_valid(md.content) AND json_type(md.content, '$.title') = 'text' THEN json_extract(md.content, '$.title') END, ''),
        CASE WHEN md.status = 'ok' AND json_valid(md.content) AND json_type(md.content, '$.description') = 'text'
        THEN substr(json_extract(md.content, '$.description'), 1, 20000) ELSE '' END,
        coalesce((SELECT group_concat(trim(substr(CASE
        WHEN tag.type = 'text' THEN tag.value
        WHEN tag.type = 'object' AND json_type(tag.value, '$.tag') = 'text' THEN json_extract(tag.value, '$.tag')
        END, 1, 32)), ' ') FROM json_each(CASE WHEN md.status = 'ok' AND json_valid(md.content) AND json_type(md.content, '$.tags') = 'array'
        THEN json_extract(md.content, '$.tags') ELSE '[]' END) AS tag), '')
      FROM tasks t LEFT JOIN metadata_documents md ON md.chain_id = t.chain_id AND md.uri = t.metadata_uri
      WHERE t.chain_id = NEW.chain_id AND t.task_id = NEW.task_id;
  DELETE FROM task_search_tags WHERE (chain_id, task_id) IN (SELECT t.chain_id, t.task_id FROM tasks t WHERE t.chain_id = NEW.chain_id AND t.task_id = NEW.task_id);
  INSERT OR REPLACE INTO task_search_rows (chain_id, task_id, metadata_uri, title)
      SELECT t.chain_id, t.task_id, t.metadata_uri, t.title FROM tasks t WHERE t.chain_id = NEW.chain_id AND t.task_id = NEW.task_id;
  INSERT OR IGNORE INTO task_search_tags (chain_id, task_id, tag)
      SELECT t.chain_id, t.task_id, trim(substr(CASE
        WHEN tag.type = 'text' THEN tag.value
        WHEN tag.type = 'object' AND json_type(tag.value, '$.tag') = 'text' THEN json_extract(tag.value, '$.tag')
        END, 1, 32))
      FROM tasks t JOIN metadata_documents md ON md.chain_id = t.chain_id AND md.uri = t.metadata_uri, json_each(CASE WHEN md.status = 'ok' AND json_valid(md.content) AND json_type(md.content, '$.tags') = 'array'
        THEN json_extract(md.content, '$.tags') ELSE '[]' END) AS tag
      WHERE (t.chain_id = NEW.chain_id AND t.task_id = NEW.task_id) AND trim(substr(CASE
        WHEN tag.type = 'text' THEN tag.value
        WHEN tag.type = 'object' AND json_type(tag.value, '$.tag') = 'text' THEN json_extract(tag.value, '$.tag')
        END, 1, 32)) IS NOT NULL AND trim(substr(CASE
        WHEN tag.type = 'text' THEN tag.value
        WHEN tag.type = 'object' AND json_type(tag.value, '$.tag') = 'text' THEN json_extract(tag.value, '$.tag')
        END, 1, 32)) <> '';
END;
--> statement-breakpoint
CREATE TRIGGER task_search_tasks_delete AFTER DELETE ON tasks
BEGIN
  DELETE FROM task_search_fts WHERE rowid = OLD.chain_id * 4294967296 + OLD.task_id;
  DELETE FROM task_search_tags WHERE chain_id = OLD.chain_id AND task_id = OLD.task_id;
  DELETE FROM task_search_rows WHERE chain_id = OLD.chain_id AND task_id = OLD.task_id;
END;
--> statement-breakpoint
CREATE TRIGGER task_search_metadata_insert AFTER INSERT ON metadata_documents
BEGIN
  DELETE FROM task_search_fts WHERE rowid IN (SELECT (t.chain_id * 4294967296 + t.task_id) FROM tasks t WHERE t.chain_id = NEW.chain_id AND t.metadata_uri = NEW.uri);
  INSERT INTO task_search_fts (rowid, title, description, tags)
      SELECT (t.chain_id * 4294967296 + t.task_id),
        coalesce(t.title, CASE WHEN md.status = 'ok' AND json_valid(md.content) AND json_type(md.content, '$.title') = 'text' THEN json_extract(md.content, '$.title') END, ''),
        CASE WHEN md.status = 'ok' AND json_valid(md.content) AND json_type(md.content, '$.description') = 'text'
        THEN substr(json_extract(md.content, '$.description'), 1, 20000) ELSE '' END,
        coalesce((SELECT group_concat(trim(substr(CASE
        WHEN tag.type = 'text' THEN tag.value
        WHEN tag.type = 'object' AND json_type(tag.value, '$.tag') = 'text' THEN json_extract(tag.value, '$.tag')
        END, 1, 32)), ' ') FROM json_each(CASE WHEN md.status = 'ok' AND json_valid(md.content) AND json_type(md.content, '$.tags') = 'array'
        THEN json_extract(md.content, '$.tags') ELSE '[]' END) AS tag), '')
      FROM tasks t LEFT JOIN metadata_documents md ON md.chain_id = t.chain_id AND md.uri = t.metadata_uri
      WHERE t.chain_id = NEW.chain_id AND t.metadata_uri = NEW.uri;
  DELETE FROM task_search_tags WHERE (chain_id, task_id) IN (SELECT t.chain_id, t.task_id FROM tasks t WHERE t.chain_id = NEW.chain_id AND t.metadata_uri = NEW.uri);
  INSERT OR REPLACE INTO task_search_rows (chain_id, task_id, metadata_uri, title)
      SELECT t.chain_id, t.task_id, t.metadata_uri, t.title FROM tasks t WHERE t.chain_id = NEW.chain_id AND t.metadata_uri = NEW.uri;
  INSERT OR IGNORE INTO task_search_tags (chain_id, task_id, tag)
      SELECT t.chain_id, t.task_id, trim(substr(CASE
        WHEN tag.type = 'text' THEN tag.value
        WHEN tag.type = 'object' AND json_type(tag.value, '$.tag') = 'text' THEN json_extract(tag.value, '$.tag')
        END, 1, 32))
      FROM tasks t JOIN metadata_documents md ON md.chain_id = t.chain_id AND md.uri = t.metadata_uri, json_each(CASE WHEN md.status = 'ok' AND json_valid(md.content) AND json_type(md.content, '$.tags') = 'array'
        THEN json_extract(md.content, '$.tags') ELSE '[]' END) AS tag
      WHERE (t.chain_id = NEW.chain_id AND t.metadata_uri = NEW.uri) AND trim(substr(CASE
        WHEN tag.type = 'text' THEN tag.value
        WHEN tag.type = 'object' AND json_type(tag.value, '$.tag') = 'text' THEN json_extract(tag.value, '$.tag')
        END, 1, 32)) IS NOT NULL AND trim(substr(CASE
        WHEN tag.type = 'text' THEN tag.value
        WHEN tag.type = 'object' AND json_type(tag.value, '$.tag') = 'text' THEN json_extract(tag.value, '$.tag')
        END, 1, 32)) <> '';
END;
--> statement-breakpoint
CREATE TRIGGER task_search_metadata_update AFTER UPDATE ON metadata_documents
BEGIN
  DELETE FROM task_search_fts WHERE rowid IN (SELECT (t.chain_id * 4294967296 + t.task_id) FROM tasks t WHERE t.chain_id = OLD.chain_id AND t.metadata_uri = OLD.uri AND (OLD.uri <> NEW.uri OR OLD.chain_id <> NEW.chain_id));
  INSERT INTO task_search_fts (rowid, title, description, tags)
      SELECT (t.chain_id * 4294967296 + t.task_id),
        coalesce(t.title, CASE WHEN md.status = 'ok' AND json_valid(md.content) AND json_type(md.content, '$.title') = 'text' THEN json_extract(md.content, '$.title') END, ''),
        CASE WHEN md.status = 'ok' AND json_valid(md.content) AND json_type(md.content, '$.description') = 'text'
        THEN substr(json_extract(md.content, '$.description'), 1, 20000) ELSE '' END,
        coalesce((SELECT group_concat(trim(substr(CASE
        WHEN tag.type = 'text' THEN tag.value
        WHEN tag.type = 'object' AND json_type(tag.value, '$.tag') = 'text' THEN json_extract(tag.value, '$.tag')
        END, 1, 32)), ' ') FROM json_each(CASE WHEN md.status = 'ok' AND json_valid(md.content) AND json_type(md.content, '$.tags') = 'array'
        THEN json_extract(md.content, '$.tags') ELSE '[]' END) AS tag), '')
      FROM tasks t LEFT JOIN metadata_documents md ON md.chain_id = t.chain_id AND md.uri = t.metadata_uri
      WHERE t.chain_id = OLD.chain_id AND t.metadata_uri = OLD.uri AND (OLD.uri <> NEW.uri OR OLD.chain_id <> NEW.chain_id);
  DELETE FROM task_search_tags WHERE (chain_id, task_id) IN (SELECT t.chain_id, t.task_id FROM tasks t WHERE t.chain_id = OLD.chain_id AND t.metadata_uri = OLD.uri AND (OLD.uri <> NEW.uri OR OLD.chain_id <> NEW.chain_id));
  INSERT OR REPLACE INTO task_search_rows (chain_id, task_id, metadata_uri, title)
      SELECT t.chain_id, t.task_id, t.metadata_uri, t.title FROM tasks t WHERE t.chain_id = OLD.chain_id AND t.metadata_uri = OLD.uri AND (OLD.uri <> NEW.uri OR OLD.chain_id <> NEW.chain_id);
  INSERT OR IGNORE INTO task_search_tags (chain_id, task_id, tag)
      SELECT t.chain_id, t.task_id, trim(substr(CASE
        WHEN tag.type = 'text' THEN tag.value
        WHEN tag.type = 'object' AND json_type(tag.value, '$.tag') = 'text' THEN json_extract(tag.value, '$.tag')
        END, 1, 32))
      FROM tasks t JOIN metadata_documents md ON md.chain_id = t.chain_id AND md.uri = t.metadata_uri, json_each(CASE WHEN md.status = 'ok' AND json_valid(md.content) AND json_type(md.content, '$.tags') = 'array'
        THEN json_extract(md.content, '$.tags') ELSE '[]' END) AS tag
      WHERE (t.chain_id = OLD.chain_id AND t.metadata_uri = OLD.uri AND (OLD.uri <> NEW.uri OR OLD.chain_id <> NEW.chain_id)) AND trim(substr(CASE
        WHEN tag.type = 'text' THEN tag.value
        WHEN tag.type = 'object' AND json_type(tag.value, '$.tag') = 'text' THEN json_extract(tag.value, '$.tag')
        END, 1, 32)) IS NOT NULL AND trim(substr(CASE
        WHEN tag.type = 'text' THEN tag.value
        WHEN tag.type = 'object' AND json_type(tag.value, '$.tag') = 'text' THEN json_extract(tag.value, '$.tag')
        END, 1, 32)) <> '';
  DELETE FROM task_search_fts WHERE rowid IN (SELECT (t.chain_id * 4294967296 + t.task_id) FROM tasks t WHERE t.chain_id = NEW.chain_id AND t.metadata_uri = NEW.uri);
  INSERT INTO task_search_fts (rowid, title, description, tags)
      SELECT (t.chain_id * 4294967296 + t.task_id),
        coalesce(t.title, CASE WHEN md.status = 'ok' AND json_valid(md.content) AND json_type(md.content, '$.title') = 'text' THEN json_extract(md.content, '$.title') END, ''),
        CASE WHEN md.status = 'ok' AND json_valid(md.content) AND json_type(md.content, '$.description') = 'text'
        THEN substr(json_extract(md.content, '$.description'), 1, 20000) ELSE '' END,
        coalesce((SELECT group_concat(trim(substr(CASE
        WHEN tag.type = 'text' THEN tag.value
        WHEN tag.type = 'object' AND json_type(tag.value, '$.tag') = 'text' THEN json_extract(tag.value, '$.tag')
        END, 1, 32)), ' ') FROM json_each(CASE WHEN md.status = 'ok' AND json_valid(md.content) AND json_type(md.content, '$.tags') = 'array'
        THEN json_extract(md.content, '$.tags') ELSE '[]' END) AS tag), '')
      FROM tasks t LEFT JOIN metadata_documents md ON md.chain_id = t.chain_id AND md.uri = t.metadata_uri
      WHERE t.chain_id = NEW.chain_id AND t.metadata_uri = NEW.uri;
  DELETE FROM task_search_tags WHERE (chain_id, task_id) IN (SELECT t.chain_id, t.task_id FROM tasks t WHERE t.chain_id = NEW.chain_id AND t.metadata_uri = NEW.uri);
  INSERT OR REPLACE INTO task_search_rows (chain_id, task_id, metadata_uri, title)
      SELECT t.chain_id, t.task_id, t.metadata_uri, t.title FROM tasks t WHERE t.chain_id = NEW.chain_id AND t.metadata_uri = NEW.uri;
  INSERT OR IGNORE INTO task_search_tags (chain_id, task_id, tag)
      SELECT t.chain_id, t.task_id, trim(substr(CASE
        WHEN tag.type = 'text' THEN tag.value
        WHEN tag.type = 'object' AND json_type(tag.value, '$.tag') = 'text' THEN json_extract(tag.value, '$.tag')
        END, 1, 32))
      FROM tasks t JOIN metadata_documents md ON md.chain_id = t.chain_id AND md.uri = t.metadata_uri, json_each(CASE WHEN md.status = 'ok' AND json_valid(md.content) AND json_type(md.content, '$.tags') = 'array'
        THEN json_extract(md.content, '$.tags') ELSE '[]' END) AS tag
      WHERE (t.chain_id = NEW.chain_id AND t.metadata_uri = NEW.uri) AND trim(substr(CASE
        WHEN tag.type = 'text' THEN tag.value
        WHEN tag.type = 'object' AND json_type(tag.value, '$.tag') = 'text' THEN json_extract(tag.value, '$.tag')
        END, 1, 32)) IS NOT NULL AND trim(substr(CASE
        WHEN tag.type = 'text' THEN tag.value
        WHEN tag.type = 'object' AND json_type(tag.value, '$.tag') = 'text' THEN json_extract(tag.value, '$.tag')
        END, 1, 32)) <> '';
END;
--> statement-breakpoint
CREATE TRIGGER task_search_metadata_delete AFTER DELETE ON metadata_documents
BEGIN
  DELETE FROM task_search_fts WHERE rowid IN (SELECT (t.chain_id * 4294967296 + t.task_id) FROM tasks t WHERE t.chain_id = OLD.chain_id AND t.metadata_uri = OLD.uri);
  INSERT INTO task_search_fts (rowid, title, description, tags)
      SELECT (t.chain_id * 4294967296 + t.task_id),
        coalesce(t.title, CASE WHEN md.status = 'ok' AND json_valid(md.content) AND json_type(md.content, '$.title') = 'text' THEN json_extract(md.content, '$.title') END, ''),
        CASE WHEN md.status = 'ok' AND json_valid(md.content) AND json_type(md.content, '$.description') = 'text'
        THEN substr(json_extract(md.content, '$.description'), 1, 20000) ELSE '' END,
        coalesce((SELECT group_concat(trim(substr(CASE
        WHEN tag.type = 'text' THEN tag.value
        WHEN tag.type = 'object' AND json_type(tag.value, '$.tag') = 'text' THEN json_extract(tag.value, '$.tag')
        END, 1, 32)), ' ') FROM json_each(CASE WHEN md.status = 'ok' AND json_valid(md.content) AND json_type(md.content, '$.tags') = 'array'
        THEN json_extract(md.content, '$.tags') ELSE '[]' END) AS tag), '')
      FROM tasks t LEFT JOIN metadata_documents md ON md.chain_id = t.chain_id AND md.uri = t.metadata_uri
      WHERE t.chain_id = OLD.chain_id AND t.metadata_uri = OLD.uri;
  DELETE FROM task_search_tags WHERE (chain_id, task_id) IN (SELECT t.chain_id, t.task_id FROM tasks t WHERE t.chain_id = OLD.chain_id AND t.metadata_uri = OLD.uri);
  INSERT OR REPLACE INTO task_search_rows (chain_id, task_id, metadata_uri, title)
      SELECT t.chain_id, t.task_id, t.metadata_uri, t.title FROM tasks t WHERE t.chain_id = OLD.chain_id AND t.metadata_uri = OLD.uri;
  INSERT OR IGNORE INTO task_search_tags (chain_id, task_id, tag)
      SELECT t.chain_id, t.task_id, trim(substr(CASE
        WHEN tag.type = 'text' THEN tag.value
        WHEN tag.type = 'object' AND json_type(tag.value, '$.tag') = 'text' THEN json_extract(tag.value, '$.tag')
        END, 1, 32))
      FROM tasks t JOIN metadata_documents md ON md.chain_id = t.chain_id AND md.uri = t.metadata_uri, json_each(CASE WHEN md.status = 'ok' AND json_valid(md.content) AND json_type(md.content, '$.tags') = 'array'
        THEN json_extract(md.content, '$.tags') ELSE '[]' END) AS tag
      WHERE (t.chain_id = OLD.chain_id AND t.metadata_uri = OLD.uri) AND trim(substr(CASE
        WHEN tag.type = 'text' THEN tag.value
        WHEN tag.type = 'object' AND json_type(tag.value, '$.tag') = 'text' THEN json_extract(tag.value, '$.tag')
        END, 1, 32)) IS NOT NULL AND trim(substr(CASE
        WHEN tag.type = 'text' THEN tag.value
        WHEN tag.type = 'object' AND json_type(tag.value, '$.tag') = 'text' THEN json_extract(tag.value, '$.tag')
        END, 1, 32)) <> '';
END;
--> statement-breakpoint
-- The search rows of every task already indexed.
DELETE FROM task_search_fts WHERE rowid IN (SELECT (t.chain_id * 4294967296 + t.task_id) FROM tasks t WHERE 1);
--> statement-breakpoint
INSERT INTO task_search_fts (rowid, title, description, tags)
    SELECT (t.chain_id * 4294967296 + t.task_id),
      coalesce(t.title, CASE WHEN md.status = 'ok' AND json_valid(md.content) AND json_type(md.content, '$.title') = 'text' THEN json_extract(md.content, '$.title') END, ''),
      CASE WHEN md.status = 'ok' AND json_valid(md.content) AND json_type(md.content, '$.description') = 'text'
      THEN substr(json_extract(md.content, '$.description'), 1, 20000) ELSE '' END,
      coalesce((SELECT group_concat(trim(substr(CASE
      WHEN tag.type = 'text' THEN tag.value
      WHEN tag.type = 'object' AND json_type(tag.value, '$.tag') = 'text' THEN json_extract(tag.value, '$.tag')
      END, 1, 32)), ' ') FROM json_each(CASE WHEN md.status = 'ok' AND json_valid(md.content) AND json_type(md.content, '$.tags') = 'array'
      THEN json_extract(md.content, '$.tags') ELSE '[]' END) AS tag), '')
    FROM tasks t LEFT JOIN metadata_documents md ON md.chain_id = t.chain_id AND md.uri = t.metadata_uri
    WHERE 1;
--> statement-breakpoint
DELETE FROM task_search_tags WHERE (chain_id, task_id) IN (SELECT t.chain_id, t.task_id FROM tasks t WHERE 1);
--> statement-breakpoint
INSERT OR REPLACE INTO task_search_rows (chain_id, task_id, metadata_uri, title)
    SELECT t.chain_id, t.task_id, t.metadata_uri, t.title FROM tasks t WHERE 1;
--> statement-breakpoint
INSERT OR IGNORE INTO task_search_tags (chain_id, task_id, tag)
    SELECT t.chain_id, t.task_id, trim(substr(CASE
      WHEN tag.type = 'text' THEN tag.value
      WHEN tag.type = 'object' AND json_type(tag.value, '$.tag') = 'text' THEN json_extract(tag.value, '$.tag')
      END, 1, 32))
    FROM tasks t JOIN metadata_documents md ON md.chain_id = t.chain_id AND md.uri = t.metadata_uri, json_each(CASE WHEN md.status = 'ok' AND json_valid(md.content) AND json_type(md.content, '$.tags') = 'array'
      THEN json_extract(md.content, '$.tags') ELSE '[]' END) AS tag
    WHERE (1) AND trim(substr(CASE
      WHEN tag.type = 'text' THEN tag.value
      WHEN tag.type = 'object' AND json_type(tag.value, '$.tag') = 'text' THEN json_extract(tag.value, '$.tag')
      END, 1, 32)) IS NOT NULL AND trim(substr(CASE
      WHEN tag.type = 'text' THEN tag.value
      WHEN tag.type = 'object' AND json_type(tag.value, '$.tag') = 'text' THEN json_extract(tag.value, '$.tag')
      END, 1, 32)) <> '';
