import { AddressLink } from '~/components/address-link'
import { Markdown } from '~/components/markdown'
import { TxLink } from '~/components/tx-link'
import { When } from '~/components/when'
import type { AvailableActions } from '~/tasks/available-actions'
import type { CreatorRefund } from '~/tasks/creator-refund.server'
import type { PresentedTask } from '~/tasks/present-task.server'
import type { TaskWriteContext } from '~/tasks/task-write-context'
import { AcceptApplicationButton, AcceptCancelButton, ExecuteCancelButton, IncreaseRewardForm, ReviewForm, TakeTaskButton } from './actions/lazy'

// The read-only sections of the task page, with the one-click actions that belong to a row
// (accept this application, review this submission…) next to the row they act on.

type Rendered = { state: string; error: string | null; html: string | null }

function Unavailable({ what, doc }: { what: string; doc: { state: string; error: string | null } }) {
  const text =
    doc.state === 'pending'
      ? `The ${what} is still being fetched.`
      : `The ${what} is unavailable${doc.error ? ` (${doc.error})` : ''}.`
  return <p className="muted">{text}</p>
}

function DocumentText({ what, doc }: { what: string; doc: Rendered }) {
  if (doc.state === 'none') return null
  if (doc.html !== null) return <Markdown html={doc.html} />
  if (doc.state === 'ok') return <p className="muted">(empty {what})</p>
  return <Unavailable what={what} doc={doc} />
}

/** What every section that offers writes needs: the task, what the viewer may do, and the write context. */
type SectionProps = {
  task: PresentedTask
  actions: AvailableActions
  ctx: TaskWriteContext | null
  now: number
}

export function ApplicationsSection({
  task,
  actions,
  ctx,
  now,
}: SectionProps) {
  return (
    <section aria-labelledby="applications-heading">
      <h2 id="applications-heading">Applications ({task.applications.length})</h2>
      {task.applications.length === 0 ? <p className="muted">No applications yet.</p> : null}
      <ul className="entry-list">
        {task.applications.map((a) => (
          <li key={a.applicationId} className="entry" data-application-id={a.applicationId} aria-label={`Application #${a.applicationId}`}>
            <div className="entry-head">
              <strong>#{a.applicationId}</strong>
              <AddressLink address={a.applicant} />
              <span>asks {a.rewardLabel}</span>
              <span className="pill">{a.isExecutor ? 'Executor' : a.accepted ? 'Accepted' : 'Pending'}</span>
              {a.preapproved ? <span className="pill">Preapproved</span> : null}
              {a.teamSize !== null ? <span className="muted">team of {a.teamSize}</span> : null}
              <span className="muted"><When at={a.createdAt} now={now} /></span>
            </div>
            {a.preapproved ? null : a.planHtml !== null ? (
              <>
                <h3 className="small">Plan</h3>
                <Markdown html={a.planHtml} />
                {a.backgroundHtml !== null ? (
                  <>
                    <h3 className="small">Background</h3>
                    <Markdown html={a.backgroundHtml} />
                  </>
                ) : null}
              </>
            ) : (
              <Unavailable what="application" doc={a.metadata} />
            )}
            {ctx && actions.acceptApplications.includes(a.applicationId) ? (
              <AcceptApplicationButton ctx={ctx} applicationId={a.applicationId} />
            ) : null}
            {ctx && actions.take.includes(a.applicationId) ? <TakeTaskButton ctx={ctx} applicationId={a.applicationId} /> : null}
            {ctx && actions.increaseReward.includes(a.applicationId) && a.entries.length > 0 ? (
              <details>
                <summary>Increase the reward of application #{a.applicationId}</summary>
                <IncreaseRewardForm ctx={ctx} applicationId={a.applicationId} entries={a.entries} />
              </details>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  )
}

const judgementLabels = { none: 'Waiting for review', accepted: 'Accepted', rejected: 'Rejected' } as const

export function SubmissionsSection({
  task,
  actions,
  ctx,
  now,
}: SectionProps) {
  if (task.submissions.length === 0 && task.state !== 'taken') return null
  return (
    <section aria-labelledby="submissions-heading">
      <h2 id="submissions-heading">Submissions ({task.submissions.length})</h2>
      {task.submissions.length === 0 ? <p className="muted">Nothing submitted yet.</p> : null}
      <ul className="entry-list">
        {task.submissions.map((s) => (
          <li key={s.submissionId} className="entry" data-submission-id={s.submissionId} aria-label={`Submission #${s.submissionId}`}>
            <div className="entry-head">
              <strong>#{s.submissionId}</strong>
              {s.submitter ? <AddressLink address={s.submitter} /> : null}
              <span className={`pill judgement-${s.judgement}`}>{judgementLabels[s.judgement]}</span>
              <span className="muted"><When at={s.createdAt} now={now} /></span>
            </div>
            <DocumentText what="submission" doc={s.explanation} />
            {s.feedback ? (
              <div className="feedback">
                <h3 className="small">Feedback</h3>
                <DocumentText what="feedback" doc={s.feedback} />
              </div>
            ) : null}
            {ctx && actions.review.includes(s.submissionId) ? <ReviewForm ctx={ctx} submissionId={s.submissionId} /> : null}
          </li>
        ))}
      </ul>
    </section>
  )
}

export function CancelRequestsSection({
  task,
  actions,
  ctx,
  now,
}: SectionProps) {
  if (task.cancelRequests.length === 0) return null
  return (
    <section aria-labelledby="cancel-heading">
      <h2 id="cancel-heading">Cancel requests</h2>
      <ul className="entry-list">
        {task.cancelRequests.map((c) => (
          <li key={c.requestId} className="entry" aria-label={`Cancel request #${c.requestId}`}>
            <div className="entry-head">
              <strong>#{c.requestId}</strong>
              <span className="pill">{c.executed ? 'Executed' : c.accepted ? 'Accepted by the executor' : 'Waiting for the executor'}</span>
              {c.executedBy ? (
                <span>
                  by <AddressLink address={c.executedBy} />
                </span>
              ) : null}
              <span className="muted"><When at={c.createdAt} now={now} /></span>
            </div>
            <DocumentText what="reason" doc={c.reason} />
            {ctx && actions.acceptCancel.includes(c.requestId) ? <AcceptCancelButton ctx={ctx} requestId={c.requestId} /> : null}
            {ctx && actions.executeCancel.includes(c.requestId) ? <ExecuteCancelButton ctx={ctx} requestId={c.requestId} /> : null}
          </li>
        ))}
      </ul>
    </section>
  )
}

export function TimelineSection({ task, now }: { task: PresentedTask; now: number }) {
  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Timeline</h2>
      {task.timeline.length === 0 ? <p className="muted">No events indexed.</p> : null}
      <ol className="timeline">
        {task.timeline.map((event) => (
          <li key={event.key} data-event={event.name}>
            <div>{event.sentence}</div>
            <div className="when">
              <When at={event.timestamp} now={now} /> · block {event.blockNumber} · tx <TxLink hash={event.transactionHash} />
            </div>
          </li>
        ))}
      </ol>
    </section>
  )
}

/** What the escrow paid: rewards and partial payments, then what closing refunded to the creator. */
export function PayoutsList({ task, now, refund = null }: { task: PresentedTask; now: number; refund?: CreatorRefund | null }) {
  if (task.payouts.length === 0 && !refund) return null
  return (
    <>
      <h3>Paid out</h3>
      <ul className="entry-list" aria-label="Paid out">
        {task.payouts.map((p) => (
          <li key={`${p.transactionHash}-${p.recipient}-${p.label}`}>
            {p.label} to <AddressLink address={p.recipient} /> ({p.kind === 'partial' ? 'partial payment' : 'reward'}, <When at={p.paidAt} now={now} />)
          </li>
        ))}
        {refund ? (
          <li data-testid="creator-refund">
            {refund.labels.join(' + ')} to <AddressLink address={refund.recipient} /> (refund to the creator, <When at={refund.paidAt} now={now} />)
          </li>
        ) : null}
      </ul>
    </>
  )
}
