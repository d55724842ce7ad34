import { actionPath, proposalPath, type GoverningBody } from '~/dao/bodies'
import { actionKeyOf, proposalKeyOf, type TimelineEntry, type TimelineSubjects } from '~/models/contributor-timeline.server'

// One sentence per timeline entry, in the profile owner's third person ("Applied to …"), with the
// page it links to. Titles come from the projections (untrusted: rendered as text).

export type TimelineTitles = TimelineSubjects & { courses: Record<string, string> }

export type TimelineLine = { text: string; subject: { label: string; href: string } | null }

export function describeTimelineEntry(entry: TimelineEntry, titles: TimelineTitles, chainId: number, bodies: GoverningBody[]): TimelineLine {
  const subject = entry.subject ?? ''
  const detail = entry.detail ?? {}
  const task = { label: titles.tasks[subject] ?? `task #${subject}`, href: `/tasks/${chainId}/${subject}` }
  const proposalKey = proposalKeyOf(entry)
  const proposal = proposalKey
    ? { label: titles.proposals[proposalKey] ?? `proposal #${subject}`, href: proposalPath(bodies, String(detail.plugin), subject) }
    : null
  const actionKey = actionKeyOf(entry)
  const known = actionKey ? titles.actions[actionKey] : undefined
  const action =
    actionKey && known && /^\d{1,12}$/.test(subject)
      ? { label: known.title ?? `${known.kind} action #${subject}`, href: actionPath(bodies, String(detail.dao), known.kind, Number(subject)) }
      : null
  const rfp = /^(\d{1,12})(?:\/\d{1,12})?$/.exec(subject)
  const rfpLink = rfp ? { label: `RFP #${rfp[1]}`, href: `/rfps/${chainId}/${rfp[1]}` } : null
  switch (entry.event) {
    case 'task.created':
      return { text: 'Created', subject: task }
    case 'task.manager':
      return { text: 'Became the manager of', subject: task }
    case 'task.applied':
      return { text: 'Applied to', subject: task }
    case 'task.accepted':
      return { text: 'Had their application accepted for', subject: task }
    case 'task.taken':
      return { text: 'Took', subject: task }
    case 'task.submitted':
      return { text: 'Submitted work for', subject: task }
    case 'task.reviewed':
      return { text: detail.judgement === 'accepted' ? 'Had their submission accepted for' : detail.judgement === 'rejected' ? 'Had their submission rejected for' : 'Had their submission reviewed for', subject: task }
    case 'task.paid':
      return { text: detail.partial ? 'Received a partial payment for' : 'Was paid for', subject: task }
    case 'task.cancel-requested':
      return { text: 'Was asked to agree to cancel', subject: task }
    case 'task.cancelled':
      return { text: 'Cancelled', subject: task }
    case 'task.completed':
      return { text: detail.outcome === 'disputed' ? 'Completed (settled by dispute)' : 'Completed', subject: task }
    case 'dao.voted':
      return { text: `Voted ${typeof detail.option === 'string' ? detail.option : ''} on`.replace('  ', ' '), subject: proposal }
    case 'dao.proposed':
      return { text: 'Proposed', subject: proposal }
    case 'dao.action':
      return { text: detail.executed ? 'Executed' : detail.created ? 'Proposed' : 'Took part in', subject: action }
    case 'dao.rejected':
      return { text: 'Rejected', subject: action }
    case 'task.disputed':
      return { text: 'Was party to a dispute on', subject: task }
    case 'rfp.created':
      return { text: 'Opened', subject: rfpLink }
    case 'rfp.project':
      return { text: 'Submitted a project to', subject: rfpLink }
    case 'rfp.accepted':
      return { text: 'Had their project accepted for', subject: rfpLink }
    case 'dao.joined':
      return { text: 'Became a verified contributor (OVC minted)', subject: null }
    case 'dao.revoked':
      return { text: 'Stopped being a verified contributor (OVC burned)', subject: null }
    case 'department.tagged':
    case 'department.untagged': {
      const body = bodies.find((b) => b.tag !== null && b.tag.toLowerCase() === subject.toLowerCase())
      const department = body ? { label: body.name, href: `/dao/departments/${body.slug}` } : { label: 'department', href: '/dao' }
      return { text: entry.event === 'department.tagged' ? 'Joined the' : 'Left the', subject: department }
    }
    case 'dao.delegated':
      return { text: 'Delegated their voting power', subject: null }
    case 'course.completed':
      return { text: 'Completed the course', subject: { label: titles.courses[subject] ?? subject, href: `/courses/${subject}` } }
    case 'certificate.issued':
      return { text: 'Earned the certificate', subject: { label: typeof detail.courseTitle === 'string' ? detail.courseTitle : 'certificate', href: `/certificates/${subject}` } }
    default:
      return { text: entry.event, subject: null }
  }
}
