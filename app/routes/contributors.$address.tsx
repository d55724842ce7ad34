import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { ErrorPage } from '~/components/error-page'
import { CertificatesSection } from '~/courses/components/certificates-section'
import coursesStyles from '~/courses/courses.css'
import { getDb } from '~/db.server'
import { listCertificates } from '~/models/certificates.server'
import { getAddress } from '~/session/auth.server'
import { parseAddress } from '~/utils/address-checks'

// A minimal contributor profile; the profile feature extends it with tasks, votes and activity.

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: coursesStyles }]

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page ? `${page.address} · Contributors · Openmesh Portal` : 'Contributor · Openmesh Portal' },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const address = parseAddress(params.address)
  if (!address) throw data('A contributor is identified by a 0x address (40 hex digits).', { status: 404 })
  const viewer = await getAddress(request)
  return {
    address,
    isOwner: viewer !== null && viewer.toLowerCase() === address.toLowerCase(),
    certificates: listCertificates(getDb(), address).map((row) => ({
      id: row.id,
      courseSlug: row.courseSlug,
      courseTitle: row.courseTitle,
      issuedAt: row.issuedAt,
    })),
  }
}

export default function ContributorProfile() {
  const { address, isOwner, certificates } = useLoaderData<typeof loader>()
  return (
    <>
      <h1 className="break">{address}</h1>
      {isOwner ? <p className="muted">This is you.</p> : null}
      <CertificatesSection certificates={certificates} isOwner={isOwner} />
    </>
  )
}

export function ErrorBoundary() {
  return <ErrorPage />
}
