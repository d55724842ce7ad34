// The task board's full-text search, as its queries (tasks.server.ts) use it. The search objects
// themselves — task_search_fts (FTS5 over title, description and tags; rowid = chain_id * 2^32 +
// task_id), task_search_tags and the triggers that keep both in step with `tasks` and
// `metadata_documents` — are made by migration db/migrations/0003_task_search.sql.

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
