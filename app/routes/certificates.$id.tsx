import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { ErrorPage } from '~/components/error-page'
import { verifyCertificate } from '~/courses/certificate-signing.server'
import { CERTIFICATE_ID, certificateTypedData } from '~/courses/certificate-typed-data'
import coursesStyles from '~/courses/courses.css'
import { getIssuerAddress } from '~/courses/issuer.server'
import { getDb } from '~/db.server'
import { getCertificate, messageOf } from '~/models/certificates.server'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: coursesStyles }]

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page ? `Certificate: ${page.courseTitle} · Openmesh Portal` : 'Certificate · Openmesh Portal' },
]

export async function loader({ params }: LoaderFunctionArgs) {
  const id = params.id?.toLowerCase() ?? ''
  if (!CERTIFICATE_ID.test(id)) throw data('A certificate id is 0x followed by 64 hex digits.', { status: 404 })
  const row = getCertificate(getDb(), id)
  if (!row) throw data('No certificate with this id was issued by this portal.', { status: 404 })
  const typedData = certificateTypedData(messageOf(row))
  const verification = await verifyCertificate(row, getIssuerAddress())
  // The exact JSON a verifier feeds to an EIP-712 library (uint64 as a decimal string).
  const typedDataJson = JSON.stringify({ ...typedData, message: { ...typedData.message, issuedAt: typedData.message.issuedAt.toString() } }, null, 2)
  return {
    id: row.id,
    courseSlug: row.courseSlug,
    courseTitle: row.courseTitle,
    learner: typedData.message.learner,
    issuedAt: row.issuedAt,
    issuer: row.issuer,
    signature: row.signature,
    typedDataJson,
    verification,
  }
}

export default function CertificatePage() {
  const page = useLoaderData<typeof loader>()
  const { verification } = page
  const verified = verification.signatureValid && verification.idMatches
  const issued = new Date(page.issuedAt * 1000).toISOString().replace('T', ' ').slice(0, 16)
  const snippet = `import { verifyTypedData, hashTypedData } from 'viem'

const typedData = /* the JSON above, with issuedAt as BigInt(${page.issuedAt}) */
await verifyTypedData({ ...typedData, address: '${page.issuer}', signature: '${page.signature}' }) // true
hashTypedData(typedData) // '${page.id}', the certificate id`
  return (
    <article className="certificate-page">
      <p className="muted">
        <Link to="/courses">Courses</Link> · certificate
      </p>
      <div className="certificate card">
        <p className="muted">Opencircle certifies that</p>
        <p className="certificate-learner">
          <Link to={`/contributors/${page.learner}`}>{page.learner}</Link>
        </p>
        <p className="muted">finished the course</p>
        <h1>
          <Link to={`/courses/${page.courseSlug}`}>{page.courseTitle}</Link>
        </h1>
        <p className="muted">issued {issued} UTC</p>
      </div>

      <section aria-labelledby="verification-heading">
        <h2 id="verification-heading">Verification</h2>
        <p className={verified ? 'verify-ok' : 'verify-bad'} role="status">
          {verified
            ? `Valid signature: the statement below was signed by ${page.issuer}.`
            : 'Invalid: the signature or the id does not match the statement below.'}
        </p>
        <ul>
          <li>Signature recovers to {verification.recovered ?? 'nothing (malformed signature)'}.</li>
          <li>
            The certificate id {verification.idMatches ? 'is' : 'is not'} the EIP-712 hash of the statement.
          </li>
          <li>
            {verification.issuedByThisPortal
              ? 'The signer is this portal’s current issuer key.'
              : 'The signer is not this portal’s current issuer key (it may have been rotated since).'}
          </li>
        </ul>
      </section>

      <section aria-labelledby="statement-heading">
        <h2 id="statement-heading">The signed statement</h2>
        <p>
          A certificate is an <a href="https://eips.ethereum.org/EIPS/eip-712">EIP-712</a> typed-data statement: the course, the
          course version (a hash of the course’s files when it was finished), the learner’s address and the time of issue. Anyone
          can check it without trusting this page: rebuild the typed data below, hash it, and recover the signer from the
          signature with any EIP-712 library.
        </p>
        <h3 id="typed-data-heading">Typed data (domain, types, message)</h3>
        {/* These blocks scroll sideways on a phone: focusable, so a keyboard can scroll them too (axe: scrollable-region-focusable). */}
        <pre className="certificate-json" tabIndex={0} aria-labelledby="typed-data-heading">
          {page.typedDataJson}
        </pre>
        <dl className="certificate-fields">
          <dt>Issuer</dt>
          <dd>
            <code className="break">{page.issuer}</code>
          </dd>
          <dt>Signature</dt>
          <dd>
            <code className="break">{page.signature}</code>
          </dd>
          <dt>Certificate id (EIP-712 hash)</dt>
          <dd>
            <code className="break">{page.id}</code>
          </dd>
        </dl>
        <h3 id="check-heading">Check it yourself</h3>
        <pre tabIndex={0} aria-labelledby="check-heading">
          {snippet}
        </pre>
      </section>
    </article>
  )
}

export function ErrorBoundary() {
  return <ErrorPage />
}
