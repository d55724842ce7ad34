-- The task board's search on PostgreSQL: the counterpart of SQLite's FTS5 (db/migrations/0003),
-- built to match the same tasks for the same query (db/pg/task-search.test.ts compares the two).
--   task_search        one row per task: a tsvector over title (weight A), description (B) and
--                      tags (C), GIN-indexed; what it was built from (metadata_uri, title)
--   task_search_tags   (chain_id, task_id, tag) for exact tag filters and the tag list
--   task_search_documents, task_search_doc_tags  (views) a task's document fields and tags
-- Triggers on `tasks` and `metadata_documents` refresh a task's rows in the writer's own
-- transaction, so the indexer, a rebuild or a reorg rollback keep the search in step.
-- Tokenising as FTS5's `porter unicode61 remove_diacritics 2`: every run of characters that are not
-- letters or digits separates words (task_search_words; needs a UTF-8 database with a UTF-8
-- lc_ctype, see docs/deploy.md), diacritics are removed, words are Porter-stemmed, no stop words.
-- Documents are untrusted: every JSON access is type-checked, so no document fails the write.
CREATE TEXT SEARCH DICTIONARY portal_porter (TEMPLATE = snowball, Language = porter);
--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION portal_search (COPY = simple);
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION portal_search
  ALTER MAPPING FOR asciiword, word, numword, asciihword, hword, hword_asciipart, hword_part, hword_numpart WITH portal_porter;
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION portal_search ALTER MAPPING FOR int, uint, float, sfloat, version WITH simple;
--> statement-breakpoint
-- Text → space-separated words without diacritics: the parser then never sees URLs, e-mails, paths
-- or hyphenated words whole. Diacritics go as FTS5's remove_diacritics does: from Latin letters
-- only (the canonical decomposition's base letter; Greek tonos, æ, ß and ø stay, as in FTS5), the
-- search box text gets the same in db/pg/task-search.ts (foldDiacritics).
CREATE FUNCTION task_search_words(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN regexp_replace(normalize(regexp_replace(normalize(coalesce(value, ''), NFD), '([A-Za-z])[\u0300-\u036f]+', '\1', 'g'), NFC), '[^[:alnum:]]+', ' ', 'g');
--> statement-breakpoint
CREATE TABLE task_search (
  chain_id bigint NOT NULL,
  task_id bigint NOT NULL,
  metadata_uri text NOT NULL,
  title text,
  document tsvector NOT NULL,
  PRIMARY KEY (chain_id, task_id)
);
--> statement-breakpoint
CREATE INDEX task_search_document ON task_search USING gin (document);
--> statement-breakpoint
-- SQLite's tags are COLLATE NOCASE: one row per tag whatever its case, the first spelling kept.
CREATE TABLE task_search_tags (
  chain_id bigint NOT NULL,
  task_id bigint NOT NULL,
  tag text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX task_search_tags_key ON task_search_tags (chain_id, task_id, lower(tag));
--> statement-breakpoint
CREATE INDEX task_search_tags_by_tag ON task_search_tags (chain_id, lower(tag), task_id);
--> statement-breakpoint
CREATE VIEW task_search_documents AS
SELECT t.chain_id, t.task_id, t.metadata_uri, t.title AS task_title,
  CASE WHEN jsonb_typeof(md.content -> 'title') = 'string' THEN md.content ->> 'title' END AS title,
  CASE WHEN jsonb_typeof(md.content -> 'description') = 'string' THEN substr(md.content ->> 'description', 1, 20000) ELSE '' END AS description,
  CASE WHEN jsonb_typeof(md.content -> 'tags') = 'array' THEN md.content -> 'tags' ELSE '[]'::jsonb END AS tags
FROM tasks t
LEFT JOIN metadata_documents md ON md.chain_id = t.chain_id AND md.uri = t.metadata_uri AND md.status = 'ok';
--> statement-breakpoint
-- Each tag of a task's document ({ "tag": "…" } or a plain string), trimmed and cut to 32 characters, in document order.
CREATE VIEW task_search_doc_tags AS
SELECT chain_id, task_id, metadata_uri, position, tag FROM (
  SELECT d.chain_id, d.task_id, d.metadata_uri, item.position, trim(substr(CASE
    WHEN jsonb_typeof(item.value) = 'string' THEN item.value #>> '{}'
    WHEN jsonb_typeof(item.value) = 'object' AND jsonb_typeof(item.value -> 'tag') = 'string' THEN item.value ->> 'tag'
  END, 1, 32)) AS tag
  FROM task_search_documents d, jsonb_array_elements(d.tags) WITH ORDINALITY AS item(value, position)
) tags WHERE tag IS NOT NULL AND tag <> '';
--> statement-breakpoint
-- A task's search rows made again from the task and its document (none when the task is gone).
CREATE FUNCTION task_search_refresh(p_chain_id bigint, p_task_id bigint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM task_search WHERE chain_id = p_chain_id AND task_id = p_task_id;
  DELETE FROM task_search_tags WHERE chain_id = p_chain_id AND task_id = p_task_id;
  INSERT INTO task_search (chain_id, task_id, metadata_uri, title, document)
  SELECT d.chain_id, d.task_id, d.metadata_uri, d.task_title,
    setweight(to_tsvector('portal_search', task_search_words(coalesce(d.task_title, d.title, ''))), 'A')
    || setweight(to_tsvector('portal_search', task_search_words(d.description)), 'B')
    || setweight(to_tsvector('portal_search', task_search_words((SELECT string_agg(g.tag, ' ' ORDER BY g.position)
         FROM task_search_doc_tags g WHERE g.chain_id = d.chain_id AND g.task_id = d.task_id))), 'C')
  FROM task_search_documents d WHERE d.chain_id = p_chain_id AND d.task_id = p_task_id;
  INSERT INTO task_search_tags (chain_id, task_id, tag)
  SELECT chain_id, task_id, tag FROM task_search_doc_tags WHERE chain_id = p_chain_id AND task_id = p_task_id ORDER BY position
  ON CONFLICT DO NOTHING;
END $$;
--> statement-breakpoint
-- The indexer rewrites a task on every event (state, budget…); only a new title or metadata URI
-- changes what is searchable, so rewrites that keep both skip the refresh.
CREATE FUNCTION task_search_on_task() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND (TG_OP = 'DELETE' OR OLD.chain_id <> NEW.chain_id OR OLD.task_id <> NEW.task_id) THEN
    PERFORM task_search_refresh(OLD.chain_id, OLD.task_id);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NOT EXISTS (SELECT 1 FROM task_search s WHERE s.chain_id = NEW.chain_id AND s.task_id = NEW.task_id
      AND s.metadata_uri = NEW.metadata_uri AND s.title IS NOT DISTINCT FROM NEW.title) THEN
    PERFORM task_search_refresh(NEW.chain_id, NEW.task_id);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER task_search_tasks AFTER INSERT OR DELETE OR UPDATE OF chain_id, task_id, title, metadata_uri ON tasks
  FOR EACH ROW EXECUTE FUNCTION task_search_on_task();
--> statement-breakpoint
-- A document (re)resolved, changed or dropped: every task that points at it.
CREATE FUNCTION task_search_on_document() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM task_search_refresh(t.chain_id, t.task_id) FROM tasks t WHERE t.chain_id = OLD.chain_id AND t.metadata_uri = OLD.uri;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM task_search_refresh(t.chain_id, t.task_id) FROM tasks t WHERE t.chain_id = NEW.chain_id AND t.metadata_uri = NEW.uri;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER task_search_metadata AFTER INSERT OR UPDATE OR DELETE ON metadata_documents
  FOR EACH ROW EXECUTE FUNCTION task_search_on_document();
--> statement-breakpoint
-- The search rows of every task already there.
SELECT task_search_refresh(chain_id, task_id) FROM tasks;
