import { sql } from 'drizzle-orm'
import type { Db } from '#db/client'
import { addressKey } from '~/utils/address'
import type { TimelineKind } from '~/profiles/timeline-kinds'

// One timeline per contributor across learning, contributing and governing: the chain's
// per-address activity feed (tasks, votes, proposals, optimistic actions, membership) and the
// app's own course completions and certificates, merged in one query, newest first, paged by a
// cursor on (time, key) so a page never repeats or skips an entry while new ones arrive.

export type TimelineEntry = {
  /** Unique and stable: the chain event's position, or the off-chain row's id. */
  key: string
  kind: TimelineKind
  /** The activity kind (task.applied, dao.voted…), `course.completed` or `certificate.issued`. */
  event: string
  at: number
  /** The task id, proposal id, action id, course slug or certificate id it is about. */
  subject: string | null
  detail: Record<string, unknown> | null
  transactionHash: string | null
}

export type TimelinePage = { entries: TimelineEntry[]; nextCursor: string | null }

export class BadTimelineCursorError extends Error {
  override name = 'BadTimelineCursorError'
}

const PAGE_SIZE = 25

// Which timeline kind each activity kind belongs to.
const KIND_OF_ACTIVITY = sql`CASE
  WHEN kind LIKE 'task.%' OR kind LIKE 'rfp.%' THEN 'tasks'
  WHEN kind = 'dao.voted' THEN 'votes'
  WHEN kind = 'dao.proposed' THEN 'proposals'
  WHEN kind IN ('dao.action', 'dao.rejected') THEN 'actions'
  ELSE 'membership' END`

function entriesQuery(chainId: number, address: string) {
  const key = addressKey(address)
  return sql`
    SELECT ${KIND_OF_ACTIVITY} AS kind, kind AS event, timestamp AS at,
      'c' || printf('%012d', block_number) || printf('%06d', log_index) AS key,
      subject, detail, transaction_hash AS transactionHash
    FROM chain_activity WHERE chain_id = ${chainId} AND address = ${key}
    UNION ALL
    SELECT 'courses', 'course.completed', completed_at / 1000, 'l' || course_slug, course_slug, NULL, NULL
    FROM course_completions WHERE address = ${key}
    UNION ALL
    SELECT 'certificates', 'certificate.issued', issued_at, 'z' || id, id, json_object('courseTitle', course_title), NULL
    FROM certificates WHERE address = ${key}`
}

export function getTimelinePage(
  db: Db,
  { chainId, address, kinds, cursor, pageSize = PAGE_SIZE }: { chainId: number; address: string; kinds?: TimelineKind[]; cursor?: string | null; pageSize?: number },
): TimelinePage {
  const after = cursor ? decodeCursor(cursor) : null
  const kindFilter = kinds && kinds.length > 0 ? sql`AND kind IN (${sql.join(kinds.map((kind) => sql`${kind}`), sql`, `)})` : sql``
  const position = after ? sql`AND (at < ${after.at} OR (at = ${after.at} AND key < ${after.key}))` : sql``
  const rows = db.all<{ kind: TimelineKind; event: string; at: number; key: string; subject: string | null; detail: string | null; transactionHash: string | null }>(sql`
    SELECT * FROM (${entriesQuery(chainId, address)})
    WHERE 1 = 1 ${kindFilter} ${position}
    ORDER BY at DESC, key DESC
    LIMIT ${pageSize + 1}`)
  const entries = rows.slice(0, pageSize).map((row) => ({ ...row, detail: parseDetail(row.detail) }))
  const last = entries.at(-1)
  return { entries, nextCursor: rows.length > pageSize && last ? encodeCursor(last) : null }
}

/** How many entries of each timeline kind fell in each UTC month from `since` (unix seconds): the activity chart. */
export function getMonthlyActivity(db: Db, { chainId, address, since }: { chainId: number; address: string; since: number }): { month: string; kind: TimelineKind; count: number }[] {
  return db.all(sql`
    SELECT strftime('%Y-%m', at, 'unixepoch') AS month, kind, COUNT(*) AS count
    FROM (${entriesQuery(chainId, address)})
    WHERE at >= ${since}
    GROUP BY month, kind
    ORDER BY month`)
}

function parseDetail(detail: string | null): Record<string, unknown> | null {
  if (!detail) return null
  try {
    const value: unknown = JSON.parse(detail)
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null
  } catch {
    return null
  }
}

function encodeCursor(entry: { at: number; key: string }): string {
  return Buffer.from(`${entry.at}.${entry.key}`, 'utf8').toString('base64url')
}

function decodeCursor(cursor: string): { at: number; key: string } {
  const match = cursor.length <= 200 ? /^(\d{1,12})\.([clz][\w.:-]{1,140})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8')) : null
  if (!match) throw new BadTimelineCursorError('The timeline cursor is not one this page made: start again from the first page.')
  return { at: Number(match[1]), key: match[2]! }
}

/** What a page of entries is about: task titles by id, proposal titles by "plugin/id", trustless actions by "contract/dao/id" (null title: the document is not resolved yet). */
export type TimelineSubjects = {
  tasks: Record<string, string | null>
  proposals: Record<string, string | null>
  actions: Record<string, { title: string | null; kind: 'optimistic' | 'pessimistic' }>
}

/** The proposal key of an entry ("plugin/id"), from the plugin the indexer records in its detail. */
export const proposalKeyOf = (entry: TimelineEntry) => (typeof entry.detail?.plugin === 'string' && entry.subject ? `${entry.detail.plugin}/${entry.subject}` : null)
/** The trustless action key of an entry ("contract/dao/id"). */
export const actionKeyOf = (entry: TimelineEntry) =>
  typeof entry.detail?.contract === 'string' && typeof entry.detail?.dao === 'string' && entry.subject ? `${entry.detail.contract}/${entry.detail.dao}/${entry.subject}` : null

export function getTimelineSubjects(db: Db, chainId: number, entries: TimelineEntry[]): TimelineSubjects {
  const taskIds = [...new Set(entries.filter((e) => e.kind === 'tasks' && e.event.startsWith('task.') && e.subject !== null && /^\d{1,20}$/.test(e.subject)).map((e) => Number(e.subject)))]
  const proposalKeys = [...new Set(entries.map(proposalKeyOf).filter((key): key is string => key !== null))]
  const actionKeys = [...new Set(entries.filter((e) => e.kind === 'actions').map(actionKeyOf).filter((key): key is string => key !== null))]
  const list = (values: (string | number)[]) => sql.join(values.map((v) => sql`${v}`), sql`, `)
  const tasks = taskIds.length
    ? db.all<{ id: string; title: string | null }>(sql`SELECT CAST(task_id AS TEXT) AS id, title FROM tasks WHERE chain_id = ${chainId} AND task_id IN (${list(taskIds)})`)
    : []
  const proposals = proposalKeys.length
    ? db.all<{ id: string; title: string | null }>(sql`SELECT plugin || '/' || proposal_id AS id, title FROM dao_proposals WHERE chain_id = ${chainId} AND plugin || '/' || proposal_id IN (${list(proposalKeys)})`)
    : []
  const actions = actionKeys.length
    ? db.all<{ id: string; title: string | null; kind: 'optimistic' | 'pessimistic' }>(sql`
        SELECT a.contract || '/' || a.dao || '/' || a.action_id AS id, a.kind AS kind, d.title AS title
        FROM trustless_actions a LEFT JOIN metadata_documents d ON d.chain_id = a.chain_id AND d.uri = a.metadata_uri
        WHERE a.chain_id = ${chainId} AND a.contract || '/' || a.dao || '/' || a.action_id IN (${list(actionKeys)})`)
    : []
  return {
    tasks: Object.fromEntries(tasks.map((t) => [t.id, t.title])),
    proposals: Object.fromEntries(proposals.map((p) => [p.id, p.title])),
    actions: Object.fromEntries(actions.map((a) => [a.id, { title: typeof a.title === 'string' ? a.title.slice(0, 200) : null, kind: a.kind }])),
  }
}
