import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { ErrorPage } from '~/components/error-page'
import { When } from '~/components/when'
import { getDb } from '~/db.server'
import { getChainId } from '~/env.server'
import { readCappedFormData } from '~/http/form-body.server'
import { getChainNow } from '~/models/chain-time.server'
import { listInbox, markInboxRead } from '~/models/inbox.server'
import { inboxKindLabels } from '~/notifications/kinds'
import profilesStyles from '~/profiles/profiles.css'
import { requireAddress, requireSignedInMutation } from '~/session/auth.server'

// /inbox — what needs the signed-in person's attention, derived from the chain and the portal's
// own rows (app/models/inbox.server.ts). Read marks are kept per item key, so they survive a
// re-index. Marking works as plain form posts: no JavaScript needed.

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: profilesStyles }]
export const meta: MetaFunction = () => [{ title: 'Inbox · Openmesh Portal' }]

const MAX_BODY_BYTES = 4 * 1024

export async function loader({ request }: LoaderFunctionArgs) {
  const address = await requireAddress(request)
  const db = getDb()
  const chainId = getChainId()
  const now = getChainNow(db, chainId)
  return { ...listInbox(db, { chainId, address, now }), now }
}

export async function action({ request }: ActionFunctionArgs) {
  const address = await requireSignedInMutation(request)
  const form = await readCappedFormData(request, MAX_BODY_BYTES)
  if (form instanceof Response) return form
  const intent = form.get('intent')
  const db = getDb()
  const chainId = getChainId()
  const now = getChainNow(db, chainId)
  if (intent === 'read-all') return { marked: markInboxRead(db, { chainId, address, now, keys: 'all' }) }
  if (intent === 'read') {
    const key = form.get('key')
    if (typeof key !== 'string' || key === '' || key.length > 300) throw data('Say which item to mark as read.', { status: 400 })
    return { marked: markInboxRead(db, { chainId, address, now, keys: [key] }) }
  }
  throw data('Say what to do: "read" or "read-all".', { status: 400 })
}

export default function Inbox() {
  const { items, unread, now } = useLoaderData<typeof loader>()
  return (
    <div>
      <h1>Inbox</h1>
      <p className="muted">
        {unread === 0 ? 'Nothing unread.' : `${unread} unread.`} Get these outside the portal too: <Link to="/notifications">notification settings</Link>.
      </p>
      {unread > 0 ? (
        <Form method="post">
          <button type="submit" name="intent" value="read-all" className="secondary">
            Mark all as read
          </button>
        </Form>
      ) : null}
      {items.length === 0 ? (
        <p className="muted">Your inbox is empty. Applications to your tasks, reviews of your work, proposals about to close and new certificates will show here.</p>
      ) : (
        <ul className="inbox-list" aria-label="Inbox items, newest first">
          {items.map((item) => (
            <li key={item.key} className={`card ${item.read ? 'read' : 'unread'}`} data-kind={item.kind}>
              <div>
                <Link to={item.href}>{item.title}</Link>
                <div className="muted small">
                  {inboxKindLabels[item.kind]} · <When at={item.at} now={now} />
                  {item.read ? ' · read' : ''}
                </div>
              </div>
              {item.read ? null : (
                <Form method="post">
                  <input type="hidden" name="key" value={item.key} />
                  <button type="submit" name="intent" value="read" className="secondary" aria-label={`Mark as read: ${item.title}`}>
                    Mark as read
                  </button>
                </Form>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

export function ErrorBoundary() {
  return <ErrorPage />
}
