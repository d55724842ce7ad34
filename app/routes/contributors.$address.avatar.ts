import type { LoaderFunctionArgs } from '@remix-run/node'
import { getDb } from '~/db.server'
import { getEnv } from '~/env.server'
import { getEnsRecord } from '~/models/ens-names.server'
import { allowPrivateUrls } from '~/notifications/policy.server'
import { fetchAvatar } from '~/profiles/avatar.server'
import { parseAddress } from '~/utils/address-checks'

// GET /contributors/:address/avatar — the address's ENS avatar, fetched by the server so that the
// page loads images from the portal only (its CSP allows no other) and readers' addresses never
// reach whoever hosts the picture. Raster images only, size-capped, cached for a day.

export async function loader({ params }: LoaderFunctionArgs) {
  const address = parseAddress(params.address)
  const record = address ? getEnsRecord(getDb(), address) : null
  if (!record?.avatarUrl) return notFound()
  const image = await fetchAvatar(record.avatarUrl, { allowPrivate: allowPrivateUrls(getEnv()) })
  if (!image) return notFound()
  return new Response(new Uint8Array(image.bytes), {
    headers: {
      'Content-Type': image.type,
      'Cache-Control': 'public, max-age=86400',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Content-Disposition': 'inline',
    },
  })
}

function notFound() {
  return new Response('No avatar.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'public, max-age=3600' } })
}
