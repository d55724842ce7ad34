import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { ErrorPage } from '~/components/error-page'
import { Timestamp } from '~/components/when'
import { getChainNow } from '~/models/chain-time.server'
import { displayNamesIn } from '~/models/display-names.server'
import { Person } from '~/dao/components/person'
import { getKnownContracts } from '~/dao/contracts.server'
import { formatVotes } from '~/dao/format'
import { getAddressNames } from '~/dao/names.server'
import { getDb } from '~/db.server'
import { getChainId } from '~/env.server'
import { getGoverningBodies } from '~/dao/bodies.server'
import { listMembers } from '~/models/dao-members.server'
import { listTagHolders } from '~/models/department-members.server'

export const meta: MetaFunction = () => [
  { title: 'Members · DAO · Openmesh Portal' },
  { name: 'description', content: 'Holders of the Openmesh Verified Contributor (OVC) token: the members of the DAO.' },
]

export async function loader(_args: LoaderFunctionArgs) {
  const db = getDb()
  const chainId = getChainId()
  const bodies = getGoverningBodies(chainId)
  const departments = new Map<string, { slug: string; name: string }[]>()
  for (const holder of listTagHolders(db, chainId)) {
    const body = bodies.find((b) => b.tag === holder.tag)
    if (body) departments.set(holder.address, [...(departments.get(holder.address) ?? []), { slug: body.slug, name: body.name }])
  }
  const members = listMembers(db, chainId).map((member) => ({ ...member, departments: departments.get(member.address) ?? [] }))
  return {
    now: getChainNow(db, chainId),
    members,
    names: getAddressNames(chainId, getKnownContracts(chainId)),
    // Profile and ENS names win over the labels above, as on every page (app/components/person-name.tsx).
    displayNames: displayNamesIn(db, chainId, members),
  }
}

export default function DaoMembers() {
  const { now, members, names } = useLoaderData<typeof loader>()
  const active = members.filter((member) => member.active).length
  return (
    <div className="dao-page">
      <p className="small">
        <Link to="/dao">← DAO</Link>
      </p>
      <h1>Members</h1>
      <p className="dao-lead">
        Every holder of the soulbound Verified Contributor token (OVC) is a member. One OVC is one vote, counted for whoever the
        holder delegated it to — usually themselves; a holder who never delegated has no voting power yet. A member may
        also belong to departments (a department tag on their OVC), where each member has one vote.
      </p>
      <nav aria-label="DAO sections" className="dao-subnav">
        <Link to="/dao/requests">Membership requests</Link>
        <Link to="/contributors">All contributors</Link>
      </nav>
      {members.length === 0 ? (
        <p className="muted">No members indexed yet.</p>
      ) : (
        <>
          <p className="muted">
            {active} active {active === 1 ? 'member' : 'members'}
            {members.length > active ? `, ${members.length - active} revoked` : ''}.
          </p>
          <table className="dao-table stacked-table">
            <thead>
              <tr>
                <th scope="col">Member</th>
                <th scope="col">OVC</th>
                <th scope="col">Departments</th>
                <th scope="col">Joined</th>
                <th scope="col">Revoked</th>
                <th scope="col">Delegate</th>
                <th scope="col">Voting power</th>
              </tr>
            </thead>
            <tbody>
              {members.map((member) => (
                <tr key={member.address} data-address={member.address} data-active={String(member.active)}>
                  <td data-label="Member">
                    <Person address={member.address} names={names} />
                    <br />
                    <code className="dao-hex small">{member.address}</code>
                  </td>
                  <td data-label="OVC">{member.tokenId !== null ? `#${member.tokenId}` : <span className="muted">—</span>}</td>
                  <td data-label="Departments">
                    {member.departments.length === 0 ? (
                      <span className="muted">—</span>
                    ) : (
                      member.departments.map((d, i) => (
                        <span key={d.slug}>
                          {i > 0 ? ', ' : null}
                          <Link to={`/dao/departments/${d.slug}`}>{d.name}</Link>
                        </span>
                      ))
                    )}
                  </td>
                  <td data-label="Joined" className="small">
                    <Timestamp at={member.joinedAt} now={now} />
                  </td>
                  <td data-label="Revoked" className="small">{member.revokedAt !== null ? <Timestamp at={member.revokedAt} now={now} /> : <span className="muted">—</span>}</td>
                  <td data-label="Delegate">
                    {member.delegate === null ? (
                      <span className="muted">not activated</span>
                    ) : member.delegate === member.address ? (
                      'self'
                    ) : (
                      <Person address={member.delegate} names={names} />
                    )}
                  </td>
                  <td data-label="Voting power">{formatVotes(member.votingPower)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  )
}

export function ErrorBoundary() {
  return <ErrorPage />
}
