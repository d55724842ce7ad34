import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { ErrorPage } from '~/components/error-page'
import { When } from '~/components/when'
import { Person } from '~/dao/components/person'
import { getKnownContracts } from '~/dao/contracts.server'
import { getAddressNames } from '~/dao/names.server'
import { getDb } from '~/db.server'
import { getChainId } from '~/env.server'
import { getChainNow } from '~/models/chain-time.server'
import { listRfps } from '~/models/rfps.server'
import { filterRfps, parseRfpFilter, rfpState, rfpStates, type RfpFilter } from '~/rfps/board-filter'
import { rfpBudgetLabels, rfpKnownTokens } from '~/rfps/budget-labels.server'
import tasksStyles from '~/tasks/tasks.css'
import { nativeToken, tokenInfo } from '~/utils/tokens'

// Requests for proposals: a budget held in escrow, projects submitted by anyone, the accepted ones
// turned into tasks. Searched and filtered through the URL, like the task board.

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: tasksStyles }]

export const meta: MetaFunction = () => [
  { title: 'RFPs · Openmesh Portal' },
  { name: 'description', content: 'Requests for proposals on OpenR&D: budgets in escrow, the projects submitted and the tasks they became.' },
]

export async function loader({ request }: LoaderFunctionArgs) {
  const parsed = parseRfpFilter(new URL(request.url).searchParams)
  if ('error' in parsed) throw data(parsed.error, { status: 400 })
  const db = getDb()
  const chainId = getChainId()
  const now = getChainNow(db, chainId)
  const all = listRfps(db, chainId)
  const known = rfpKnownTokens(chainId, all)
  const tokens = [...new Set(all.flatMap((rfp) => rfp.budget.map((b) => b.tokenContract.toLowerCase())))]
  const shown = filterRfps(all, parsed.filter, now)
  return {
    chainId,
    now,
    filter: parsed.filter,
    total: all.length,
    rfps: shown.map((rfp) => ({ ...rfp, state: rfpState(rfp, now), budgetLabels: rfpBudgetLabels(chainId, rfp, known) })),
    tags: [...new Set(all.flatMap((rfp) => rfp.tags))].slice(0, 50),
    tokenOptions: [{ value: 'native', label: nativeToken(chainId).symbol }, ...tokens.map((token) => ({ value: token, label: tokenInfo(token, known).symbol }))],
    names: getAddressNames(chainId, getKnownContracts(chainId)),
  }
}

const stateTitles = { open: 'Open', closed: 'Closed', emptied: 'Emptied' } as const

function searchOf(filter: RfpFilter, changes: Partial<RfpFilter>): string {
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries({ ...filter, ...changes })) if (value) params.set(name, String(value))
  return `?${params}`
}

export default function RfpList() {
  const { chainId, now, filter, total, rfps, tags, tokenOptions, names } = useLoaderData<typeof loader>()
  return (
    <div className="dao-page">
      <div className="board-heading">
        <h1>Requests for proposals</h1>
        <Link to="/rfps/new" className="button">
          Create an RFP
        </Link>
      </div>
      <p className="dao-lead">
        An RFP holds a budget in escrow. Anyone may submit a project; each project its manager accepts becomes a task, paid from
        the RFP’s budget.
      </p>

      <Form method="get" className="board-filters" role="search" aria-label="Search and filter RFPs">
        <div className="board-search">
          <label htmlFor="rfp-q" className="visually-hidden">
            Search RFPs
          </label>
          <input id="rfp-q" type="search" name="q" defaultValue={filter.q ?? ''} placeholder="Search titles and tags" />
          <label htmlFor="rfp-state">State</label>
          <select id="rfp-state" name="state" defaultValue={filter.state ?? ''}>
            <option value="">Any</option>
            {rfpStates.map((state) => (
              <option key={state} value={state}>
                {stateTitles[state]}
              </option>
            ))}
          </select>
          <label htmlFor="rfp-tag">Tag</label>
          <input id="rfp-tag" name="tag" list="rfp-tags" defaultValue={filter.tag ?? ''} />
          <datalist id="rfp-tags">
            {tags.map((tag) => (
              <option key={tag} value={tag} />
            ))}
          </datalist>
          <label htmlFor="rfp-token">Budget token</label>
          <select id="rfp-token" name="token" defaultValue={filter.token ?? ''}>
            <option value="">Any</option>
            {tokenOptions.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </select>
          {filter.manager ? <input type="hidden" name="manager" value={filter.manager} /> : null}
          <button type="submit">Search</button>
        </div>
      </Form>

      <p className="small muted" aria-live="polite">
        {rfps.length === total ? `${total} ${total === 1 ? 'RFP' : 'RFPs'}` : `${rfps.length} of ${total} RFPs`}
        {filter.q || filter.state || filter.tag || filter.token || filter.manager ? (
          <>
            {' '}
            · <Link to="/rfps">clear the filters</Link>
          </>
        ) : null}
      </p>
      {rfps.length === 0 ? (
        <p className="muted">{total === 0 ? 'No RFPs indexed yet.' : 'No RFP matches these filters.'}</p>
      ) : (
        <ul className="dao-list" aria-label="RFPs">
          {rfps.map((rfp) => (
            <li key={rfp.rfpId} className="dao-card" data-rfp-id={rfp.rfpId}>
              <div className="dao-card-head">
                <h2 className="h3">
                  <Link to={`/rfps/${chainId}/${rfp.rfpId}`}>{rfp.title ?? `RFP #${rfp.rfpId}`}</Link>
                </h2>
                <span data-state={rfp.state} className={`dao-badge dao-state-${rfp.state === 'open' ? 'active' : 'failed'}`}>
                  {stateTitles[rfp.state]}
                </span>
              </div>
              <p className="small muted">
                RFP #{rfp.rfpId} · by <Person address={rfp.creator} names={names} /> · budget {rfp.budgetLabels.join(' + ')} · {rfp.projectCount}{' '}
                {rfp.projectCount === 1 ? 'project' : 'projects'}, {rfp.acceptedCount} accepted · <When at={rfp.deadline} now={now} prefix={rfp.deadline > now ? 'closes' : 'closed'} />
              </p>
              {rfp.tags.length > 0 ? (
                <ul className="tags" aria-label="Tags">
                  {rfp.tags.map((tag) => (
                    <li key={tag}>
                      <Link className="pill" to={searchOf(filter, { tag })}>
                        {tag}
                      </Link>
                    </li>
                  ))}
                </ul>
              ) : null}
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
