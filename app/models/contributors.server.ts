import { sql } from 'drizzle-orm'
import type { Db } from '#db/client'

// The contributor directory: every address the indexer saw in an on-chain event (task
// managers, applicants, executors, voters, members), with what they did, from the per-address
// activity feed plus the tasks and members projections. One grouped query per page.

const CONTRIBUTORS_PAGE_SIZE = 50

export type ContributorRow = {
  address: string
  tasksManaged: number
  applications: number
  tasksTaken: number
  tasksDone: number
  proposals: number
  votes: number
  member: 'active' | 'revoked' | null
  firstSeen: number
  lastActive: number
}

export type ContributorPage = { items: ContributorRow[]; total: number; page: number; pageCount: number }

export function getContributorPage(
  db: Db,
  {
    chainId,
    page,
    pageSize = CONTRIBUTORS_PAGE_SIZE,
    exclude = [],
  }: {
    chainId: number
    page: number
    pageSize?: number
    /** Addresses that are not people, e.g. the OVC contract the indexer records as the "manager" of optimistic actions. */
    exclude?: string[]
  },
): ContributorPage {
  const excluded = exclude.length > 0 ? sql`AND address NOT IN (${sql.join(exclude.map((address) => sql`${address.toLowerCase()}`), sql`, `)})` : sql``
  const totalRow = db.get<{ total: number }>(
    sql`SELECT COUNT(DISTINCT address) AS total FROM chain_activity WHERE chain_id = ${chainId} ${excluded}`,
  )
  const total = totalRow?.total ?? 0
  const pageCount = Math.max(1, Math.ceil(total / pageSize))
  const rows = db.all<Omit<ContributorRow, 'member'> & { active: number | null }>(sql`
    WITH seen AS (
      SELECT address,
        COUNT(CASE WHEN kind = 'task.applied' THEN 1 END) AS applications,
        COUNT(DISTINCT CASE WHEN kind = 'task.taken' THEN subject END) AS tasksTaken,
        COUNT(DISTINCT CASE WHEN kind = 'task.completed' THEN subject END) AS tasksDone,
        COUNT(DISTINCT CASE WHEN kind = 'dao.proposed' THEN subject END) AS proposals,
        COUNT(DISTINCT CASE WHEN kind = 'dao.voted' THEN subject END) AS votes,
        MIN(timestamp) AS firstSeen,
        MAX(timestamp) AS lastActive
      FROM chain_activity
      WHERE chain_id = ${chainId} ${excluded}
      GROUP BY address
      ORDER BY lastActive DESC, address
      LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}
    )
    SELECT seen.*,
      (SELECT COUNT(*) FROM tasks t WHERE t.chain_id = ${chainId} AND t.manager = seen.address) AS tasksManaged,
      m.active AS active
    FROM seen
    LEFT JOIN dao_members m ON m.chain_id = ${chainId} AND m.address = seen.address
    ORDER BY seen.lastActive DESC, seen.address
  `)
  return {
    total,
    page,
    pageCount,
    items: rows.map(({ active, ...row }) => ({ ...row, member: active === null ? null : active ? 'active' : 'revoked' })),
  }
}
