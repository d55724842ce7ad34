import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'

/** <ProposalLink id="2">…</ProposalLink> → that proposal; without an id, the DAO's proposal list. */
export function ProposalLink({ id, children }: { id?: number | string; children?: ReactNode }) {
  const to = id === undefined ? '/dao' : `/dao/proposals/${encodeURIComponent(String(id))}`
  return <Link to={to}>{children ?? (id === undefined ? 'the proposals' : `proposal ${id}`)}</Link>
}
