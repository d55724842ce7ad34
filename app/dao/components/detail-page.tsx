import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import { MetadataNotice } from '~/components/metadata-notice'

// The frame of a DAO detail page (a proposal, an optimistic action): back link, title and state
// badge, a note when the metadata document is missing or unusable, the page's sections, and the
// "On chain" facts beside them.

type MetadataState = 'ok' | 'pending' | 'unavailable' | 'invalid' | 'none'

export function DaoDetailPage({
  state,
  title,
  fallbackTitle,
  badge,
  metadataState,
  metadataError,
  subject,
  facts,
  children,
}: {
  /** The page's data-state. */
  state: string
  /** The title from the metadata document, or null. */
  title: string | null
  /** The heading when there is no title: "Proposal #3". */
  fallbackTitle: string
  badge: ReactNode
  metadataState: MetadataState
  metadataError: string | null
  /** What the page shows, in "the … has no metadata": "proposal", "action". */
  subject: string
  /** The <dt>/<dd> pairs of the "On chain" card. */
  facts: ReactNode
  /** The main column's sections. */
  children: ReactNode
}) {
  return (
    <div className="dao-page dao-detail" data-state={state}>
      <p className="small">
        <Link to="/dao">← DAO</Link>
      </p>
      <header className="dao-title">
        <h1>{title ?? fallbackTitle}</h1>
        {badge}
      </header>
      {title === null || metadataState !== 'ok' ? <MetadataNotice state={metadataState} error={metadataError} subject={subject} /> : null}

      <div className="dao-columns">
        <div>{children}</div>

        <aside>
          <section className="card" aria-labelledby="facts-heading">
            <h2 id="facts-heading">On chain</h2>
            <dl className="dao-facts">{facts}</dl>
          </section>
        </aside>
      </div>
    </div>
  )
}
