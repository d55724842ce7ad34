import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { z } from 'zod'
import { ErrorPage } from '~/components/error-page'
import { getCatalog } from '~/courses/catalog.server'
import coursesStyles from '~/courses/courses.css'
import { signInHref } from '~/courses/lookup.server'
import { getDb } from '~/db.server'
import { getChainId } from '~/env.server'
import { requireSameOrigin } from '~/http/origin.server'
import {
  fileMembershipRequest,
  getOpenRequest,
  getPathStatus,
  isDaoMember,
  listMembershipRequests,
} from '~/models/membership-requests.server'
import { requestProgress } from '~/dao/request-progress.server'
import { getAddress, requireAddress } from '~/session/auth.server'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: coursesStyles }]

export const meta: MetaFunction = () => [{ title: 'Membership requests · DAO · Openmesh Portal' }]

type ActionData = { ok: true; id: number } | { ok: false; message: string }

/** The request form below: a note to the reviewers (the record itself is built on the server). */
const membershipRequestFormSchema = z.object({
  intent: z.literal('request'),
  note: z
    .string()
    .max(1000, 'Keep the note under 1000 characters.')
    .default('')
    .transform((note) => note.trim()),
})

export async function loader({ request }: LoaderFunctionArgs) {
  const address = await getAddress(request)
  const db = getDb()
  const chainId = getChainId()
  const requests = listMembershipRequests(db, { limit: 200 })
  return {
    requests,
    // Where each request stands in the DAO: member, an add-contributor action on its way, or nothing yet.
    progress: requestProgress(db, chainId, requests.map((r) => r.address)),
    viewer: address
      ? {
          address,
          path: getPathStatus(db, address, getCatalog()),
          openRequest: getOpenRequest(db, address),
          isMember: isDaoMember(db, address, chainId),
        }
      : null,
    signInHref: signInHref('/dao/requests'),
  }
}

export async function action({ request }: ActionFunctionArgs) {
  requireSameOrigin(request)
  const address = await requireAddress(request)
  const formData = await request.formData().catch(() => null)
  const parsed = membershipRequestFormSchema.safeParse(formData ? Object.fromEntries(formData) : {})
  if (!parsed.success) {
    return data<ActionData>({ ok: false, message: parsed.error.issues[0]?.message ?? 'The form was not valid.' }, { status: 400 })
  }
  const result = fileMembershipRequest(getDb(), { address, note: parsed.data.note, catalog: getCatalog(), chainId: getChainId() })
  if (!result.ok) return data<ActionData>({ ok: false, message: result.message }, { status: result.status })
  return data<ActionData>({ ok: true, id: result.id })
}

export default function MembershipRequests() {
  const { requests, progress, viewer, signInHref } = useLoaderData<typeof loader>()
  const actionData = useActionData<ActionData>()
  const navigation = useNavigation()
  return (
    <>
      <h1>Membership requests</h1>
      <p className="lead">
        Learners who finished the whole Opencircle path ask here to become verified contributors. Each request carries the
        learner’s record: their course certificates and the OpenR&amp;D tasks they completed. DAO members review them and
        propose the ones they support as an optimistic “add verified contributor” action.
      </p>

      {viewer === null ? (
        <p className="callout callout-note">
          <Link to={signInHref}>Sign in</Link> to file your own request once you have finished the path.
        </p>
      ) : viewer.isMember ? (
        <p className="callout callout-tip">You are already a verified contributor.</p>
      ) : viewer.openRequest ? (
        <p className="callout callout-tip" role="status">
          Your request is filed and waiting for the DAO ({new Date(viewer.openRequest.createdAt).toISOString().slice(0, 10)}).
        </p>
      ) : viewer.path.complete ? (
        <Form method="post" className="card membership-form">
          <h2>Request membership</h2>
          <p>Your record goes with the request: {viewer.path.courses.length} course certificates, and your completed tasks.</p>
          <input type="hidden" name="intent" value="request" />
          <label htmlFor="note">A note to the members (optional)</label>
          <textarea id="note" name="note" rows={4} maxLength={1000} />
          {actionData && !actionData.ok ? (
            <p className="field-error" role="alert">
              {actionData.message}
            </p>
          ) : null}
          <p>
            <button type="submit" disabled={navigation.state !== 'idle'}>
              File my request
            </button>
          </p>
        </Form>
      ) : (
        <div className="callout callout-note">
          <p>Finish every course of the path to file a request:</p>
          <ul>
            {viewer.path.courses.map((course) => (
              <li key={course.slug}>
                <Link to={`/courses/${course.slug}`}>{course.title}</Link> {course.certificateId ? '✓' : '· not finished'}
              </li>
            ))}
          </ul>
        </div>
      )}

      <h2>Requests</h2>
      {requests.length === 0 ? (
        <p className="muted">No requests yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Learner</th>
              <th>Filed</th>
              <th>Courses</th>
              <th>Completed tasks</th>
              <th>Status</th>
            </tr>
          </thead>
          <tbody>
            {requests.map((entry) => (
              <tr key={entry.id}>
                <td>
                  <Link to={`/contributors/${entry.address}`}>{entry.address}</Link>
                  {entry.note ? <p className="muted small request-note">{entry.note}</p> : null}
                </td>
                <td>{new Date(entry.createdAt).toISOString().slice(0, 10)}</td>
                <td>
                  <ul className="plain">
                    {entry.record.courses.map((course) => (
                      <li key={course.slug}>
                        <Link to={`/certificates/${course.certificateId}`}>{course.title}</Link>
                      </li>
                    ))}
                  </ul>
                </td>
                <td>
                  {entry.record.tasks.length === 0 ? (
                    <span className="muted">none yet</span>
                  ) : (
                    <ul className="plain">
                      {entry.record.tasks.map((task) => (
                        <li key={`${task.chainId}-${task.taskId}`}>
                          <Link to={`/tasks/${task.chainId}/${task.taskId}`}>{task.title ?? `Task #${task.taskId}`}</Link>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td data-testid="request-status">
                  <RequestProgress entry={entry} progress={progress[entry.address.toLowerCase()] ?? null} signedIn={viewer !== null} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}

function RequestProgress({
  entry,
  progress,
  signedIn,
}: {
  entry: { address: string; status: string }
  progress: ReturnType<typeof useLoaderData<typeof loader>>['progress'][string] | null
  signedIn: boolean
}) {
  if (progress?.member) return <strong>member</strong>
  if (progress?.action) {
    return (
      <>
        <Link to={progress.action.path}>add-contributor action</Link> {progress.action.state}
      </>
    )
  }
  if (entry.status !== 'open') return <>{entry.status}</>
  const title = `Add ${entry.address} as a verified contributor`
  return (
    <>
      {entry.status}
      {signedIn ? (
        <>
          <br />
          <Link className="small" to={`/dao/new?kind=action&body=openmesh&to=${entry.address}&title=${encodeURIComponent(title)}`}>
            Propose adding them
          </Link>
        </>
      ) : null}
    </>
  )
}

export function ErrorBoundary() {
  return <ErrorPage />
}
