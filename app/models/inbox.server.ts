import { and, eq, inArray, sql } from 'drizzle-orm'
import type { Db } from '#db/client'
import { inboxReads } from '#db/schema'
import { actionPath, proposalPath, type GoverningBody } from '~/dao/bodies'
import { getGoverningBodies } from '~/dao/bodies.server'
import type { InboxKind } from '~/notifications/kinds'
import { addressKey, shortAddress } from '~/utils/address'
import { getDisplayNames } from './display-names.server'
import { documentOf, loadDocuments, textField } from './documents.server'
import { listTagHolders } from './department-members.server'

// The inbox of one address: derived at read time from the indexed events and the app's own rows,
// never stored. Each item is named by a stable key — the chain event's (chain, transaction, log
// index, kind), or the proposal's / action's / off-chain row's identity — never by a row id, so a
// re-index (which rebuilds every projection row) keeps what was read, and a notification is sent
// once per item (app/models/notification-outbox.server.ts).

export type InboxItem = {
  key: string
  kind: InboxKind
  /** When it happened (or entered its 24-hour window), unix seconds. */
  at: number
  title: string
  /** The portal page it is about (a path). */
  href: string
}

export type InboxEntry = InboxItem & { read: boolean }

const WINDOW = 24 * 60 * 60
/** The newest items kept per kind and in all; older ones drop out of the inbox (never out of the chain). */
const PER_KIND = 100
const MAX_ITEMS = 200

type Context = { db: Db; chainId: number; key: string; now: number; bodies: GoverningBody[]; mine: GoverningBody[] }

/**
 * The governing bodies the address has a say in now: the Openmesh DAO while it holds an OVC, and
 * each department whose tag it holds (TagVoting and the department's trustless actions).
 */
function bodiesOf(db: Db, chainId: number, key: string, bodies: GoverningBody[]): GoverningBody[] {
  const member = db.get<{ active: number }>(sql`SELECT active FROM dao_members WHERE chain_id = ${chainId} AND address = ${key}`)?.active === 1
  const tags = new Set(listTagHolders(db, chainId).filter((holder) => holder.address === key).map((holder) => holder.tag))
  return bodies.filter((body) => (body.tag === null ? member : tags.has(body.tag.toLowerCase())))
}

const inList = (values: string[]) => sql.join(values.map((value) => sql`${value}`), sql`, `)

/** Every current item for `address`, newest first. */
export function deriveInboxItems(db: Db, { chainId, address, now }: { chainId: number; address: string; now: number }): InboxItem[] {
  const key = addressKey(address)
  const bodies = getGoverningBodies(chainId)
  const ctx: Context = { db, chainId, key, now, bodies, mine: bodiesOf(db, chainId, key, bodies) }
  const items = [
    ...reviewsOfMine(ctx),
    ...onTasksIManage(ctx),
    ...proposalsEnding(ctx),
    ...actionsBecomingExecutable(ctx),
    ...certificates(ctx),
    ...membership(ctx),
    ...disputesOnMyTasks(ctx),
  ]
  return items.sort((a, b) => b.at - a.at || (a.key < b.key ? 1 : -1)).slice(0, MAX_ITEMS)
}

export function listInbox(db: Db, args: { chainId: number; address: string; now: number }): { items: InboxEntry[]; unread: number } {
  const items = deriveInboxItems(db, args)
  const read = readKeys(db, args.address, items.map((item) => item.key))
  const entries = items.map((item) => ({ ...item, read: read.has(item.key) }))
  return { items: entries, unread: entries.filter((entry) => !entry.read).length }
}

export function countUnread(db: Db, args: { chainId: number; address: string; now: number }): number {
  return listInbox(db, args).unread
}

/** Marks items read by key; keys that are not (or no longer) in the inbox are ignored. */
export function markInboxRead(db: Db, args: { chainId: number; address: string; now: number; keys: string[] | 'all' }, readAt = Date.now()): number {
  const current = deriveInboxItems(db, args).map((item) => item.key)
  const keys = args.keys === 'all' ? current : current.filter((key) => (args.keys as string[]).includes(key))
  if (keys.length === 0) return 0
  const address = addressKey(args.address)
  db.transaction((tx) => {
    for (const itemKey of keys) tx.insert(inboxReads).values({ address, itemKey, readAt }).onConflictDoNothing().run()
  })
  return keys.length
}

function readKeys(db: Db, address: string, keys: string[]): Set<string> {
  const read = new Set<string>()
  for (let i = 0; i < keys.length; i += 500) {
    const rows = db
      .select({ itemKey: inboxReads.itemKey })
      .from(inboxReads)
      .where(and(eq(inboxReads.address, addressKey(address)), inArray(inboxReads.itemKey, keys.slice(i, i + 500))))
      .all()
    for (const row of rows) read.add(row.itemKey)
  }
  return read
}

const eventKey = (chainId: number, transactionHash: string, logIndex: number, kind: InboxKind) => `${chainId}:${transactionHash}:${logIndex}:${kind}`
const taskName = (taskId: number | string, title: string | null) => (title ? `“${title}”` : `task #${taskId}`)
const taskHref = (chainId: number, taskId: number | string) => `/tasks/${chainId}/${taskId}`

/** Your application accepted, your submission reviewed: the activity feed's rows for you. */
function reviewsOfMine({ db, chainId, key }: Context): InboxItem[] {
  const rows = db.all<{ kind: string; subject: string; detail: string | null; at: number; tx: string; logIndex: number; title: string | null }>(sql`
    SELECT a.kind, a.subject, a.detail, a.timestamp AS at, a.transaction_hash AS tx, a.log_index AS logIndex, t.title
    FROM chain_activity a LEFT JOIN tasks t ON t.chain_id = a.chain_id AND t.task_id = CAST(a.subject AS INTEGER)
    WHERE a.chain_id = ${chainId} AND a.address = ${key} AND a.kind IN ('task.accepted', 'task.reviewed')
    ORDER BY a.block_number DESC, a.log_index DESC LIMIT ${PER_KIND * 2}`)
  return rows.map((row) => {
    if (row.kind === 'task.accepted') {
      return { key: eventKey(chainId, row.tx, row.logIndex, 'application-accepted'), kind: 'application-accepted', at: row.at, title: `Your application to ${taskName(row.subject, row.title)} was accepted`, href: taskHref(chainId, row.subject) }
    }
    const judgement = detailField(row.detail, 'judgement')
    const verdict = judgement === 'accepted' ? 'accepted' : judgement === 'rejected' ? 'rejected' : 'reviewed'
    return { key: eventKey(chainId, row.tx, row.logIndex, 'submission-reviewed'), kind: 'submission-reviewed', at: row.at, title: `Your submission to ${taskName(row.subject, row.title)} was ${verdict}`, href: taskHref(chainId, row.subject) }
  })
}

/**
 * Applications and submissions on the tasks you manage now. Applications made in the task's own
 * creation (the manager's preapproved applicants) and your own are not news to you.
 */
function onTasksIManage({ db, chainId, key }: Context): InboxItem[] {
  const rows = db.all<{ name: string; taskId: number; at: number; tx: string; logIndex: number; title: string | null; applicant: string | null }>(sql`
    SELECT e.name, e.task_id AS taskId, e.timestamp AS at, e.transaction_hash AS tx, e.log_index AS logIndex, t.title,
      lower(json_extract(e.args, '$.applicant')) AS applicant
    FROM tasks t JOIN task_events e ON e.chain_id = t.chain_id AND e.task_id = t.task_id
    WHERE t.chain_id = ${chainId} AND t.manager = ${key} AND e.name IN ('ApplicationCreated', 'SubmissionCreated')
      AND NOT (e.name = 'ApplicationCreated' AND lower(json_extract(e.args, '$.applicant')) = ${key})
      AND NOT EXISTS (SELECT 1 FROM task_events c WHERE c.chain_id = e.chain_id AND c.task_id = e.task_id AND c.name = 'TaskCreated' AND c.transaction_hash = e.transaction_hash)
    ORDER BY e.block_number DESC, e.log_index DESC LIMIT ${PER_KIND * 2}`)
  const names = getDisplayNames(db, chainId, rows.map((row) => row.applicant))
  return rows.map((row) =>
    row.name === 'ApplicationCreated'
      ? {
          key: eventKey(chainId, row.tx, row.logIndex, 'task-application'),
          kind: 'task-application' as const,
          at: row.at,
          title: `${row.applicant ? (names[row.applicant] ?? shortAddress(row.applicant)) : 'Someone'} applied to ${taskName(row.taskId, row.title)}`,
          href: taskHref(chainId, row.taskId),
        }
      : { key: eventKey(chainId, row.tx, row.logIndex, 'task-submission'), kind: 'task-submission' as const, at: row.at, title: `New submission to ${taskName(row.taskId, row.title)}: it waits for your review`, href: taskHref(chainId, row.taskId) },
  )
}

/** Open proposals of a body you vote in (the DAO, your departments) ending within 24 hours that you have not voted on. */
function proposalsEnding({ db, chainId, key, now, bodies, mine }: Context): InboxItem[] {
  const plugins = mine.map((body) => body.plugin).filter((plugin): plugin is string => plugin !== null)
  if (plugins.length === 0) return []
  const rows = db.all<{ proposalId: string; plugin: string; title: string | null; createdAt: number; endDate: number }>(sql`
    SELECT p.proposal_id AS proposalId, p.plugin, p.title, p.created_at AS createdAt, p.end_date AS endDate
    FROM dao_proposals p
    WHERE p.chain_id = ${chainId} AND p.plugin IN (${inList(plugins)}) AND p.state = 'active'
      AND p.start_date <= ${now} AND p.end_date > ${now} AND p.end_date <= ${now + WINDOW}
      AND NOT EXISTS (SELECT 1 FROM dao_votes v WHERE v.chain_id = p.chain_id AND v.plugin = p.plugin AND v.proposal_id = p.proposal_id AND v.voter = ${key})
    ORDER BY p.end_date LIMIT ${PER_KIND}`)
  return rows.map((row) => {
    const body = bodies.find((b) => b.plugin === row.plugin)
    return {
      key: `${chainId}:proposal:${row.plugin}:${row.proposalId}:ending`,
      kind: 'proposal-ending',
      at: Math.max(row.createdAt, row.endDate - WINDOW),
      title: `${row.title ? `“${row.title}”` : `Proposal #${row.proposalId}`}${body ? ` (${body.name})` : ''} ends ${until(row.endDate, now)} and you have not voted`,
      href: proposalPath(bodies, row.plugin, row.proposalId),
    }
  })
}

/** Optimistic actions of the DAO or a department you belong to, executable within 24 hours unless someone rejects them. */
function actionsBecomingExecutable({ db, chainId, now, bodies, mine }: Context): InboxItem[] {
  if (mine.length === 0) return []
  const rows = db.all<{ contract: string; actionId: number; dao: string; metadataUri: string; createdAt: number; executableFrom: number }>(sql`
    SELECT a.contract, a.action_id AS actionId, a.dao, a.metadata_uri AS metadataUri, a.created_at AS createdAt, a.executable_from AS executableFrom
    FROM trustless_actions a
    WHERE a.chain_id = ${chainId} AND a.kind = 'optimistic' AND a.dao IN (${inList(mine.map((body) => body.account))})
      AND a.state = 'pending' AND a.rejection_count = 0 AND a.executable_from > ${now} AND a.executable_from <= ${now + WINDOW}
    ORDER BY a.executable_from LIMIT ${PER_KIND}`)
  const documents = loadDocuments(db, chainId, rows.map((row) => row.metadataUri))
  return rows.map((row) => {
    const title = textField(documentOf(documents, row.metadataUri), 'title', 200)?.trim()
    const body = bodies.find((b) => b.account === row.dao)
    return {
      key: `${chainId}:action:${row.contract}:${row.dao}:${row.actionId}:executable`,
      kind: 'action-executable',
      at: Math.max(row.createdAt, row.executableFrom - WINDOW),
      title: `${title ? `“${title}”` : `Optimistic action #${row.actionId}`}${body ? ` (${body.name})` : ''} becomes executable ${until(row.executableFrom, now)}: your last chance to reject it`,
      href: actionPath(bodies, row.dao, 'optimistic', row.actionId),
    }
  })
}

/** A dispute opened on a task you manage or execute (a pessimistic action of the Dispute department). */
function disputesOnMyTasks({ db, chainId, key }: Context): InboxItem[] {
  const rows = db.all<{ taskId: number; title: string | null; at: number; contract: string; dao: string; actionId: number }>(sql`
    SELECT d.task_id AS taskId, t.title, d.created_at AS at, d.trustless_actions AS contract, d.dao, d.action_id AS actionId
    FROM task_disputes d JOIN tasks t ON t.chain_id = d.chain_id AND t.task_id = d.task_id
    LEFT JOIN task_applications x ON x.chain_id = t.chain_id AND x.task_id = t.task_id AND x.application_id = t.executor_application_id
    WHERE d.chain_id = ${chainId} AND (t.manager = ${key} OR x.applicant = ${key})
    ORDER BY d.created_block DESC LIMIT ${PER_KIND}`)
  return rows.map((row) => ({
    key: `${chainId}:dispute:${row.contract}:${row.dao}:${row.actionId}`,
    kind: 'task-dispute',
    at: row.at,
    title: `A dispute was opened on ${taskName(row.taskId, row.title)}`,
    href: taskHref(chainId, row.taskId),
  }))
}

function certificates({ db, key }: Context): InboxItem[] {
  const rows = db.all<{ id: string; courseTitle: string; issuedAt: number }>(sql`
    SELECT id, course_title AS courseTitle, issued_at AS issuedAt FROM certificates WHERE address = ${key} ORDER BY issued_at DESC LIMIT ${PER_KIND}`)
  return rows.map((row) => ({ key: `certificate:${row.id}`, kind: 'certificate-issued', at: row.issuedAt, title: `Certificate issued: ${row.courseTitle}`, href: `/certificates/${row.id}` }))
}

/** Your membership request moving on, and the OVC that makes you a member. */
function membership({ db, chainId, key }: Context): InboxItem[] {
  const requests = db.all<{ id: number; status: string; createdAt: number }>(sql`
    SELECT id, status, created_at AS createdAt FROM membership_requests WHERE address = ${key} AND status != 'open' ORDER BY id DESC LIMIT 20`)
  const joined = db.all<{ at: number; tx: string; logIndex: number }>(sql`
    SELECT timestamp AS at, transaction_hash AS tx, log_index AS logIndex FROM chain_activity
    WHERE chain_id = ${chainId} AND address = ${key} AND kind = 'dao.joined' ORDER BY block_number DESC LIMIT 20`)
  return [
    // A request records no time for its change of status: it is placed at the time it was filed.
    ...requests.map((row) => ({
      key: `membership-request:${row.id}:${row.status}`,
      kind: 'membership' as const,
      at: Math.floor(row.createdAt / 1000),
      title: row.status === 'proposed' ? 'Your membership request was turned into a DAO proposal' : 'Your membership request was withdrawn',
      href: '/dao/requests',
    })),
    ...joined.map((row) => ({ key: eventKey(chainId, row.tx, row.logIndex, 'membership'), kind: 'membership' as const, at: row.at, title: 'You are now a verified contributor: your OVC was minted', href: '/dao' })),
  ]
}

function detailField(detail: string | null, field: string): unknown {
  if (!detail) return undefined
  try {
    return (JSON.parse(detail) as Record<string, unknown>)[field]
  } catch {
    return undefined
  }
}

function until(at: number, now: number): string {
  const minutes = Math.max(1, Math.round((at - now) / 60))
  return minutes < 90 ? `in ${minutes} minute${minutes === 1 ? '' : 's'}` : `in ${Math.round(minutes / 60)} hours`
}
