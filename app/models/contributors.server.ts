import { sql, type SQL } from 'drizzle-orm'
import type { Db } from '#db/client'
import { OVC_EPOCH_WEIGHTS } from '~/profiles/ovc-score'

// The contributor directory: every address the indexer saw in an on-chain event (task managers,
// applicants, executors, voters, members) and everyone with a certificate or a profile, with what
// they did, searchable by name, address or ENS name, filtered and sorted. One grouped query per
// page; names come from the profiles and the ENS cache in the same query, so search and display agree.

const CONTRIBUTORS_PAGE_SIZE = 50

export const directorySorts = ['recent', 'tasks', 'earned', 'votes', 'newest', 'score'] as const
export type DirectorySort = (typeof directorySorts)[number]

export type DirectoryQuery = {
  /** Text to find in the display name, ENS name or address (lowercased). */
  search?: string
  /** Extra addresses whose name matches `search` outside the database (the devnet's seeded names). */
  alsoMatching?: string[]
  verified?: boolean
  completedTasks?: boolean
  certificate?: boolean
  /** Only these addresses (a department's members). */
  within?: string[]
  sort?: DirectorySort
  /** The token "most earned" ranks by: 'native' or an ERC-20 address (lowercase). */
  earnedToken?: string
}

export type ContributorRow = {
  address: string
  name: string | null
  ensName: string | null
  tasksManaged: number
  applications: number
  tasksTaken: number
  tasksDone: number
  proposals: number
  votes: number
  certificates: number
  member: 'active' | 'revoked' | null
  /** Leaderboard score (members only; 0 otherwise). */
  score: number
  /** Earned in `earnedToken`, as a decimal string of base units; null when not sorting by earnings. */
  earned: string | null
  firstSeen: number
  lastActive: number
}

export type ContributorPage = { items: ContributorRow[]; total: number; page: number; pageCount: number }

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`)
const inList = (values: string[]) => sql.join(values.map((v) => sql`${v.toLowerCase()}`), sql`, `)

/** Months between a unix time's UTC month and `now`'s (0: the same month). */
const monthsAgo = (column: SQL, now: number) =>
  sql`((CAST(strftime('%Y', ${now}, 'unixepoch') AS INTEGER) * 12 + CAST(strftime('%m', ${now}, 'unixepoch') AS INTEGER)) - (CAST(strftime('%Y', ${column}, 'unixepoch') AS INTEGER) * 12 + CAST(strftime('%m', ${column}, 'unixepoch') AS INTEGER)))`

export function getContributorPage(
  db: Db,
  {
    chainId,
    page,
    now = Math.floor(Date.now() / 1000),
    pageSize = CONTRIBUTORS_PAGE_SIZE,
    exclude = [],
    query = {},
  }: {
    chainId: number
    page: number
    now?: number
    pageSize?: number
    /** Addresses that are not people, e.g. the OVC contract the indexer records as the "manager" of optimistic actions. */
    exclude?: string[]
    query?: DirectoryQuery
  },
): ContributorPage {
  const weights = sql.join(OVC_EPOCH_WEIGHTS.map((weight, i) => sql`WHEN ${i} THEN ${weight}`), sql` `)
  const earnedToken = query.sort === 'earned' ? (query.earnedToken ?? 'native') : null
  const earned = earnedToken
    ? sql`(SELECT SUM(CAST(amount AS REAL)) FROM task_payouts WHERE chain_id = ${chainId} AND recipient = people.address AND ${earnedToken === 'native' ? sql`token IS NULL` : sql`token = ${earnedToken}`})`
    : sql`NULL`
  const earnedExact = earnedToken
    ? sql`(SELECT group_concat(amount) FROM task_payouts WHERE chain_id = ${chainId} AND recipient = people.address AND ${earnedToken === 'native' ? sql`token IS NULL` : sql`token = ${earnedToken}`})`
    : sql`NULL`

  const conditions: SQL[] = []
  if (exclude.length > 0) conditions.push(sql`address NOT IN (${inList(exclude)})`)
  // An RFP's escrow creates the task of each project it accepts (it is the task's creator): a contract, not a person.
  conditions.push(sql`address NOT IN (SELECT lower(escrow) FROM rfps WHERE chain_id = ${chainId})`)
  if (query.verified) conditions.push(sql`active = 1`)
  if (query.completedTasks) conditions.push(sql`tasksDone > 0`)
  if (query.certificate) conditions.push(sql`certificates > 0`)
  if (query.sort === 'score') conditions.push(sql`active = 1`)
  if (query.within) conditions.push(query.within.length ? sql`address IN (${inList(query.within)})` : sql`0`)
  if (query.search) {
    const like = `%${escapeLike(query.search.toLowerCase())}%`
    const also = query.alsoMatching?.length ? sql` OR address IN (${inList(query.alsoMatching)})` : sql``
    conditions.push(sql`(address LIKE ${like} ESCAPE '\\' OR lower(coalesce(name, '')) LIKE ${like} ESCAPE '\\' OR lower(coalesce(ensName, '')) LIKE ${like} ESCAPE '\\'${also})`)
  }
  const where = conditions.length ? sql`WHERE ${sql.join(conditions, sql` AND `)}` : sql``
  const order = {
    recent: sql`lastActive DESC`,
    tasks: sql`tasksDone DESC, lastActive DESC`,
    earned: sql`earnedValue DESC NULLS LAST, lastActive DESC`,
    votes: sql`votes DESC, lastActive DESC`,
    newest: sql`firstSeen DESC`,
    score: sql`score DESC, tasksDone DESC`,
  }[query.sort ?? 'recent']

  const directory = sql`
    WITH people AS (
      SELECT DISTINCT address FROM chain_activity WHERE chain_id = ${chainId}
      UNION SELECT address FROM certificates
      UNION SELECT address FROM profiles
    ),
    seen AS (
      SELECT address,
        COUNT(CASE WHEN kind = 'task.applied' THEN 1 END) AS applications,
        COUNT(DISTINCT CASE WHEN kind = 'task.taken' THEN subject END) AS tasksTaken,
        COUNT(DISTINCT CASE WHEN kind = 'task.completed' THEN subject END) AS tasksDone,
        -- Proposal ids count per plugin (the DAO's and each department's start at 0), so a proposal is its plugin and id.
        COUNT(DISTINCT CASE WHEN kind = 'dao.proposed' THEN coalesce(json_extract(detail, '$.plugin'), '') || ':' || subject END) AS proposals,
        COUNT(DISTINCT CASE WHEN kind = 'dao.voted' THEN coalesce(json_extract(detail, '$.plugin'), '') || ':' || subject END) AS votes,
        MIN(timestamp) AS firstSeen,
        MAX(timestamp) AS lastActive
      FROM chain_activity WHERE chain_id = ${chainId}
      GROUP BY address
    ),
    -- One pass over the tasks rather than one per person (tasks has no index by manager).
    managed AS (
      SELECT manager AS address, COUNT(*) AS tasksManaged FROM tasks WHERE chain_id = ${chainId} GROUP BY manager
    ),
    directory AS (
      SELECT people.address AS address,
        nullif(trim(pr.title), '') AS name,
        e.name AS ensName,
        coalesce(seen.applications, 0) AS applications,
        coalesce(seen.tasksTaken, 0) AS tasksTaken,
        coalesce(seen.tasksDone, 0) AS tasksDone,
        coalesce(seen.proposals, 0) AS proposals,
        coalesce(seen.votes, 0) AS votes,
        (SELECT COUNT(*) FROM certificates c WHERE c.address = people.address) AS certificates,
        coalesce(managed.tasksManaged, 0) AS tasksManaged,
        m.active AS active,
        CASE WHEN m.active = 1 THEN (
          SELECT coalesce(SUM(CASE ${monthsAgo(sql`t.closed_at`, now)} ${weights} ELSE 0 END), 0)
          FROM tasks t JOIN task_applications a ON a.chain_id = t.chain_id AND a.task_id = t.task_id AND a.application_id = t.executor_application_id
          WHERE t.chain_id = ${chainId} AND a.applicant = people.address AND t.outcome IN ('completed', 'disputed')
        ) ELSE 0 END AS score,
        ${earned} AS earnedValue,
        ${earnedExact} AS earnedParts,
        coalesce(seen.firstSeen, (SELECT MIN(issued_at) FROM certificates c WHERE c.address = people.address), pr.updated_at / 1000, 0) AS firstSeen,
        max(coalesce(seen.lastActive, 0), coalesce((SELECT MAX(issued_at) FROM certificates c WHERE c.address = people.address), 0), coalesce(pr.updated_at / 1000, 0)) AS lastActive
      FROM people
      LEFT JOIN seen ON seen.address = people.address
      LEFT JOIN managed ON managed.address = people.address
      LEFT JOIN dao_members m ON m.chain_id = ${chainId} AND m.address = people.address
      LEFT JOIN profiles pr ON pr.address = people.address
      LEFT JOIN ens_names e ON e.address = people.address
    )`
  const total = db.get<{ total: number }>(sql`${directory} SELECT COUNT(*) AS total FROM directory ${where}`)?.total ?? 0
  const pageCount = Math.max(1, Math.ceil(total / pageSize))
  const rows = db.all<Omit<ContributorRow, 'member' | 'earned'> & { active: number | null; earnedParts: string | null; earnedValue: number | null }>(sql`
    ${directory} SELECT * FROM directory ${where}
    ORDER BY ${order}, address
    LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`)
  return {
    total,
    page,
    pageCount,
    items: rows.map(({ active, earnedParts, earnedValue: _value, ...row }) => ({
      ...row,
      member: active === null ? null : active ? 'active' : 'revoked',
      earned: earnedToken ? (earnedParts ?? '').split(',').filter(Boolean).reduce((sum, part) => sum + BigInt(part), 0n).toString() : null,
    })),
  }
}

/** The tokens anyone was paid in, for the "most earned" choice: null is the native currency. */
export function listPayoutTokens(db: Db, chainId: number): (string | null)[] {
  return db.all<{ token: string | null }>(sql`SELECT DISTINCT token FROM task_payouts WHERE chain_id = ${chainId} ORDER BY token IS NOT NULL, token`).map((row) => row.token)
}
