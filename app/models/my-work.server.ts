import { sql } from 'drizzle-orm'
import type { Db } from '#db/client'
import { addressKey } from '~/utils/address'

// "My work": the unfinished tasks the signed-in person manages, executes or applied to, with the
// facts that say what each waits on (app/profiles/my-work.ts turns them into words).

export type WorkRole = 'manager' | 'executor' | 'applicant'

export type WorkItem = {
  role: WorkRole
  taskId: number
  title: string | null
  state: 'open' | 'taken'
  deadline: number
  /** Applications not accepted yet (what a manager can accept). */
  openApplications: number
  acceptedApplications: number
  /** Submissions waiting for the manager's review. */
  unreviewedSubmissions: number
  /** Cancel requests the executor has not accepted. */
  openCancelRequests: number
  /** For an applicant: whether their application was accepted. */
  accepted: boolean
}

export function listMyWork(db: Db, { chainId, address }: { chainId: number; address: string }): WorkItem[] {
  const key = addressKey(address)
  const rows = db.all<Omit<WorkItem, 'accepted'> & { accepted: number }>(sql`
    WITH mine AS (
      SELECT 'manager' AS role, t.task_id, 0 AS accepted FROM tasks t
      WHERE t.chain_id = ${chainId} AND t.manager = ${key} AND t.state != 'closed'
      UNION ALL
      SELECT 'executor', t.task_id, 1 FROM tasks t
      JOIN task_applications a ON a.chain_id = t.chain_id AND a.task_id = t.task_id AND a.application_id = t.executor_application_id
      WHERE t.chain_id = ${chainId} AND t.state = 'taken' AND a.applicant = ${key}
      UNION ALL
      SELECT 'applicant', t.task_id, MAX(a.accepted) FROM tasks t
      JOIN task_applications a ON a.chain_id = t.chain_id AND a.task_id = t.task_id
      WHERE t.chain_id = ${chainId} AND t.state = 'open' AND a.applicant = ${key} AND t.manager != ${key}
      GROUP BY t.task_id
    )
    SELECT mine.role AS role, t.task_id AS taskId, t.title AS title, t.state AS state, t.deadline AS deadline, mine.accepted AS accepted,
      (SELECT COUNT(*) FROM task_applications a WHERE a.chain_id = t.chain_id AND a.task_id = t.task_id AND a.accepted = 0) AS openApplications,
      (SELECT COUNT(*) FROM task_applications a WHERE a.chain_id = t.chain_id AND a.task_id = t.task_id AND a.accepted = 1) AS acceptedApplications,
      (SELECT COUNT(*) FROM task_submissions s WHERE s.chain_id = t.chain_id AND s.task_id = t.task_id AND s.judgement = 'none') AS unreviewedSubmissions,
      (SELECT COUNT(*) FROM task_cancel_requests c WHERE c.chain_id = t.chain_id AND c.task_id = t.task_id AND c.accepted = 0) AS openCancelRequests
    FROM mine JOIN tasks t ON t.chain_id = ${chainId} AND t.task_id = mine.task_id
    ORDER BY CASE mine.role WHEN 'manager' THEN 0 WHEN 'executor' THEN 1 ELSE 2 END, t.deadline, t.task_id
    LIMIT 200`)
  return rows.map((row) => ({ ...row, accepted: row.accepted === 1 }))
}
