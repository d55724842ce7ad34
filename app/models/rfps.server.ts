import { and, asc, desc, eq, inArray } from 'drizzle-orm'
import type { Db } from '#db/client'
import { rfpProjects, rfps, tasks } from '#db/schema'
import { documentOf, linksField, loadDocuments, textField, type DocumentLink, type DocumentState } from './documents.server'

// RFPs and their projects, read from the indexer's projections: anyone submits a project, the RFP's
// manager accepts one, which turns it into a task (ProjectAccepted names it); an emptied RFP gave
// back what was left. Documents are untrusted text: the pages escape them.

export type RfpSummary = {
  rfpId: number
  title: string | null
  metadataState: DocumentState
  /** The document's tags, for the board's filters. */
  tags: string[]
  creator: string
  manager: string
  deadline: number
  nativeBudget: string
  budget: { tokenContract: string; amount: string }[]
  emptied: boolean
  projectCount: number
  acceptedCount: number
  createdAt: number
}

type RfpRow = typeof rfps.$inferSelect

function tagsOf(doc: ReturnType<typeof documentOf>): string[] {
  const tags = doc.content?.tags
  if (!Array.isArray(tags)) return []
  return tags.flatMap((t) => (t && typeof t === 'object' && typeof (t as { tag?: unknown }).tag === 'string' ? [(t as { tag: string }).tag.slice(0, 32)] : [])).slice(0, 20)
}

function summarize(row: RfpRow, doc: ReturnType<typeof documentOf>, projects: { accepted: boolean }[]): RfpSummary {
  return {
    rfpId: row.rfpId,
    title: textField(doc, 'title', 200)?.trim() || null,
    metadataState: doc.state,
    tags: tagsOf(doc),
    creator: row.creator,
    manager: row.manager,
    deadline: row.deadline,
    nativeBudget: row.nativeBudget,
    budget: Array.isArray(row.budget) ? row.budget : [],
    emptied: row.emptied,
    projectCount: projects.length,
    acceptedCount: projects.filter((p) => p.accepted).length,
    createdAt: row.createdAt,
  }
}

export function listRfps(db: Db, chainId: number): RfpSummary[] {
  const rows = db.select().from(rfps).where(eq(rfps.chainId, chainId)).orderBy(desc(rfps.rfpId)).all()
  const projects = db.select({ rfpId: rfpProjects.rfpId, accepted: rfpProjects.accepted }).from(rfpProjects).where(eq(rfpProjects.chainId, chainId)).all()
  const documents = loadDocuments(db, chainId, rows.map((row) => row.metadataUri))
  return rows.map((row) => summarize(row, documentOf(documents, row.metadataUri), projects.filter((p) => p.rfpId === row.rfpId)))
}

export type RfpProject = {
  projectId: number
  title: string | null
  description: string | null
  metadataState: DocumentState
  representative: string
  deadline: number
  /** What the project asked for, in the native currency, per recipient. */
  nativeReward: { to: string; amount: string }[]
  /** What it asked for in the RFP's ERC-20 tokens, in budget-token order (`nextToken` ends a token's entries). */
  reward: { nextToken: boolean; to: string; amount: string }[]
  accepted: boolean
  /** What the manager granted, per entry of the request. */
  acceptedNativeReward: string[]
  acceptedReward: string[]
  /** The task the accepted project became, with its title as the task board shows it. */
  task: { taskId: number; title: string | null } | null
  createdAt: number
  acceptedAt: number | null
  transactionHash: string
}

export type RfpDetail = RfpSummary & {
  description: string | null
  projectRequirements: string | null
  /** As the document spells it (the frontend writes a figure as text, no unit). */
  maxProjectFunding: string | null
  maxAwardedProjects: number | null
  links: DocumentLink[]
  metadataUri: string
  tasksManager: string
  disputeManager: string
  escrow: string
  emptiedAt: number | null
  transactionHash: string
  projects: RfpProject[]
}

export function getRfp(db: Db, { chainId, rfpId }: { chainId: number; rfpId: number }): RfpDetail | null {
  const row = db.select().from(rfps).where(and(eq(rfps.chainId, chainId), eq(rfps.rfpId, rfpId))).get()
  if (!row) return null
  const projects = db
    .select()
    .from(rfpProjects)
    .where(and(eq(rfpProjects.chainId, chainId), eq(rfpProjects.rfpId, rfpId)))
    .orderBy(asc(rfpProjects.projectId))
    .all()
  const taskIds = projects.flatMap((p) => (p.taskId === null ? [] : [p.taskId]))
  const taskTitles = new Map(
    taskIds.length === 0
      ? []
      : db.select({ taskId: tasks.taskId, title: tasks.title }).from(tasks).where(and(eq(tasks.chainId, chainId), inArray(tasks.taskId, taskIds))).all().map((t) => [t.taskId, t.title]),
  )
  const documents = loadDocuments(db, chainId, [row.metadataUri, ...projects.map((p) => p.metadataUri)])
  const doc = documentOf(documents, row.metadataUri)
  return {
    ...summarize(row, doc, projects),
    description: textField(doc, 'description') ?? null,
    projectRequirements: textField(doc, 'projectRequirements') ?? null,
    maxProjectFunding: textField(doc, 'maxProjectFunding', 78)?.trim() || null,
    maxAwardedProjects: (() => {
      const value = doc.content?.maxAwardedProjects
      return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : null
    })(),
    links: linksField(doc, 'links'),
    metadataUri: row.metadataUri,
    tasksManager: row.tasksManager,
    disputeManager: row.disputeManager,
    escrow: row.escrow,
    emptiedAt: row.emptiedAt,
    transactionHash: row.transactionHash,
    projects: projects.map((project) => {
      const projectDoc = documentOf(documents, project.metadataUri)
      return {
        projectId: project.projectId,
        title: textField(projectDoc, 'title', 200)?.trim() || null,
        description: textField(projectDoc, 'description') ?? null,
        metadataState: projectDoc.state,
        representative: project.representative,
        deadline: project.deadline,
        nativeReward: Array.isArray(project.nativeReward) ? project.nativeReward : [],
        reward: Array.isArray(project.reward) ? project.reward : [],
        accepted: project.accepted,
        acceptedNativeReward: Array.isArray(project.acceptedNativeReward) ? project.acceptedNativeReward : [],
        acceptedReward: Array.isArray(project.acceptedReward) ? project.acceptedReward : [],
        task: project.taskId === null ? null : { taskId: project.taskId, title: taskTitles.get(project.taskId) ?? null },
        createdAt: project.createdAt,
        acceptedAt: project.acceptedAt,
        transactionHash: project.transactionHash,
      }
    }),
  }
}

/** The RFP project a task was created from (its creator is then that RFP's escrow), if any. */
export function getProjectOfTask(db: Db, { chainId, taskId }: { chainId: number; taskId: number }): { rfpId: number; projectId: number; rfpTitle: string | null } | null {
  const project = db
    .select({ rfpId: rfpProjects.rfpId, projectId: rfpProjects.projectId, metadataUri: rfps.metadataUri })
    .from(rfpProjects)
    .innerJoin(rfps, and(eq(rfps.chainId, rfpProjects.chainId), eq(rfps.rfpId, rfpProjects.rfpId)))
    .where(and(eq(rfpProjects.chainId, chainId), eq(rfpProjects.taskId, taskId)))
    .get()
  if (!project) return null
  const doc = documentOf(loadDocuments(db, chainId, [project.metadataUri]), project.metadataUri)
  return { rfpId: project.rfpId, projectId: project.projectId, rfpTitle: textField(doc, 'title', 200)?.trim() || null }
}
