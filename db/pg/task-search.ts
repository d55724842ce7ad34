// The task board's search box text → a PostgreSQL tsquery (for `task_search.document @@
// to_tsquery('portal_search', …)`, migration db/migrations-pg/0001_task_search.sql) that matches
// what the FTS5 query of app/models/task-search.server.ts (toFtsQuery) matches on SQLite:
// - the same words: NFKC, split on anything but letters, digits and `_`, at most 12, all required;
// - each word a prefix term; a word FTS5 splits into several tokens (`foo_bar`) is a phrase whose
//   last token is a prefix, inside one column (title A, description B, tags C), as FTS5's phrases;
// - operands quoted, so no user text is tsquery syntax: it cannot be an error or an operator.
// The two must change together (db/pg/task-search.test.ts feeds both engines the same corpus).

const MAX_WORDS = 12

/** As the migration's task_search_words: a Latin letter's diacritics removed (its canonical decomposition's base letter). */
const foldDiacritics = (token: string) => token.normalize('NFD').replace(/([A-Za-z])[\u0300-\u036f]+/g, '$1').normalize('NFC')

const quote = (token: string) => `'${token.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`

function wordQuery(word: string): string {
  const tokens = word
    .split('_')
    .map(foldDiacritics)
    .filter((token) => token.length > 0)
  if (tokens.length === 1) return `${quote(tokens[0]!)}:*`
  const phrase = (weight: string) => tokens.map((token, i) => `${quote(token)}:${i === tokens.length - 1 ? '*' : ''}${weight}`).join(' <-> ')
  return `(${['A', 'B', 'C'].map((weight) => `(${phrase(weight)})`).join(' | ')})`
}

/** The tsquery text for a search box text; empty when there is nothing to search for. */
export function toTsQuery(text: string): string {
  return text
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}_]+/u)
    .filter((word) => /[\p{L}\p{N}]/u.test(word))
    .slice(0, MAX_WORDS)
    .map(wordQuery)
    .join(' & ')
}
