import { Link } from '@remix-run/react'

export type CertificateSummary = { id: string; courseSlug: string; courseTitle: string; issuedAt: number }

/** The certificates block of a contributor's profile. */
export function CertificatesSection({ certificates, isOwner }: { certificates: CertificateSummary[]; isOwner: boolean }) {
  return (
    <section aria-labelledby="certificates-heading">
      <h2 id="certificates-heading">Certificates</h2>
      {certificates.length === 0 ? (
        <p className="muted">
          {isOwner ? (
            <>
              No certificates yet. <Link to="/courses">Finish a course</Link> to earn one.
            </>
          ) : (
            'No certificates yet.'
          )}
        </p>
      ) : (
        <ul className="certificate-list">
          {certificates.map((certificate) => (
            <li key={certificate.id} className="card">
              <Link to={`/certificates/${certificate.id}`}>{certificate.courseTitle}</Link>
              <span className="muted"> · issued {new Date(certificate.issuedAt * 1000).toISOString().slice(0, 10)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
