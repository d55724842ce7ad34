import { sql } from 'drizzle-orm'
import type { Db } from '#db/client'
import { addressKey } from '~/utils/address'
import { countRfpProjects } from './contributor-topology.server'

// The figures of a contributor's profile, from the chain projections and the app's own rows:
// one query each family, all keyed by the lowercase address. Amounts stay decimal strings and are
// summed as bigints, never as floats.

export type Membership = { active: boolean; tokenId: string | null; joinedAt: number; revokedAt: number | null }

export type ContributorFigures = {
  membership: Membership | null
  tasksCompleted: number
  /** Closed by the dispute manager (completeByDispute) rather than by an accepted review. */
  tasksCompletedByDispute: number
  /** Everything paid to the address out of task escrows, per token (null: the native currency), largest first. */
  earned: { token: string | null; amount: string }[]
  applications: number
  applicationsAccepted: number
  tasksManaged: number
  /** Projects submitted to RFPs, as their representative. */
  rfpProjects: number
  proposals: number
  votes: number
  /** Optimistic actions the address proposed (through TrustlessManagement) or executed. */
  optimisticActions: number
  coursesCompleted: number
  certificates: number
  firstSeen: number | null
}

export function getContributorFigures(db: Db, { chainId, address }: { chainId: number; address: string }): ContributorFigures {
  const key = addressKey(address)
  const counts = db.get<Omit<ContributorFigures, 'membership' | 'earned' | 'rfpProjects'>>(sql`
    SELECT
      (SELECT COUNT(*) FROM tasks t JOIN task_applications a
         ON a.chain_id = t.chain_id AND a.task_id = t.task_id AND a.application_id = t.executor_application_id
       WHERE t.chain_id = ${chainId} AND a.applicant = ${key} AND t.outcome = 'completed') AS tasksCompleted,
      (SELECT COUNT(*) FROM tasks t JOIN task_applications a
         ON a.chain_id = t.chain_id AND a.task_id = t.task_id AND a.application_id = t.executor_application_id
       WHERE t.chain_id = ${chainId} AND a.applicant = ${key} AND t.outcome = 'disputed') AS tasksCompletedByDispute,
      (SELECT COUNT(*) FROM task_applications WHERE chain_id = ${chainId} AND applicant = ${key}) AS applications,
      (SELECT COUNT(*) FROM task_applications WHERE chain_id = ${chainId} AND applicant = ${key} AND accepted = 1) AS applicationsAccepted,
      (SELECT COUNT(*) FROM tasks WHERE chain_id = ${chainId} AND manager = ${key}) AS tasksManaged,
      (SELECT COUNT(*) FROM dao_proposals WHERE chain_id = ${chainId} AND creator = ${key}) AS proposals,
      (SELECT COUNT(*) FROM dao_votes WHERE chain_id = ${chainId} AND voter = ${key}) AS votes,
      (SELECT COUNT(*) FROM trustless_actions WHERE chain_id = ${chainId} AND kind = 'optimistic' AND (creator = ${key} OR executor = ${key})) AS optimisticActions,
      (SELECT COUNT(*) FROM course_completions WHERE address = ${key}) AS coursesCompleted,
      (SELECT COUNT(*) FROM certificates WHERE address = ${key}) AS certificates,
      (SELECT MIN(at) FROM (
         SELECT MIN(timestamp) AS at FROM chain_activity WHERE chain_id = ${chainId} AND address = ${key}
         UNION ALL SELECT MIN(completed_at) / 1000 FROM lesson_progress WHERE address = ${key}
         UNION ALL SELECT MIN(issued_at) FROM certificates WHERE address = ${key})) AS firstSeen
  `)!
  const member = db.get<{ active: number; tokenId: string | null; joinedAt: number; revokedAt: number | null }>(sql`
    SELECT active, token_id AS tokenId, joined_at AS joinedAt, revoked_at AS revokedAt
    FROM dao_members WHERE chain_id = ${chainId} AND address = ${key}`)
  return {
    ...counts,
    membership: member ? { active: member.active === 1, tokenId: member.tokenId, joinedAt: member.joinedAt, revokedAt: member.revokedAt } : null,
    earned: sumByToken(db.all<{ token: string | null; amount: string }>(sql`
      SELECT token, amount FROM task_payouts WHERE chain_id = ${chainId} AND recipient = ${key}`)),
    rfpProjects: countRfpProjects(db, { chainId, address: key }),
  }
}

/** Payouts to the address in time order (unix seconds), for the earnings chart. */
export function listPayouts(db: Db, { chainId, address }: { chainId: number; address: string }): { token: string | null; amount: string; paidAt: number }[] {
  return db.all(sql`
    SELECT token, amount, paid_at AS paidAt FROM task_payouts
    WHERE chain_id = ${chainId} AND recipient = ${addressKey(address)}
    ORDER BY paid_at, block_number, log_index, position`)
}

function sumByToken(rows: { token: string | null; amount: string }[]): { token: string | null; amount: string }[] {
  const totals = new Map<string | null, bigint>()
  for (const row of rows) totals.set(row.token, (totals.get(row.token) ?? 0n) + BigInt(row.amount))
  return [...totals]
    .filter(([, amount]) => amount > 0n)
    .sort(([, a], [, b]) => (a > b ? -1 : a < b ? 1 : 0))
    .map(([token, amount]) => ({ token, amount: amount.toString() }))
}
