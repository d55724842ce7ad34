import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { ErrorPage } from '~/components/error-page'
import { Markdown } from '~/components/markdown'
import { MetadataNotice } from '~/components/metadata-notice'
import { TxLink } from '~/components/tx-link'
import { Timestamp } from '~/components/when'
import { bodyName } from '~/dao/bodies'
import { getGoverningBodies } from '~/dao/bodies.server'
import { Person } from '~/dao/components/person'
import { getKnownContracts } from '~/dao/contracts.server'
import { parseRfpId } from '~/dao/ids'
import { getAddressNames } from '~/dao/names.server'
import { getDb } from '~/db.server'
import { getChainId } from '~/env.server'
import { getChainNow } from '~/models/chain-time.server'
import { getRfp } from '~/models/rfps.server'
import { renderOptionalMarkdown } from '~/utils/markdown.server'
import { rfpBudgetLabels } from '~/rfps/budget-labels.server'
import { formatTokenAmount, NATIVE_TOKEN } from '~/utils/tokens'

// One RFP: its budget and managers, and every project submitted to it with the task each accepted
// project became.

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  { title: loaded ? `${loaded.rfp.title ?? `RFP #${loaded.rfp.rfpId}`} · RFPs · Openmesh Portal` : 'RFP not found · Openmesh Portal' },
]

export async function loader({ params }: LoaderFunctionArgs) {
  const chainId = getChainId()
  if (params.chainId !== String(chainId)) throw data(`This portal does not show RFPs of chain "${String(params.chainId).slice(0, 20)}": it follows chain ${chainId}.`, { status: 404 })
  const rfpId = parseRfpId(params.rfpId)
  if (rfpId === null) throw data(`"${String(params.rfpId).slice(0, 80)}" is not an RFP id.`, { status: 404 })
  const db = getDb()
  const rfp = getRfp(db, { chainId, rfpId })
  if (!rfp) throw data(`There is no RFP #${rfpId} on chain ${chainId}.`, { status: 404 })
  return {
    chainId,
    now: getChainNow(db, chainId),
    rfp,
    budgetLabels: rfpBudgetLabels(chainId, rfp),
    descriptionHtml: renderOptionalMarkdown(rfp.description),
    projects: rfp.projects.map((p) => ({ ...p, descriptionHtml: renderOptionalMarkdown(p.description) })),
    disputeManagerName: bodyName(getGoverningBodies(chainId), rfp.disputeManager),
    names: getAddressNames(chainId, getKnownContracts(chainId)),
  }
}

export default function RfpPage() {
  const { chainId, now, rfp, budgetLabels, descriptionHtml, projects, disputeManagerName, names } = useLoaderData<typeof loader>()
  return (
    <div className="dao-page">
      <p className="small">
        <Link to="/rfps">← All RFPs</Link>
      </p>
      <h1>{rfp.title ?? `RFP #${rfp.rfpId}`}</h1>
      {rfp.metadataState !== 'ok' ? <MetadataNotice state={rfp.metadataState} error={null} subject="RFP" /> : null}
      {descriptionHtml !== null ? <Markdown html={descriptionHtml} /> : null}

      <section aria-labelledby="facts-heading" className="card dao-section">
        <h2 id="facts-heading">On chain</h2>
        <dl className="dao-facts">
          <dt>State</dt>
          <dd>{rfp.emptied ? <>Emptied{rfp.emptiedAt !== null ? <> <Timestamp at={rfp.emptiedAt} now={now} /></> : null}: what was left went back to its creator.</> : 'Open'}</dd>
          <dt>Budget</dt>
          <dd>
            {budgetLabels.join(' + ')} <span className="muted">(at creation)</span>
          </dd>
          <dt>Deadline</dt>
          <dd>
            <Timestamp at={rfp.deadline} now={now} />
          </dd>
          <dt>Creator</dt>
          <dd>
            <Person address={rfp.creator} names={names} />
          </dd>
          <dt>Manager</dt>
          <dd>
            <Person address={rfp.manager} names={names} /> <span className="muted">accepts projects</span>
          </dd>
          <dt>Tasks managed by</dt>
          <dd>
            <Person address={rfp.tasksManager} names={names} />
          </dd>
          <dt>Disputes decided by</dt>
          <dd>{disputeManagerName ?? <Person address={rfp.disputeManager} names={names} />}</dd>
          <dt>Created</dt>
          <dd>
            <Timestamp at={rfp.createdAt} now={now} /> · <TxLink hash={rfp.transactionHash} />
          </dd>
        </dl>
      </section>

      <section aria-labelledby="projects-heading" className="dao-section">
        <h2 id="projects-heading">Projects</h2>
        {projects.length === 0 ? (
          <p className="muted">No project has been submitted yet.</p>
        ) : (
          <ul className="dao-list">
            {projects.map((project) => (
              <li key={project.projectId} className="dao-card" data-project-id={project.projectId} data-state={project.accepted ? 'accepted' : 'submitted'}>
                <div className="dao-card-head">
                  <h3>{project.title ?? `Project #${project.projectId}`}</h3>
                  <span className={`dao-badge dao-state-${project.accepted ? 'executed' : 'pending'}`}>{project.accepted ? 'Accepted' : 'Submitted'}</span>
                </div>
                {project.descriptionHtml !== null ? <Markdown html={project.descriptionHtml} /> : null}
                <p className="small muted">
                  By <Person address={project.representative} names={names} /> · asks{' '}
                  {project.nativeReward.map((r) => formatTokenAmount(r.amount, NATIVE_TOKEN)).join(' + ') || 'no native reward'} · submitted{' '}
                  <Timestamp at={project.createdAt} now={now} />
                </p>
                {project.task ? (
                  <p className="small">
                    Accepted with {project.acceptedNativeReward.map((a) => formatTokenAmount(a, NATIVE_TOKEN)).join(' + ') || 'no native reward'}: it became{' '}
                    <Link to={`/tasks/${chainId}/${project.task.taskId}`}>task #{project.task.taskId}{project.task.title ? ` “${project.task.title}”` : ''}</Link>.
                  </p>
                ) : null}
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
