import type { Db } from '#db/client'
import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { ErrorPage } from '~/components/error-page'
import { actionStates } from '~/dao/action-state'
import { getChainNow } from '~/models/chain-time.server'
import { cachedRead } from '~/models/read-cache.server'
import { ActionCard, ProposalCard } from '~/dao/components/dao-cards'
import { VotingRules } from '~/dao/components/voting-rules'
import { actionPath, bodyOfAccount, bodyOfPlugin, bodyOfSlug, proposalPath } from '~/dao/bodies'
import { getGoverningBodies } from '~/dao/bodies.server'
import { getKnownContracts } from '~/dao/contracts.server'
import { formatDuration } from '~/dao/format'
import { getAddressNames } from '~/dao/names.server'
import { parseProposalFilter, proposalListHref, type ProposalFilter } from '~/dao/proposal-filter'
import { markerFinder } from '~/dao/proposal-markers.server'
import { getVoterStanding } from '~/dao/voting-power.server'
import { getAddress } from '~/session/auth.server'
import { proposalStateLabels, type ProposalState } from '~/dao/proposal-state'
import { getDb } from '~/db.server'
import { getChainId } from '~/env.server'
import { getProposalPage, getVotingSettings } from '~/models/proposals.server'
import { getExecuteDelay } from '~/models/trustless-settings.server'
import { listNewestTrustlessActions } from '~/models/trustless-actions.server'

export const meta: MetaFunction = () => [
  { title: 'DAO · Openmesh Portal' },
  { name: 'description', content: 'Proposals, votes and optimistic actions of the Openmesh DAO of verified contributors and its departments.' },
]

export async function loader({ request }: LoaderFunctionArgs) {
  const parsed = parseProposalFilter(new URL(request.url).searchParams)
  if ('error' in parsed) throw data(parsed.error, { status: 400 })
  const db = getDb()
  const chainId = getChainId()
  // The same for every visitor until the database changes.
  // Chain time is part of the key: it moves with the wall clock on an idle chain (and decides the states).
  const now = getChainNow(db, chainId)
  const overview = cachedRead(db, 'dao', { chainId, filter: parsed.filter, now }, () => readOverview(db, chainId, parsed.filter, now))
  // The markers ("you haven't voted", "ends soon") are the visitor's own: added after the shared read.
  const viewer = await getAddress(request)
  const bodies = getGoverningBodies(chainId)
  const markersOf = markerFinder(db, chainId, bodies, viewer ? getVoterStanding(db, chainId, viewer, bodies) : null)
  return { ...overview, proposals: overview.proposals.map((p) => ({ ...p, markers: markersOf(p, now) })) }
}

function readOverview(db: Db, chainId: number, filter: ProposalFilter, now: number) {
  const known = getKnownContracts(chainId)
  const bodies = getGoverningBodies(chainId)
  const openmesh = bodyOfSlug(bodies, 'openmesh')
  const filterBody = filter.body ? bodyOfSlug(bodies, filter.body) : null
  if (filter.body && !filterBody?.plugin) throw data(`"${filter.body}" is not a DAO that votes on this chain.`, { status: 400 })
  const proposals = getProposalPage(db, { chainId, now, plugin: filterBody?.plugin ?? undefined, state: filter.state, page: filter.page })
  if (filter.page > proposals.pageCount) throw data(`There is no page ${filter.page}: the list has ${proposals.pageCount}.`, { status: 404 })
  const actions = listNewestTrustlessActions(db, { chainId, now, known, kind: 'optimistic', limit: ACTIONS_SHOWN })
  const delay = openmesh ? getExecuteDelay(db, { chainId, dao: openmesh.account }) : null
  const named = <T extends object>(item: T, account: string, path: string) => ({ ...item, path, body: bodyOfAccount(bodies, account)?.name ?? account })
  return {
    chainId,
    now,
    filter,
    settings: openmesh?.plugin ? getVotingSettings(db, chainId, openmesh.plugin) : null,
    counts: proposals.counts,
    total: proposals.total,
    page: proposals.page,
    pageCount: proposals.pageCount,
    proposals: proposals.items.map((p) => ({
      ...p,
      path: proposalPath(bodies, p.plugin, p.proposalId),
      body: bodyOfPlugin(bodies, p.plugin)?.name ?? p.plugin,
    })),
    actionCounts: actions.counts,
    actionTotal: actions.total,
    actions: actions.items.map((action) => named(action, action.dao, actionPath(bodies, action.dao, action.kind, action.actionId))),
    departments: bodies.filter((b) => b.department !== null).map((b) => ({ slug: b.slug, name: b.name })),
    votingBodies: bodies.filter((b) => b.plugin !== null).map((b) => ({ slug: b.slug, name: b.name })),
    optimisticDelay: delay,
    names: getAddressNames(chainId, known),
  }
}

/** The newest optimistic actions shown; the counts cover all of them. */
const ACTIONS_SHOWN = 20

const tabOrder: ProposalState[] = ['active', 'passed', 'failed', 'executed', 'pending']

export default function DaoOverview() {
  const { chainId, now, filter, settings, counts, total, page, pageCount, proposals, actions, actionCounts, actionTotal, departments, votingBodies, optimisticDelay, names } =
    useLoaderData<typeof loader>()
  return (
    <div className="dao-page">
      <h1>DAO</h1>
      <p className="dao-lead">
        The Openmesh DAO is every verified contributor: holders of the soulbound OVC vote on proposals and can object to
        optimistic actions. Its departments vote among their members, one vote each. Everything here is read from the chain.
      </p>
      <p className="actions">
        <Link to="/dao/new?kind=proposal" className="button">
          New proposal
        </Link>{' '}
        <Link to="/dao/new?kind=action" className="button secondary">
          New optimistic action
        </Link>{' '}
        <Link to="/dao/members#my-power-heading" className="small">
          Your voting power
        </Link>
      </p>
      <nav aria-label="DAO sections" className="dao-subnav">
        <Link to="/dao/members">Members</Link>
        <Link to="/dao/requests">Membership requests</Link>
        {departments.map((d) => (
          <Link key={d.slug} to={`/dao/departments/${d.slug}`}>
            {d.name}
          </Link>
        ))}
      </nav>

      <section aria-labelledby="rules-heading" className="card dao-section">
        <h2 id="rules-heading">Voting rules</h2>
        <p className="small muted">Of the Openmesh DAO (one vote per delegated OVC); each department votes by the same rules, one vote per member.</p>
        <VotingRules settings={settings} />
        <p className="small muted">
          Optimistic actions: any member may propose one (adding a verified contributor goes this way); it can be executed
          {optimisticDelay !== null ? ` ${formatDuration(optimisticDelay)} after it was created` : ' once its delay has passed'}, unless
          a member rejects it first. One rejection blocks it for good.
        </p>
      </section>

      <section aria-labelledby="proposals-heading" className="dao-section">
        <h2 id="proposals-heading">Proposals</h2>
        <nav aria-label="Proposal states" className="dao-tabs">
          <Link to={proposalListHref({ ...filter, state: null })} aria-current={filter.state === null ? 'page' : undefined} preventScrollReset>
            All <span className="dao-count">{total}</span>
          </Link>
          {tabOrder
            .filter((state) => state !== 'pending' || counts.pending > 0 || filter.state === 'pending')
            .map((state) => (
              <Link key={state} to={proposalListHref({ ...filter, state })} aria-current={filter.state === state ? 'page' : undefined} preventScrollReset>
                {proposalStateLabels[state]} <span className="dao-count">{counts[state]}</span>
              </Link>
            ))}
        </nav>
        <nav aria-label="Voted by" className="dao-tabs">
          <Link to={proposalListHref({ ...filter, body: null })} aria-current={filter.body === null ? 'page' : undefined} preventScrollReset>
            Every DAO
          </Link>
          {votingBodies.map((b) => (
            <Link key={b.slug} to={proposalListHref({ ...filter, body: b.slug })} aria-current={filter.body === b.slug ? 'page' : undefined} preventScrollReset>
              {b.name}
            </Link>
          ))}
        </nav>
        {proposals.length === 0 ? (
          <p className="muted">{total === 0 ? 'No proposals indexed yet.' : 'No proposal is in this state.'}</p>
        ) : (
          <ul className="dao-list">
            {proposals.map((proposal) => (
              <ProposalCard key={proposal.path} proposal={proposal} now={now} names={names} />
            ))}
          </ul>
        )}
        {pageCount > 1 ? (
          <nav aria-label="Proposal pages" className="dao-pager">
            {page > 1 ? <Link to={proposalListHref({ ...filter, page: page - 1 })} rel="prev">Newer proposals</Link> : null}
            <span className="muted small">
              Page {page} of {pageCount}
            </span>
            {page < pageCount ? <Link to={proposalListHref({ ...filter, page: page + 1 })} rel="next">Older proposals</Link> : null}
          </nav>
        ) : null}
      </section>

      <section aria-labelledby="actions-heading" className="dao-section">
        <h2 id="actions-heading">Optimistic actions</h2>
        {actions.length === 0 ? (
          <p className="muted">No optimistic actions indexed yet.</p>
        ) : (
          <>
            <p className="small muted">
              {actionStates.map((state) => `${actionCounts[state]} ${state}`).join(' · ')}
              {actionTotal > actions.length ? ` · the ${actions.length} newest shown` : ''}
            </p>
            <ul className="dao-list">
              {actions.map((action) => (
                <ActionCard key={action.path} action={action} now={now} names={names} chainId={chainId} />
              ))}
            </ul>
          </>
        )}
      </section>
    </div>
  )
}

export function ErrorBoundary() {
  return <ErrorPage />
}
