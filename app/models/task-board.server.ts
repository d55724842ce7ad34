import { sqliteOf, type Db } from '#db/client'
import { dayBound, filterAmount, type BoardFilter, type TaskState } from '~/tasks/board-filter'
import { tokenInfo, type KnownTokens } from '~/utils/tokens'
import { toFtsQuery } from './task-search.server'

// The task board: one SQL query per page over the tasks projection, its budgets, applications
// and the search tables (made by migration 0003_task_search, see task-search.server.ts). Keyset pagination: the cursor is the sort key
// of the last row shown, so pages stay stable while the indexer adds tasks and no OFFSET scan
// grows with the page number.

const PAGE_SIZE = 24

export type BudgetAmount = { token: string | null; amount: string }

export type TaskCard = {
  chainId: number
  taskId: number
  title: string | null
  metadataStatus: 'ok' | 'pending' | 'unavailable' | 'invalid' | 'unknown'
  state: TaskState
  outcome: 'completed' | 'disputed' | 'cancelled' | null
  deadline: number
  manager: string
  createdAt: number
  applicationCount: number
  budgets: BudgetAmount[]
  /** The escrow could not be read after the budget last changed: the amounts predate that change. */
  budgetOutdated: boolean
  tags: string[]
}

export type TaskPage = {
  items: TaskCard[]
  nextCursor: string | null
  /** Matches per state for the current filters (ignoring the state filter itself). */
  counts: Record<TaskState, number>
}

type Cursor = { k: string | number; id: number }

export class BadCursorError extends Error {}

const PAD = '0'.repeat(40)
/** A decimal amount as a fixed-width string, so SQL can compare and sort amounts as text. */
const padded = (expression: string) => `substr('${PAD}' || ${expression}, -40)`
const padAmount = (amount: bigint) => amount.toString().padStart(40, '0')

export function getTaskPage(
  db: Db,
  { chainId, filter, known, limit = PAGE_SIZE }: { chainId: number; filter: BoardFilter; known: KnownTokens; limit?: number },
): TaskPage {
  const sqlite = sqliteOf(db)
  const where: string[] = ['t.chain_id = @chainId']
  const params: Record<string, string | number> = { chainId }

  // The budget the filter and the budget sort look at: native unless a token is chosen.
  const tokenAddress = filter.token === 'open' ? known.openToken?.toLowerCase() ?? null : filter.token === 'native' ? null : filter.token ?? null
  // A token budget is joined in (a task budgeted in that token once: its first position).
  const amountSql = tokenAddress === null ? 't.native_budget' : 'b.amount'
  const from =
    tokenAddress === null
      ? 'tasks t'
      : `(SELECT task_id, min(position) AS position FROM task_budgets WHERE chain_id = @chainId AND token = @token GROUP BY task_id) fb
         JOIN tasks t ON t.chain_id = @chainId AND t.task_id = fb.task_id
         JOIN task_budgets b ON b.chain_id = @chainId AND b.task_id = fb.task_id AND b.position = fb.position`
  if (tokenAddress !== null) {
    params.token = tokenAddress
  } else if (filter.token === 'open') {
    // The OPEN token is not deployed on this chain: nothing is budgeted in it.
    where.push('0')
  }
  const decimals = tokenInfo(tokenAddress, known).decimals
  const min = filterAmount(filter.min, decimals)
  const max = filterAmount(filter.max, decimals)
  if (min !== undefined) {
    where.push(`${padded(amountSql)} >= @min`)
    params.min = padAmount(min)
  }
  if (max !== undefined) {
    where.push(`${padded(amountSql)} <= @max`)
    params.max = padAmount(max)
  }

  const fts = filter.q ? toFtsQuery(filter.q) : ''
  if (fts) {
    where.push('(t.chain_id * 4294967296 + t.task_id) IN (SELECT rowid FROM task_search_fts WHERE task_search_fts MATCH @fts)')
    params.fts = fts
  }
  if (filter.tag) {
    where.push('EXISTS (SELECT 1 FROM task_search_tags g WHERE g.chain_id = t.chain_id AND g.tag = @tag AND g.task_id = t.task_id)')
    params.tag = filter.tag
  }
  const after = dayBound(filter.after, 'start')
  const before = dayBound(filter.before, 'end')
  if (after !== undefined) {
    where.push('t.deadline >= @after')
    params.after = after
  }
  if (before !== undefined) {
    where.push('t.deadline <= @before')
    params.before = before
  }
  if (filter.manager) {
    where.push('t.manager = @manager')
    params.manager = filter.manager
  }
  if (filter.applicant) {
    where.push(
      'EXISTS (SELECT 1 FROM task_applications a WHERE a.chain_id = t.chain_id AND a.applicant = @applicant AND a.task_id = t.task_id)',
    )
    params.applicant = filter.applicant
  }

  const counts = { open: 0, taken: 0, closed: 0 }
  const countRows = sqlite
    .prepare(`SELECT t.state AS state, count(*) AS n FROM ${from} WHERE ${where.join(' AND ')} GROUP BY t.state`)
    .all(params) as { state: TaskState; n: number }[]
  for (const row of countRows) if (row.state in counts) counts[row.state] = row.n

  if (filter.state) {
    where.push('t.state = @state')
    params.state = filter.state
  }

  const { sortKey, order, seek } = sortOf(filter.sort, amountSql)
  if (filter.cursor) {
    const cursor = decodeCursor(filter.cursor)
    where.push(seek)
    params.cursorKey = cursor.k
    params.cursorId = cursor.id
  }
  params.limit = limit + 1

  const rows = sqlite
    .prepare(
      `SELECT t.chain_id AS chainId, t.task_id AS taskId, t.title AS title, t.state AS state, t.outcome AS outcome,
              t.deadline AS deadline, t.manager AS manager, t.created_at AS createdAt, t.native_budget AS nativeBudget,
              t.budget_read_error IS NOT NULL AS budgetOutdated, md.status AS metadataStatus, ${sortKey} AS sortKey,
              (SELECT count(*) FROM task_applications a WHERE a.chain_id = t.chain_id AND a.task_id = t.task_id) AS applicationCount
       FROM ${from} LEFT JOIN metadata_documents md ON md.chain_id = t.chain_id AND md.uri = t.metadata_uri
       WHERE ${where.join(' AND ')}
       ORDER BY ${order}
       LIMIT @limit`,
    )
    .all(params) as (Omit<TaskCard, 'budgets' | 'budgetOutdated' | 'tags' | 'metadataStatus'> & {
    nativeBudget: string
    budgetOutdated: 0 | 1
    metadataStatus: TaskCard['metadataStatus'] | null
    sortKey: string | number
  })[]

  const page = rows.slice(0, limit)
  const last = page[page.length - 1]
  const nextCursor = rows.length > limit && last ? encodeCursor({ k: last.sortKey, id: last.taskId }) : null
  const extras = pageExtras(db, chainId, page.map((row) => row.taskId))

  return {
    items: page.map(({ sortKey: _, nativeBudget, budgetOutdated, metadataStatus, ...row }) => {
      const tokens = extras.budgets.get(row.taskId) ?? []
      return {
        ...row,
        metadataStatus: metadataStatus ?? 'unknown',
        budgets: nativeBudget !== '0' || tokens.length === 0 ? [{ token: null, amount: nativeBudget }, ...tokens] : tokens,
        budgetOutdated: budgetOutdated === 1,
        tags: extras.tags.get(row.taskId) ?? [],
      }
    }),
    nextCursor,
    counts,
  }
}

function sortOf(sort: BoardFilter['sort'], amountSql: string) {
  switch (sort) {
    case 'budget':
      return {
        sortKey: padded(amountSql),
        order: `${padded(amountSql)} DESC, t.task_id DESC`,
        seek: `(${padded(amountSql)} < @cursorKey OR (${padded(amountSql)} = @cursorKey AND t.task_id < @cursorId))`,
      }
    case 'deadline':
      return {
        sortKey: 't.deadline',
        order: 't.deadline ASC, t.task_id ASC',
        seek: '(t.deadline > @cursorKey OR (t.deadline = @cursorKey AND t.task_id > @cursorId))',
      }
    case 'newest':
      return { sortKey: 't.task_id', order: 't.task_id DESC', seek: 't.task_id < @cursorId' }
  }
}

/** ERC-20 budgets and tags of the tasks on one page, in two indexed queries. */
function pageExtras(db: Db, chainId: number, taskIds: number[]) {
  const budgets = new Map<number, BudgetAmount[]>()
  const tags = new Map<number, string[]>()
  if (taskIds.length === 0) return { budgets, tags }
  const ids = JSON.stringify(taskIds)
  const sqlite = sqliteOf(db)
  const budgetRows = sqlite
    .prepare(
      `SELECT task_id AS taskId, token, amount FROM task_budgets
       WHERE chain_id = ? AND task_id IN (SELECT value FROM json_each(?)) ORDER BY task_id, position`,
    )
    .all(chainId, ids) as { taskId: number; token: string; amount: string }[]
  for (const row of budgetRows) {
    const list = budgets.get(row.taskId) ?? []
    list.push({ token: row.token, amount: row.amount })
    budgets.set(row.taskId, list)
  }
  const tagRows = sqlite
    .prepare(
      `SELECT task_id AS taskId, tag FROM task_search_tags
       WHERE chain_id = ? AND task_id IN (SELECT value FROM json_each(?)) ORDER BY task_id, tag`,
    )
    .all(chainId, ids) as { taskId: number; tag: string }[]
  for (const row of tagRows) {
    const list = tags.get(row.taskId) ?? []
    list.push(row.tag)
    tags.set(row.taskId, list)
  }
  return { budgets, tags }
}

/** The most used tags on a chain, for the board's tag filter. */
export function getPopularTags(db: Db, chainId: number, limit = 40): { tag: string; count: number }[] {
  return sqliteOf(db)
    .prepare(
      `SELECT tag, count(*) AS count FROM task_search_tags WHERE chain_id = ?
       GROUP BY tag COLLATE NOCASE ORDER BY count DESC, tag LIMIT ?`,
    )
    .all(chainId, limit) as { tag: string; count: number }[]
}

/** Every ERC-20 token some task is budgeted in, for the board's token filter. */
export function getBudgetTokens(db: Db, chainId: number): string[] {
  return sqliteOf(db)
    .prepare('SELECT DISTINCT token FROM task_budgets WHERE chain_id = ? ORDER BY token')
    .pluck()
    .all(chainId) as string[]
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url')
}

function decodeCursor(value: string): Cursor {
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as unknown
    if (
      parsed &&
      typeof parsed === 'object' &&
      'k' in parsed &&
      'id' in parsed &&
      (typeof parsed.k === 'string' || typeof parsed.k === 'number') &&
      Number.isSafeInteger(parsed.id)
    ) {
      return parsed as Cursor
    }
  } catch {
    // fall through
  }
  throw new BadCursorError('The page cursor is not one this board made: start again from the first page.')
}
