import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { ErrorPage } from '~/components/error-page'
import { Markdown } from '~/components/markdown'
import { UntrustedText } from '~/components/untrusted-text'
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
import { getIndexerStatus } from '~/models/indexer-status.server'
import { getRfp } from '~/models/rfps.server'
import { getPortalContracts } from '~/chain-writes/portal-contracts.server'
import { getAddress } from '~/session/auth.server'
import { renderOptionalMarkdown } from '~/utils/markdown.server'
import { isSafeLinkUrl } from '~/utils/safe-url'
import { ExternalLinks } from '~/components/external-link'
import { rfpActions } from '~/rfps/available-actions'
import { rfpBudgetLabels, rfpKnownTokens } from '~/rfps/budget-labels.server'
import { readEscrowBalances } from '~/rfps/escrow-balances.server'
import type { RfpWriteContext } from '~/rfps/rfp-write-context'
import { AcceptProjectForm, EmptyRfpButton, SubmitProjectForm, TASK_WRITES_HANDLE, TopUpRfpForm } from '~/tasks/components/actions/lazy'
import { rewardTokens } from '~/tasks/decimals'
import tasksStyles from '~/tasks/tasks.css'
import { formatDay } from '~/utils/time'
import { formatTokenAmount, nativeToken, tokenInfo } from '~/utils/tokens'
import { WalletIsland } from '~/wallet/wallet-root'

// One RFP: its budget (at creation, and what its escrow holds now) and managers, every project
// submitted to it with the task each accepted project became, and the writes the signed-in
// address may make: submit a project, accept one (manager), top up, empty (manager).

// Its writes are loaded before hydrating for a signed-in visitor (see lazy.tsx).
export const handle = TASK_WRITES_HANDLE

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: tasksStyles }]

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  { title: loaded ? `${loaded.rfp.title ?? `RFP #${loaded.rfp.rfpId}`} · RFPs · Openmesh Portal` : 'RFP not found · Openmesh Portal' },
]

export async function loader({ params, request }: LoaderFunctionArgs) {
  const chainId = getChainId()
  if (params.chainId !== String(chainId)) throw data(`This portal does not show RFPs of chain "${String(params.chainId).slice(0, 20)}": it follows chain ${chainId}.`, { status: 404 })
  const rfpId = parseRfpId(params.rfpId)
  if (rfpId === null) throw data(`"${String(params.rfpId).slice(0, 80)}" is not an RFP id.`, { status: 404 })
  const db = getDb()
  // Read before the RFP, so the page never claims to include more than it does.
  const indexedBlock = getIndexerStatus(db, chainId)?.indexedBlock ?? null
  const rfp = getRfp(db, { chainId, rfpId })
  if (!rfp) throw data(`There is no RFP #${rfpId} on chain ${chainId}.`, { status: 404 })
  const now = getChainNow(db, chainId)
  const known = rfpKnownTokens(chainId, [rfp])
  const tokens = rfp.budget.map((b) => b.tokenContract)
  const viewer = await getAddress(request)
  const contracts = getPortalContracts(chainId)
  const balances = await readEscrowBalances(rfp.escrow as `0x${string}`, tokens)
  const native = nativeToken(chainId)
  const label = (amount: bigint | string, token: string | null) => formatTokenAmount(amount, token === null ? native : tokenInfo(token, known))
  return {
    chainId,
    now,
    rfp,
    viewer,
    indexedBlock,
    known,
    contracts: contracts?.rfps ? { ...contracts, rfps: contracts.rfps } : null,
    actions: rfpActions(rfp, viewer, now),
    defaultDeadline: formatDay(Math.min(rfp.deadline + 30 * 86_400, Math.floor(Date.now() / 1000) + 60 * 86_400)),
    budgetLabels: rfpBudgetLabels(chainId, rfp, known),
    heldLabels: balances ? [label(balances.native, null), ...balances.tokens.map((b) => label(b.amount, b.token))] : null,
    descriptionHtml: renderOptionalMarkdown(rfp.description),
    requirementsHtml: renderOptionalMarkdown(rfp.projectRequirements),
    links: rfp.links.map((link) => ({ name: link.name, url: isSafeLinkUrl(link.url) ? link.url : null })),
    projects: rfp.projects.map((p) => {
      const entryTokens = rewardTokens(tokens, p.reward)
      return {
        ...p,
        descriptionHtml: renderOptionalMarkdown(p.description),
        askedLabels: [...p.nativeReward.map((r) => label(r.amount, null)), ...p.reward.flatMap((r, i) => (BigInt(r.amount) > 0n ? [label(r.amount, entryTokens[i] ?? null)] : []))],
        grantedLabels: [...p.acceptedNativeReward.map((a) => label(a, null)), ...p.acceptedReward.flatMap((a, i) => (BigInt(a) > 0n ? [label(a, entryTokens[i] ?? null)] : []))],
      }
    }),
    disputeManagerName: bodyName(getGoverningBodies(chainId), rfp.disputeManager),
    names: getAddressNames(chainId, getKnownContracts(chainId)),
  }
}

export default function RfpPage() {
  // The write forms use the wallet; only a signed-in visitor sees them, and has it from the start.
  return <WalletIsland signedInOnly fallback={<RfpPageContent />}>{() => <RfpPageContent />}</WalletIsland>
}

function RfpPageContent() {
  const { chainId, now, rfp, budgetLabels, heldLabels, descriptionHtml, requirementsHtml, links, projects, disputeManagerName, names, viewer, indexedBlock, known, contracts, actions, defaultDeadline } =
    useLoaderData<typeof loader>()
  const ctx: RfpWriteContext | null = contracts
    ? { chainId, rfpId: rfp.rfpId, contracts, pageBlock: indexedBlock, known, budgetTokens: rfp.budget.map((b) => b.tokenContract), escrow: rfp.escrow as `0x${string}` }
    : null
  return (
    <div className="dao-page">
      <p className="small">
        <Link to="/rfps">← All RFPs</Link>
      </p>
      <h1>{rfp.title ?? `RFP #${rfp.rfpId}`}</h1>
      {rfp.metadataState !== 'ok' ? <MetadataNotice state={rfp.metadataState} error={null} subject="RFP" /> : null}
      {descriptionHtml !== null ? <Markdown html={descriptionHtml} /> : null}
      {requirementsHtml !== null ? (
        <>
          <h2>Project requirements</h2>
          <Markdown html={requirementsHtml} />
        </>
      ) : null}
      <ExternalLinks title="Links" links={links} />

      <section aria-labelledby="facts-heading" className="card dao-section">
        <h2 id="facts-heading">On chain</h2>
        <dl className="dao-facts">
          <dt>State</dt>
          <dd>{rfp.emptied ? <>Emptied{rfp.emptiedAt !== null ? <> <Timestamp at={rfp.emptiedAt} now={now} /></> : null}: what was left went back to its creator.</> : 'Open'}</dd>
          <dt>Budget</dt>
          <dd>
            {budgetLabels.join(' + ')} <span className="muted">(at creation)</span>
          </dd>
          <dt>In escrow now</dt>
          <dd data-testid="rfp-held">{heldLabels ? heldLabels.join(' + ') : <span className="muted">The chain did not answer: reload in a moment.</span>}</dd>
          {rfp.maxProjectFunding !== null || rfp.maxAwardedProjects !== null ? (
            <>
              <dt>Awards</dt>
              <dd>
                {rfp.maxAwardedProjects !== null ? `up to ${rfp.maxAwardedProjects} ${rfp.maxAwardedProjects === 1 ? 'project' : 'projects'}` : null}
                {rfp.maxProjectFunding !== null ? <>{rfp.maxAwardedProjects !== null ? ', ' : ''}at most <UntrustedText text={rfp.maxProjectFunding} /> each</> : null}
              </dd>
            </>
          ) : null}
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
                  By <Person address={project.representative} names={names} /> · asks {project.askedLabels.join(' + ') || 'no reward'} · deadline{' '}
                  <Timestamp at={project.deadline} now={now} /> · submitted <Timestamp at={project.createdAt} now={now} />
                </p>
                {project.task ? (
                  <p className="small">
                    Accepted with {project.grantedLabels.join(' + ') || 'no reward'}: it became{' '}
                    <Link to={`/tasks/${chainId}/${project.task.taskId}`}>task #{project.task.taskId}{project.task.title ? ` “${project.task.title}”` : ''}</Link>.
                  </p>
                ) : null}
                {ctx && actions.accept.includes(project.projectId) ? (
                  <details>
                    <summary>Accept project #{project.projectId}</summary>
                    <p className="small muted">The RFP’s escrow creates a task with the project’s description and deadline, the representative preapproved for the granted amounts.</p>
                    <AcceptProjectForm ctx={ctx} project={project} />
                  </details>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      {ctx && viewer && (actions.submitProject || actions.topUp || actions.empty) ? (
        <section aria-labelledby="rfp-actions-heading" className="card dao-section">
          <h2 id="rfp-actions-heading">What you can do</h2>
          {actions.submitProject ? (
            <details>
              <summary>Submit a project</summary>
              <SubmitProjectForm ctx={ctx} defaultDeadline={defaultDeadline} />
            </details>
          ) : null}
          {actions.topUp ? (
            <details>
              <summary>Top up the RFP</summary>
              <TopUpRfpForm ctx={ctx} />
            </details>
          ) : null}
          {actions.empty ? (
            <details>
              <summary>Empty the RFP</summary>
              <p className="small muted">Sends everything left in the escrow back to the creator.</p>
              <EmptyRfpButton ctx={ctx} />
            </details>
          ) : null}
        </section>
      ) : !viewer && !rfp.emptied ? (
        <p className="muted">Sign in with your wallet to submit a project or top up this RFP.</p>
      ) : null}
    </div>
  )
}

export function ErrorBoundary() {
  return <ErrorPage />
}
