import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { ErrorPage } from '~/components/error-page'
import { When } from '~/components/when'
import { Person } from '~/dao/components/person'
import { getKnownContracts } from '~/dao/contracts.server'
import { getAddressNames } from '~/dao/names.server'
import { getDb } from '~/db.server'
import { getChainId } from '~/env.server'
import { getChainNow } from '~/models/chain-time.server'
import { listRfps } from '~/models/rfps.server'
import { rfpBudgetLabels } from '~/rfps/budget-labels.server'

// Requests for proposals: a budget held in escrow, projects submitted by anyone, the accepted ones
// turned into tasks.

export const meta: MetaFunction = () => [
  { title: 'RFPs · Openmesh Portal' },
  { name: 'description', content: 'Requests for proposals on OpenR&D: budgets in escrow, the projects submitted and the tasks they became.' },
]

export async function loader(_args: LoaderFunctionArgs) {
  const db = getDb()
  const chainId = getChainId()
  return { chainId, now: getChainNow(db, chainId), rfps: listRfps(db, chainId).map((rfp) => ({ ...rfp, budgetLabels: rfpBudgetLabels(chainId, rfp) })), names: getAddressNames(chainId, getKnownContracts(chainId)) }
}

export default function RfpList() {
  const { chainId, now, rfps, names } = useLoaderData<typeof loader>()
  return (
    <div className="dao-page">
      <h1>Requests for proposals</h1>
      <p className="dao-lead">
        An RFP holds a budget in escrow. Anyone may submit a project; each project its manager accepts becomes a task, paid from
        the RFP’s budget.
      </p>
      {rfps.length === 0 ? (
        <p className="muted">No RFPs indexed yet.</p>
      ) : (
        <ul className="dao-list" aria-label="RFPs">
          {rfps.map((rfp) => (
            <li key={rfp.rfpId} className="dao-card" data-rfp-id={rfp.rfpId}>
              <div className="dao-card-head">
                <h2 className="h3">
                  <Link to={`/rfps/${chainId}/${rfp.rfpId}`}>{rfp.title ?? `RFP #${rfp.rfpId}`}</Link>
                </h2>
                <span className={`dao-badge dao-state-${rfp.emptied ? 'failed' : 'active'}`}>{rfp.emptied ? 'Emptied' : 'Open'}</span>
              </div>
              <p className="small muted">
                RFP #{rfp.rfpId} · by <Person address={rfp.creator} names={names} /> · budget {rfp.budgetLabels.join(' + ')} · {rfp.projectCount}{' '}
                {rfp.projectCount === 1 ? 'project' : 'projects'}, {rfp.acceptedCount} accepted · <When at={rfp.deadline} now={now} prefix={rfp.deadline > now ? 'closes' : 'closed'} />
              </p>
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
