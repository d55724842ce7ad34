import type { LoaderFunctionArgs } from '@remix-run/node'
import { getDb } from '~/db.server'
import { getChainId } from '~/env.server'
import { getPortalOrigin } from '~/http/origin.server'
import { getChainNow } from '~/models/chain-time.server'
import { deriveInboxItems } from '~/models/inbox.server'
import { findFeedOwner, getNotificationSettings } from '~/models/notification-settings.server'
import { renderAtomFeed } from '~/notifications/atom.server'

// GET /notifications/feed/:token — a person's private Atom feed of their inbox, for the kinds
// they chose. The token is the only credential (only its hash is stored); an unknown or revoked
// one is a 404 that says nothing about whether it ever existed.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb()
  const owner = findFeedOwner(db, params.token ?? '')
  if (!owner) return new Response('No such feed.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } })
  const chainId = getChainId()
  const now = getChainNow(db, chainId)
  const kinds = new Set(getNotificationSettings(db, owner).subscriptions.feed)
  const origin = getPortalOrigin(request).origin
  const items = deriveInboxItems(db, { chainId, address: owner, now }).filter((item) => kinds.has(item.kind)).slice(0, 50)
  const body = renderAtomFeed({ feedUrl: new URL(new URL(request.url).pathname, origin).toString(), origin, subject: owner, items, updated: now })
  return new Response(body, {
    headers: {
      'Content-Type': 'application/atom+xml; charset=utf-8',
      'Cache-Control': 'private, max-age=60',
      'Referrer-Policy': 'no-referrer',
      'X-Robots-Tag': 'noindex',
    },
  })
}
