import type { Db } from '#db/client'
import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { getPortalContracts } from '~/chain-writes/portal-contracts.server'
import { AddressLink } from '~/components/address-link'
import { ErrorPage } from '~/components/error-page'
import { When } from '~/components/when'
import { getKnownContracts } from '~/dao/contracts.server'
import { getAddressNames } from '~/dao/names.server'
import { getDb } from '~/db.server'
import { getChainId } from '~/env.server'
import { getChainNow } from '~/models/chain-time.server'
import { cachedRead } from '~/models/read-cache.server'
import { getContributorPage, listPayoutTokens, type ContributorRow } from '~/models/contributors.server'
import { getDisplayNames } from '~/models/display-names.server'
import { listDepartmentMembers, listDepartments } from '~/models/contributor-topology.server'
import { directoryHref, parseDirectoryFilter, sortLabels, type DirectoryFilter } from '~/profiles/directory-filter'
import { OVC_EPOCH_WEIGHTS } from '~/profiles/ovc-score'
import profilesStyles from '~/profiles/profiles.css'
import { formatTokenAmount, tokenInfo } from '~/utils/tokens'
import { Identicon } from '~/wallet/identicon'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: profilesStyles }]

export const meta: MetaFunction = () => [
  { title: 'Contributors · Openmesh Portal' },
  { name: 'description', content: 'Everyone who learned, contributed or governed: search, filter, and the verified contributors’ leaderboard.' },
]

export async function loader({ request }: LoaderFunctionArgs) {
  const filter = parseDirectoryFilter(new URL(request.url).searchParams)
  if ('error' in filter) throw data(filter.error, { status: 400 })
  const db = getDb()
  const chainId = getChainId()
  // The same for every visitor until the database changes.
  const now = getChainNow(db, chainId)
  // The directory depends on chain time only through the month of it (the leaderboard's score
  // weighs each month), so it is remembered per month: chain time itself moves with the wall clock
  // on an idle chain and would make every second a new key. The page's own `now` is the current one.
  const month = new Date(now * 1000).toISOString().slice(0, 7)
  return { ...cachedRead(db, 'contributors', { chainId, filter, month }, () => readDirectory(db, chainId, filter, now)), now }
}

function readDirectory(db: Db, chainId: number, filter: DirectoryFilter, now: number) {
  const known = getKnownContracts(chainId)
  const tokens = { openToken: getPortalContracts(chainId)?.openToken ?? null }
  // The token and the plugins show up in activity as the permission source of optimistic actions; they are not people.
  const exclude = [...known].filter(([, kind]) => kind !== 'dao' && kind !== 'tasks').map(([address]) => address)
  const departments = listDepartments()
  const within = filter.department ? listDepartmentMembers(db, { chainId, tag: filter.department }) : undefined
  // The devnet's seeded names live in code, not in the database: they are matched here.
  const seededNames = getAddressNames(chainId, known)
  const needle = filter.q.toLowerCase()
  const alsoMatching = needle ? Object.entries(seededNames).filter(([, name]) => name.toLowerCase().includes(needle)).map(([address]) => address) : []
  const result = getContributorPage(db, {
    chainId,
    page: filter.page,
    now,
    exclude,
    query: { search: filter.q || undefined, alsoMatching, verified: filter.verified, completedTasks: filter.completed, certificate: filter.certificate, within, sort: filter.sort, earnedToken: filter.token },
  })
  if (filter.page > result.pageCount) throw data(`There is no page ${filter.page}: the directory has ${result.pageCount}.`, { status: 404 })
  const earnedToken = tokenInfo(filter.token === 'native' ? null : filter.token, tokens)
  return {
    ...result,
    filter,
    now,
    departments,
    earnedSymbol: earnedToken.symbol,
    earnedOptions: listPayoutTokens(db, chainId).map((token) => ({ value: token ?? 'native', label: tokenInfo(token, tokens).symbol })),
    items: result.items.map((row) => ({ ...row, earnedLabel: row.earned === null ? null : formatTokenAmount(row.earned, earnedToken) })),
    displayNames: getDisplayNames(db, chainId, result.items.map((row) => row.address), known),
  }
}

export default function ContributorsDirectory() {
  const { items, total, page, pageCount, now, filter, departments, earnedOptions, earnedSymbol } = useLoaderData<typeof loader>()
  const filtered = filter.q || filter.verified || filter.completed || filter.certificate || filter.department
  return (
    <div className="directory-page">
      <h1>Contributors</h1>
      <p className="muted">Everyone who managed, applied for or completed a task, took part in the DAO, earned a certificate or wrote a profile.</p>
      <Form method="get" className="directory-controls" aria-label="Search and filter contributors">
        <label>
          Search
          <input type="search" name="q" defaultValue={filter.q} maxLength={100} placeholder="Name, ENS name or 0x…" />
        </label>
        <label>
          Sort
          <select name="sort" defaultValue={filter.sort}>
            {Object.entries(sortLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        {earnedOptions.length > 1 ? (
          <label>
            Earned in (for “Most earned”)
            <select name="token" defaultValue={filter.token}>
              {earnedOptions.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {departments.length > 0 ? (
          <label>
            Department
            <select name="department" defaultValue={filter.department ?? ''}>
              <option value="">Any</option>
              {departments.map((department) => (
                <option key={department.tag} value={department.tag}>
                  {department.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <div className="checks">
          <label>
            <input type="checkbox" name="verified" value="1" defaultChecked={filter.verified} /> Verified contributors
          </label>
          <label>
            <input type="checkbox" name="completed" value="1" defaultChecked={filter.completed} /> Completed a task
          </label>
          <label>
            <input type="checkbox" name="certificate" value="1" defaultChecked={filter.certificate} /> Holds a certificate
          </label>
        </div>
        <div>
          <button type="submit">Show</button> {filtered || filter.sort !== 'recent' ? <Link to="/contributors">Reset</Link> : null}
        </div>
      </Form>
      {filter.sort === 'score' ? (
        <p className="muted small">
          Ranked like Openmesh’s OVC indexer: each task a verified contributor completed counts {OVC_EPOCH_WEIGHTS.join(', ')} points when it closed this month, last month … five months ago
          (older ones count 0). The OVC indexer weighs a task by its USD value; without a price feed every task counts the same here.
        </p>
      ) : null}
      <p className="muted" role="status">
        {total === 0 ? (filtered ? 'Nobody matches.' : 'No one yet.') : `${total} ${total === 1 ? 'contributor' : 'contributors'}${pageCount > 1 ? ` · page ${page} of ${pageCount}` : ''}`}
      </p>
      {items.length > 0 ? (
        <table className="directory-table">
          <thead>
            <tr>
              {filter.sort === 'score' ? <th scope="col" className="num">Rank</th> : null}
              <th scope="col">Contributor</th>
              <th scope="col">Roles</th>
              <th scope="col" className="num">Tasks done</th>
              {filter.sort === 'earned' ? <th scope="col" className="num">Earned ({earnedSymbol})</th> : null}
              {filter.sort === 'score' ? <th scope="col" className="num">Score</th> : null}
              <th scope="col" className="num">Votes</th>
              <th scope="col" className="num">Certificates</th>
              <th scope="col">Last active</th>
            </tr>
          </thead>
          <tbody>
            {items.map((row, index) => (
              <tr key={row.address} data-address={row.address}>
                {filter.sort === 'score' ? (
                  <td className="num" data-label="Rank">
                    {(page - 1) * 50 + index + 1}
                  </td>
                ) : null}
                <td className="directory-who">
                  <span className="directory-person">
                    <Identicon address={row.address} />
                    <AddressLink address={row.address} />
                  </span>
                </td>
                <td data-label="Roles">
                  <Roles row={row} />
                </td>
                <td className="num" data-label="Tasks done">
                  {row.tasksDone}
                </td>
                {filter.sort === 'earned' ? (
                  <td className="num" data-label={`Earned (${earnedSymbol})`}>
                    {row.earnedLabel}
                  </td>
                ) : null}
                {filter.sort === 'score' ? (
                  <td className="num" data-label="Score">
                    {row.score}
                  </td>
                ) : null}
                <td className="num" data-label="Votes">
                  {row.votes}
                </td>
                <td className="num" data-label="Certificates">
                  {row.certificates}
                </td>
                <td className="small" data-label="Last active">
                  <When at={row.lastActive} now={now} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {pageCount > 1 ? (
        <nav aria-label="Pages" className="dao-pager">
          {page > 1 ? <Link to={directoryHref(filter, { page: page - 1 })} rel="prev">Previous page</Link> : null}{' '}
          {page < pageCount ? <Link to={directoryHref(filter, { page: page + 1 })} rel="next">Next page</Link> : null}
        </nav>
      ) : null}
    </div>
  )
}

function Roles({ row }: { row: ContributorRow }) {
  const roles = [
    row.member === 'active' ? 'verified' : row.member === 'revoked' ? 'former member' : null,
    row.tasksManaged > 0 ? 'task manager' : null,
    row.tasksTaken > 0 ? 'executor' : null,
    row.applications > 0 ? 'applicant' : null,
    row.proposals > 0 ? 'proposer' : null,
    row.certificates > 0 ? 'learner' : null,
  ].filter((role): role is string => role !== null)
  if (roles.length === 0) return <span className="muted">—</span>
  return (
    <ul className="dao-roles">
      {roles.map((role) => (
        <li key={role} className="pill">
          {role}
        </li>
      ))}
    </ul>
  )
}

export function ErrorBoundary() {
  return <ErrorPage />
}
