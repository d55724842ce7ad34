import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { ErrorPage } from '~/components/error-page'
import { Timestamp } from '~/components/when'
import { actionPath, bodyOfSlug, proposalPath } from '~/dao/bodies'
import { getGoverningBodies } from '~/dao/bodies.server'
import { ActionCard, ProposalCard } from '~/dao/components/dao-cards'
import { Person } from '~/dao/components/person'
import { VotingRules } from '~/dao/components/voting-rules'
import { getKnownContracts } from '~/dao/contracts.server'
import { formatDuration } from '~/dao/format'
import { getAddressNames } from '~/dao/names.server'
import { getDb } from '~/db.server'
import { getChainId } from '~/env.server'
import { getChainNow } from '~/models/chain-time.server'
import { listTagHolders } from '~/models/department-members.server'
import { getVotingSettings, listProposals } from '~/models/proposals.server'
import { listTaskDrafts } from '~/models/task-drafts.server'
import { listTrustlessActions } from '~/models/trustless-actions.server'
import { getExecuteDelay } from '~/models/trustless-settings.server'
import { formatTokenAmount, NATIVE_TOKEN } from '~/utils/tokens'

// A department of the Openmesh DAO: its members (holders of its tag, one vote each), the proposals
// they vote on (TagVoting), what its smart account queued (optimistic actions its members may
// reject, pessimistic ones such as disputes and drafts that run only once voted) and its drafts.

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [{ title: loaded ? `${loaded.department.name} · DAO · Openmesh Portal` : 'Department not found · Openmesh Portal' }]

export async function loader({ params }: LoaderFunctionArgs) {
  const chainId = getChainId()
  const bodies = getGoverningBodies(chainId)
  const body = bodyOfSlug(bodies, params.name)
  if (!body || body.department === null) throw data(`There is no department "${String(params.name).slice(0, 80)}" on chain ${chainId}.`, { status: 404 })
  const db = getDb()
  const now = getChainNow(db, chainId)
  const known = getKnownContracts(chainId)
  const actions = listTrustlessActions(db, { chainId, now, known, dao: body.account })
  return {
    chainId,
    now,
    department: { name: body.name, slug: body.slug, account: body.account, dao: body.dao, tag: body.tag, plugin: body.plugin },
    members: body.tag ? listTagHolders(db, chainId, body.tag) : [],
    settings: body.plugin ? getVotingSettings(db, chainId, body.plugin) : null,
    proposals: body.plugin ? listProposals(db, { chainId, now, plugin: body.plugin }).map((p) => ({ ...p, body: body.name, path: proposalPath(bodies, p.plugin, p.proposalId) })) : [],
    actions: actions.map((a) => ({ ...a, body: body.name, path: actionPath(bodies, a.dao, a.kind, a.actionId) })),
    drafts: listTaskDrafts(db, { chainId, dao: body.account }).map((d) => ({ ...d, path: actionPath(bodies, body.account, 'pessimistic', d.actionId) })),
    optimisticDelay: getExecuteDelay(db, { chainId, dao: body.account }),
    names: getAddressNames(chainId, known),
  }
}

export default function DepartmentPage() {
  const { chainId, now, department, members, settings, proposals, actions, drafts, optimisticDelay, names } = useLoaderData<typeof loader>()
  const optimistic = actions.filter((a) => a.kind === 'optimistic')
  const pessimistic = actions.filter((a) => a.kind === 'pessimistic')
  return (
    <div className="dao-page">
      <p className="small">
        <Link to="/dao">← DAO</Link>
      </p>
      <h1>{department.name}</h1>
      <p className="dao-lead">
        A department of the Openmesh DAO. Its members hold its tag on their OVC and have one vote each; it acts through its smart
        account <Person address={department.account} names={names} />
        {department.dao ? (
          <>
            , owned by its DAO <code className="dao-hex small">{department.dao}</code>
          </>
        ) : null}
        .
      </p>
      <p className="actions">
        {department.plugin ? (
          <Link to={`/dao/new?kind=proposal&body=${department.slug}`} className="button">
            New department proposal
          </Link>
        ) : null}{' '}
        <Link to={`/dao/new?kind=action&body=${department.slug}`} className="button secondary">
          New optimistic action
        </Link>
      </p>

      <section aria-labelledby="members-heading" className="dao-section">
        <h2 id="members-heading">Members</h2>
        {members.length === 0 ? (
          <p className="muted">Nobody holds this department’s tag.</p>
        ) : (
          <table className="dao-table">
            <thead>
              <tr>
                <th scope="col">Member</th>
                <th scope="col">OVC</th>
                <th scope="col">Member since</th>
              </tr>
            </thead>
            <tbody>
              {members.map((member) => (
                <tr key={member.address}>
                  <td>
                    <Person address={member.address} names={names} />
                  </td>
                  <td>#{member.tokenId}</td>
                  <td className="small">
                    <Timestamp at={member.taggedAt} now={now} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="rules-heading" className="card dao-section">
        <h2 id="rules-heading">Voting rules</h2>
        <p className="small muted">One vote per member: the voting power is the number of members when a proposal is made.</p>
        <VotingRules settings={settings} />
        <p className="small muted">
          Optimistic actions: any member may propose one; it can be executed
          {optimisticDelay !== null ? ` ${formatDuration(optimisticDelay)} after it was created` : ' once its delay has passed'}, unless a member rejects it first.
        </p>
      </section>

      <section aria-labelledby="proposals-heading" className="dao-section">
        <h2 id="proposals-heading">Proposals</h2>
        {proposals.length === 0 ? (
          <p className="muted">No proposals indexed yet.</p>
        ) : (
          <ul className="dao-list">
            {proposals.map((proposal) => (
              <ProposalCard key={proposal.path} proposal={proposal} now={now} names={names} showBody={false} />
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="optimistic-heading" className="dao-section">
        <h2 id="optimistic-heading">Optimistic actions</h2>
        {optimistic.length === 0 ? (
          <p className="muted">No optimistic actions indexed yet.</p>
        ) : (
          <ul className="dao-list">
            {optimistic.map((action) => (
              <ActionCard key={action.path} action={action} now={now} names={names} chainId={chainId} showBody={false} />
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="pessimistic-heading" className="dao-section">
        <h2 id="pessimistic-heading">Pessimistic actions</h2>
        <p className="small muted">Queued by disputes and drafts: each runs only if the department votes to execute it.</p>
        {pessimistic.length === 0 ? (
          <p className="muted">No pessimistic actions indexed yet.</p>
        ) : (
          <ul className="dao-list">
            {pessimistic.map((action) => (
              <ActionCard key={action.path} action={action} now={now} names={names} chainId={chainId} showBody={false} />
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="drafts-heading" className="dao-section">
        <h2 id="drafts-heading">Task drafts</h2>
        {drafts.length === 0 ? (
          <p className="muted">No task drafts proposed to this department.</p>
        ) : (
          <ul className="dao-list">
            {drafts.map((draft) => (
              <li key={draft.actionId} className="dao-card" data-state={draft.state}>
                <div className="dao-card-head">
                  <h3>
                    <Link to={draft.path}>{draft.title ?? `Draft #${draft.actionId}`}</Link>
                  </h3>
                  <span className={`dao-badge dao-state-${draft.state === "approved" ? "executed" : "pending"}`}>{draft.state === "approved" ? "Approved" : "Pending"}</span>
                </div>
                <p className="small muted">
                  Task “{draft.taskTitle ?? 'untitled'}” with a budget of {formatTokenAmount(draft.nativeBudget, NATIVE_TOKEN)} ·{' '}
                  {draft.createdTaskId !== null ? (
                    <Link to={`/tasks/${chainId}/${draft.createdTaskId}`}>became task #{draft.createdTaskId}</Link>
                  ) : (
                    'awaiting the department’s vote'
                  )}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  )
}

export function ErrorBoundary() {
  return <ErrorPage />
}
