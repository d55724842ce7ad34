import { and, desc, eq, sql } from 'drizzle-orm'
import { z } from 'zod'
import type { Db } from '#db/client'
import { daoMembers, membershipRequests, taskApplications, tasks } from '#db/schema'
import type { Catalog } from '~/courses/catalog.server'
import { addressKey } from '~/utils/address'
import { checksumAddress } from '~/utils/address-checks'
import { listCompletions } from './course-progress.server'

// From learner to member: a learner who finished every course of the path files a request to
// become a verified contributor. The request carries a snapshot of their record; DAO members
// review it at /dao/requests (turning it into an optimistic proposal is the DAO pages' job).

const membershipRecordSchema = z.object({
  courses: z.array(
    z.object({ slug: z.string(), title: z.string(), version: z.string(), completedAt: z.number(), certificateId: z.string() }),
  ),
  tasks: z.array(z.object({ chainId: z.number(), taskId: z.number(), title: z.string().nullable() })),
})
export type MembershipRecord = z.infer<typeof membershipRecordSchema>

export type PathStatus = {
  complete: boolean
  courses: { slug: string; title: string; track: string; certificateId: string | null }[]
}

/** The path is every course in the catalog, Learner → Contributor → Governor. */
export function getPathStatus(db: Db, address: string, catalog: Catalog): PathStatus {
  const completions = listCompletions(db, address)
  const courses = catalog.courses.map((course) => ({
    slug: course.slug,
    title: course.title,
    track: course.track,
    certificateId: completions.find((row) => row.courseSlug === course.slug)?.certificateId ?? null,
  }))
  return { complete: courses.length > 0 && courses.every((course) => course.certificateId !== null), courses }
}

export function getCompletedTasks(db: Db, address: string, chainId: number): MembershipRecord['tasks'] {
  return db
    .select({ chainId: tasks.chainId, taskId: tasks.taskId, title: tasks.title })
    .from(tasks)
    .innerJoin(
      taskApplications,
      and(
        eq(taskApplications.chainId, tasks.chainId),
        eq(taskApplications.taskId, tasks.taskId),
        eq(taskApplications.applicationId, tasks.executorApplicationId),
      ),
    )
    .where(and(eq(tasks.chainId, chainId), eq(tasks.outcome, 'completed'), eq(sql`lower(${taskApplications.applicant})`, addressKey(address))))
    .orderBy(desc(tasks.closedAt))
    .all()
}

export function isDaoMember(db: Db, address: string, chainId: number): boolean {
  const row = db
    .select({ active: daoMembers.active })
    .from(daoMembers)
    .where(and(eq(daoMembers.chainId, chainId), eq(sql`lower(${daoMembers.address})`, addressKey(address))))
    .get()
  return row?.active === true
}

function buildRecord(db: Db, address: string, catalog: Catalog, chainId: number): MembershipRecord {
  const completions = listCompletions(db, address)
  return {
    courses: catalog.courses.flatMap((course) => {
      const completion = completions.find((row) => row.courseSlug === course.slug)
      return completion
        ? [{ slug: course.slug, title: course.title, version: completion.courseVersion, completedAt: completion.completedAt, certificateId: completion.certificateId }]
        : []
    }),
    tasks: getCompletedTasks(db, address, chainId),
  }
}

export type MembershipRequestView = {
  id: number
  address: `0x${string}`
  note: string
  status: 'open' | 'proposed' | 'withdrawn'
  createdAt: number
  record: MembershipRecord
}

export function getOpenRequest(db: Db, address: string): MembershipRequestView | null {
  const row = db
    .select()
    .from(membershipRequests)
    .where(and(eq(membershipRequests.address, addressKey(address)), eq(membershipRequests.status, 'open')))
    .get()
  return row ? toView(row) : null
}

export function listMembershipRequests(db: Db, options: { limit: number }): MembershipRequestView[] {
  return db.select().from(membershipRequests).orderBy(desc(membershipRequests.createdAt), desc(membershipRequests.id)).limit(options.limit).all().map(toView)
}

function toView(row: typeof membershipRequests.$inferSelect): MembershipRequestView {
  const record = membershipRecordSchema.safeParse(JSON.parse(row.record))
  return {
    id: row.id,
    address: checksumAddress(row.address),
    note: row.note,
    status: row.status,
    createdAt: row.createdAt,
    record: record.success ? record.data : { courses: [], tasks: [] },
  }
}

export type FileRequestResult = { ok: true; id: number } | { ok: false; status: 400 | 409; message: string }

export function fileMembershipRequest(
  db: Db,
  args: { address: string; note: string; catalog: Catalog; chainId: number; now?: number },
): FileRequestResult {
  const { address, note, catalog, chainId } = args
  if (!getPathStatus(db, address, catalog).complete) {
    return { ok: false, status: 400, message: 'Finish every course of the path first: each one earns a certificate that goes into your request.' }
  }
  if (isDaoMember(db, address, chainId)) return { ok: false, status: 409, message: 'You are already a verified contributor.' }
  const record = buildRecord(db, address, catalog, chainId)
  try {
    const row = db
      .insert(membershipRequests)
      .values({ address: addressKey(address), note, record: JSON.stringify(record), status: 'open', createdAt: args.now ?? Date.now() })
      .returning({ id: membershipRequests.id })
      .get()
    return { ok: true, id: row.id }
  } catch (error) {
    // The partial unique index allows one open request per address, even under a double submit.
    if (/UNIQUE constraint failed/.test((error as Error).message)) {
      return { ok: false, status: 409, message: 'You already have an open membership request.' }
    }
    throw error
  }
}
