import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { ErrorPage } from '~/components/error-page'
import { When } from '~/components/when'
import { getChainNow } from '~/models/chain-time.server'
import { Person } from '~/dao/components/person'
import { getKnownContracts } from '~/dao/contracts.server'
import { getAddressNames } from '~/dao/names.server'
import { getDb } from '~/db.server'
import { getChainId } from '~/env.server'
import { getContributorPage, type ContributorRow } from '~/models/contributors.server'

export const meta: MetaFunction = () => [
  { title: 'Contributors · Openmesh Portal' },
  { name: 'description', content: 'Everyone who managed, applied for or completed a task, or took part in the DAO.' },
]

export async function loader({ request }: LoaderFunctionArgs) {
  const raw = new URL(request.url).searchParams.get('page')
  const page = raw === null || raw === '' ? 1 : /^[1-9][0-9]{0,5}$/.test(raw) ? Number(raw) : null
  if (page === null) throw data(`"${raw!.slice(0, 40)}" is not a page number.`, { status: 400 })
  const db = getDb()
  const chainId = getChainId()
  const known = getKnownContracts(chainId)
  // The token and the plugins show up in activity as the permission source of optimistic actions; they are not people.
  const exclude = [...known].filter(([, kind]) => kind !== 'dao' && kind !== 'tasks').map(([address]) => address)
  const result = getContributorPage(db, { chainId, page, exclude })
  if (page > result.pageCount) throw data(`There is no page ${page}: the directory has ${result.pageCount}.`, { status: 404 })
  return { ...result, now: getChainNow(db, chainId), names: getAddressNames(chainId, known) }
}

export default function ContributorsDirectory() {
  const { items, total, page, pageCount, now, names } = useLoaderData<typeof loader>()
  return (
    <div className="dao-page">
      <h1>Contributors</h1>
      <p className="dao-lead">
        Every address seen on chain in the portal’s contracts: task managers, applicants, executors and DAO members, most recently
        active first.
      </p>
      {total === 0 ? (
        <p className="muted">No on-chain activity indexed yet.</p>
      ) : (
        <>
          <p className="muted">
            {total} {total === 1 ? 'contributor' : 'contributors'}
            {pageCount > 1 ? ` · page ${page} of ${pageCount}` : ''}
          </p>
          <table className="dao-table">
            <thead>
              <tr>
                <th scope="col">Contributor</th>
                <th scope="col">Roles</th>
                <th scope="col" className="num">Tasks managed</th>
                <th scope="col" className="num">Applications</th>
                <th scope="col" className="num">Tasks done</th>
                <th scope="col" className="num">Votes</th>
                <th scope="col">Last active</th>
              </tr>
            </thead>
            <tbody>
              {items.map((row) => (
                <tr key={row.address} data-address={row.address}>
                  <td>
                    <Person address={row.address} names={names} />
                  </td>
                  <td>
                    <Roles row={row} />
                  </td>
                  <td className="num">{row.tasksManaged}</td>
                  <td className="num">{row.applications}</td>
                  <td className="num">{row.tasksDone}</td>
                  <td className="num">{row.votes}</td>
                  <td className="small">
                    <When at={row.lastActive} now={now} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {pageCount > 1 ? (
            <nav aria-label="Pages" className="dao-pager">
              {page > 1 ? <Link to={page === 2 ? '/contributors' : `/contributors?page=${page - 1}`} rel="prev">Previous page</Link> : null}
              {page < pageCount ? <Link to={`/contributors?page=${page + 1}`} rel="next">Next page</Link> : null}
            </nav>
          ) : null}
        </>
      )}
    </div>
  )
}

function Roles({ row }: { row: ContributorRow }) {
  const roles = [
    row.member === 'active' ? 'member' : row.member === 'revoked' ? 'former member' : null,
    row.tasksManaged > 0 ? 'task manager' : null,
    row.tasksTaken > 0 ? 'executor' : null,
    row.applications > 0 ? 'applicant' : null,
    row.proposals > 0 ? 'proposer' : null,
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
