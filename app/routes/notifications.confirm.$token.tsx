import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { ErrorPage } from '~/components/error-page'
import { getDb } from '~/db.server'
import { getChainId } from '~/env.server'
import { requireSameOrigin } from '~/http/origin.server'
import { getChainNow } from '~/models/chain-time.server'
import { confirmEmail, findEmailConfirmation } from '~/models/notification-settings.server'

// /notifications/confirm/:token — the link mailed to a new address. Opening it changes nothing
// (mail scanners open links); pressing "Confirm" posts it, and only then does the address receive
// digests. The token alone proves the mailbox; it works once and for two days.

export const meta: MetaFunction = () => [{ title: 'Confirm your e-mail address · Openmesh Portal' }]

const UNKNOWN = 'This confirmation link is unknown, used or expired. Ask for a new one on the notifications page.'

export function loader({ request, params }: LoaderFunctionArgs) {
  const found = findEmailConfirmation(getDb(), params.token ?? '')
  if (found) return { email: found.email, confirmed: false }
  // After "Confirm" the token is spent: the redirect below lands here and says so (the page
  // after a POST reloads its loader, with or without JavaScript, so it cannot rely on the token).
  if (new URL(request.url).searchParams.has('confirmed')) return { email: null, confirmed: true }
  throw data(UNKNOWN, { status: 404 })
}

export function action({ request, params }: ActionFunctionArgs) {
  requireSameOrigin(request)
  const db = getDb()
  const confirmed = confirmEmail(db, params.token ?? '', { since: getChainNow(db, getChainId()) * 1000 })
  if (!confirmed) throw data(UNKNOWN, { status: 404 })
  return redirect(`${new URL(request.url).pathname}?confirmed`)
}

export default function ConfirmEmail() {
  const { email, confirmed } = useLoaderData<typeof loader>()
  return (
    <div>
      <h1>Confirm your e-mail address</h1>
      {confirmed ? (
        <p role="status">
          Confirmed: digests now go to the address this link was sent to. <Link to="/notifications">Notification settings</Link>
        </p>
      ) : (
        <Form method="post">
          <p>Receive Openmesh Portal notifications at {email}?</p>
          <button type="submit">Confirm</button>
        </Form>
      )}
    </div>
  )
}

export function ErrorBoundary() {
  return <ErrorPage />
}
