import { Link } from '@remix-run/react'
import { shortAddress } from '~/utils/format'
import { UNTRUSTED_LINK_REL } from '~/tasks/safe-url'
import { formatDateTime, relativeTime } from '~/tasks/time'

// Small pieces the task pages share. Everything here renders untrusted text as React text
// (escaped), never as HTML.

export function AddressLink({ address, label }: { address: string; label?: string }) {
  return (
    <Link to={`/contributors/${address}`} title={address} className="address">
      {label ?? shortAddress(address)}
    </Link>
  )
}

const stateLabels = { open: 'Open', taken: 'Taken', closed: 'Closed' } as const
const outcomeLabels = { completed: 'Completed', disputed: 'Settled by dispute', cancelled: 'Cancelled' } as const

export function StateBadge({
  state,
  outcome,
}: {
  state: 'open' | 'taken' | 'closed'
  outcome?: 'completed' | 'disputed' | 'cancelled' | null
}) {
  return (
    <span className={`state-badge state-${state}`} data-state={state}>
      {state === 'closed' && outcome ? `${stateLabels.closed} · ${outcomeLabels[outcome]}` : stateLabels[state]}
    </span>
  )
}

export function Deadline({ deadline, now, closed }: { deadline: number; now: number; closed?: boolean }) {
  const passed = deadline <= now
  return (
    <time dateTime={new Date(deadline * 1000).toISOString()} title={formatDateTime(deadline)} className={passed && !closed ? 'deadline-passed' : undefined}>
      {passed ? `deadline passed ${relativeTime(deadline, now)}` : `due ${relativeTime(deadline, now)}`}
    </time>
  )
}

/** A link from untrusted metadata: only http(s)/mailto URLs (checked on the server) become links. */
export function ExternalLink({ name, url }: { name: string; url: string | null }) {
  if (!url) return <span className="muted">{name} (link removed: not an http(s) address)</span>
  return (
    <a href={url} rel={UNTRUSTED_LINK_REL} target="_blank">
      {name}
    </a>
  )
}

/** Sanitized HTML from renderMarkdown (server side): the only place the task pages set HTML. */
export function Markdown({ html, className }: { html: string; className?: string }) {
  return <div className={`markdown ${className ?? ''}`} dangerouslySetInnerHTML={{ __html: html }} />
}

export function TxLink({ hash }: { hash: string }) {
  return (
    <code className="tx-hash" title={hash}>
      {hash.slice(0, 10)}…{hash.slice(-6)}
    </code>
  )
}

/** Beside a budget the indexer could not read after its last change on chain (the amounts predate it). */
export function OutdatedBudgetNote({ children }: { children: string }) {
  return (
    <small className="muted" role="note" title="The budget changed on chain, and the portal could not read the escrow since.">
      {children}
    </small>
  )
}
