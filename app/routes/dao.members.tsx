import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { ErrorPage } from '~/components/error-page'
import { WalletIsland } from '~/wallet/wallet-root'
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
import { getIndexerStatus } from '~/models/indexer-status.server'
import { getAddress } from '~/session/auth.server'
import { TASK_WRITES_HANDLE, VotingPowerPanel } from '~/tasks/components/actions/lazy'
import { getVoterStanding } from '~/dao/voting-power.server'
import { getDaoContracts } from '~/dao/writes/dao-contracts.server'

export const meta: MetaFunction = () => [
  { title: 'Members · DAO · Openmesh Portal' },
  { name: 'description', content: 'Holders of the Openmesh Verified Contributor (OVC) token: the members of the DAO.' },
]

// A signed-in visitor's page has its writes' code before it hydrates (root.tsx, entry.client.tsx).
export const handle = TASK_WRITES_HANDLE

export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb()
  const viewer = await getAddress(request)
  const chainId = getChainId()
  const bodies = getGoverningBodies(chainId)
  const departments = new Map<string, { slug: string; name: string }[]>()
  for (const holder of listTagHolders(db, chainId)) {
    const body = bodies.find((b) => b.tag === holder.tag)
    if (body) departments.set(holder.address, [...(departments.get(holder.address) ?? []), { slug: body.slug, name: body.name }])
  }
  const members = listMembers(db, chainId)
  const delegators = new Map<string, string[]>()
  for (const m of members) {
    if (m.active && m.delegate && m.delegate !== m.address) delegators.set(m.delegate, [...(delegators.get(m.delegate) ?? []), m.address])
  }
  const contracts = getDaoContracts(chainId)
  return {
    chainId,
    now: getChainNow(db, chainId),
    indexedBlock: getIndexerStatus(db, chainId)?.indexedBlock ?? null,
    members: members.map((member) => ({
      ...member,
      departments: departments.get(member.address) ?? [],
      delegators: delegators.get(member.address) ?? [],
    })),
    standing: viewer && contracts?.verifiedContributor ? getVoterStanding(db, chainId, viewer, bodies, members) : null,
    contracts,
    names: getAddressNames(chainId, getKnownContracts(chainId)),
    // Profile and ENS names win over the labels above, as on every page (app/components/person-name.tsx).
    displayNames: displayNamesIn(db, chainId, members),
  }
}

export default function DaoMembers() {
  // The writes use the wallet; only a signed-in visitor sees them, and has it from the start.
  return <WalletIsland signedInOnly fallback={<DaoMembersContent />}>{() => <DaoMembersContent />}</WalletIsland>
}

function DaoMembersContent() {
  const { chainId, now, indexedBlock, members, standing, contracts, names } = useLoaderData<typeof loader>()
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
      {standing && contracts ? (
        <VotingPowerPanel standing={standing} contracts={contracts} target={{ chainId, pageBlock: indexedBlock }} names={names} />
      ) : (
        <p className="small muted">Sign in to see your own voting power and activate or delegate it.</p>
      )}
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
                <th scope="col">Delegates to</th>
                <th scope="col">Delegated by</th>
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
                  <td data-label="Delegated by" data-testid="delegated-by">
                    {member.delegators.length === 0 ? (
                      <span className="muted">—</span>
                    ) : (
                      member.delegators.map((d, i) => (
                        <span key={d}>
                          {i > 0 ? ', ' : null}
                          <Person address={d} names={names} />
                        </span>
                      ))
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
