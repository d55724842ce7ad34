import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { getPortalContracts } from '~/chain-writes/portal-contracts.server'
import { AddressLink } from '~/components/address-link'
import { getIndexerStatus } from '~/models/indexer-status.server'
import { ErrorPage } from '~/components/error-page'
import { bodyName } from '~/dao/bodies'
import { getGoverningBodies } from '~/dao/bodies.server'
import { ExternalLinks } from '~/components/external-link'
import { Markdown } from '~/components/markdown'
import { MetadataNotice } from '~/components/metadata-notice'
import { getDb } from '~/db.server'
import { getChainId } from '~/env.server'
import { getChainNow } from '~/models/chain-time.server'
import { readSnapshot } from '~/models/read-snapshot.server'
import { getKnownTokens } from '~/models/known-tokens.server'
import { displayNamesIn } from '~/models/display-names.server'
import { cachedRead } from '~/models/read-cache.server'
import { getUsdPrices, priceOf, priceRounds } from '~/models/usd-prices.server'
import { UsdValues } from '~/components/usd-value'
import { getTaskDetail, type TaskDetail } from '~/models/task-detail.server'
import type { KnownTokens } from '~/utils/tokens'
import { getAddress } from '~/session/auth.server'
import { availableActions } from '~/tasks/available-actions'
import {
  ApplyForm,
  CancelForm,
  DisputeForm,
  DonateForm,
  EditMetadataForm,
  ExtendDeadlineForm,
  IncreaseBudgetForm,
  PartialPaymentForm,
  SubmitForm,
  TASK_WRITES_HANDLE,
  TransferManagementForm,
} from '~/tasks/components/actions/lazy'
import { Deadline, OutdatedBudgetNote, StateBadge } from '~/tasks/components/task-badges'
import { DisputesSection } from '~/tasks/components/task-disputes'
import { TaskOriginFacts } from '~/tasks/components/task-origin'
import { pessimisticActionsPrefix, presentTaskDisputes, presentTaskOrigin } from '~/tasks/present-extensions.server'
import { getKnownDisputeFee } from '~/tasks/dispute-fee.server'
import { readCreatorRefund } from '~/tasks/creator-refund.server'
import { heldBeyondBudget } from '~/tasks/escrow-held.server'
import { boundedChainRead } from '~/models/bounded-chain-read.server'
import {
  ApplicationsSection,
  CancelRequestsSection,
  PayoutsList,
  SubmissionsSection,
  TimelineSection,
} from '~/tasks/components/task-sections'
import { courseGate } from '~/tasks/course-gate.server'
import { presentTask } from '~/tasks/present-task.server'
import type { TaskWriteContext } from '~/tasks/task-write-context'
import tasksStyles from '~/tasks/tasks.css'
import { shortAddress } from '~/utils/address'
import { formatDateTime } from '~/utils/time'
import { WalletIsland } from '~/wallet/wallet-root'

// Its writes are loaded before hydrating for a signed-in visitor (see lazy.tsx).
export const handle = TASK_WRITES_HANDLE

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: tasksStyles }]

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  { title: loaded ? `${loaded.task.title ?? `Task #${loaded.task.taskId}`} · Tasks · Openmesh Portal` : 'Task not found · Openmesh Portal' },
]

const ID = /^(0|[1-9][0-9]{0,15})$/

export async function loader({ params, request }: LoaderFunctionArgs) {
  const chainId = ID.test(params.chainId ?? '') ? Number(params.chainId) : null
  const taskId = ID.test(params.taskId ?? '') ? Number(params.taskId) : null
  if (chainId === null || chainId !== getChainId()) {
    throw data(`This portal does not show tasks of chain "${params.chainId}": it follows chain ${getChainId()}.`, { status: 404 })
  }
  if (taskId === null || !Number.isSafeInteger(taskId)) throw data(`"${params.taskId}" is not a task id.`, { status: 404 })
  const db = getDb()
  const viewer = await getAddress(request)
  const prices = getUsdPrices(chainId)
  const contracts = getPortalContracts(chainId)
  // Every database read of the page in one snapshot: a batch the indexer commits meanwhile shows
  // on the next load, never half on this one (e.g. a dispute resolved on a task still "taken").
  // The same for every visitor until the database changes (or a price feed's round does).
  const read = cachedRead(db, 'task-page', { chainId, taskId, prices: priceRounds(prices) }, () =>
    readSnapshot(db, () => {
      // Read before the task, so the page never claims to include more than it does.
      const indexedBlock = getIndexerStatus(db, chainId)?.indexedBlock ?? null
      const detail = getTaskDetail(db, { chainId, taskId })
      if (!detail) return null
      const known = getKnownTokens(db, chainId, detail.budgets.flatMap((b) => (b.token ? [b.token] : [])))
      const task = presentTask(detail, known, (token) => priceOf(prices, token))
      return {
        detail,
        indexedBlock,
        known,
        task,
        disputes: presentTaskDisputes(db, chainId, taskId, task.executor?.entries ?? []),
        origin: presentTaskOrigin(db, chainId, taskId),
      }
    }),
  )
  if (!read) throw data(`There is no task ${taskId} on chain ${chainId}.`, { status: 404 })
  const { detail, indexedBlock, known, task, disputes, origin } = read
  // Chain time follows the wall clock on an idle chain: read per request, never remembered.
  const now = getChainNow(db, chainId)
  const bodies = getGoverningBodies(chainId)
  const actions = availableActions(detail, viewer, { now, disputes: contracts?.taskDisputes != null && contracts.pessimisticActions != null })
  return {
    disputes,
    origin,
    disputeActionsPath: pessimisticActionsPrefix(chainId, task.disputeManager),
    disputeManagerName: bodyName(bodies, task.disputeManager),
    task,
    viewer,
    now,
    indexedBlock,
    contracts,
    known,
    dao: contracts?.dao ?? null,
    actions,
    disputeFee: actions.dispute && contracts?.taskDisputes ? getKnownDisputeFee(contracts.taskDisputes, task.disputeManager as `0x${string}`) : null,
    gate: courseGate(task.requiredCourse ?? undefined, viewer),
    // Everyone the page shows, named as on every other page (app/components/person-name.tsx).
    displayNames: displayNamesIn(db, chainId, task),
    ...(await escrowFigures(chainId, detail, known)),
  }
}

/**
 * What no event says and only the chain knows: a closed task's refund to its creator (fixed once
 * read) and, for an open one, what its escrow holds beyond the indexed budget (donations). Both are
 * bounded reads: a slow or hung RPC never holds the page (the figures show on a later visit).
 */
async function escrowFigures(chainId: number, detail: TaskDetail, known: KnownTokens) {
  const budgetKey = detail.budgets.map((b) => `${b.token ?? 'native'}=${b.amount}`).join(',')
  const [refund, heldNow] = await Promise.all([
    boundedChainRead(`refund:${chainId}:${detail.taskId}:${detail.state}`, () => readCreatorRefund(detail, known), { freshMs: 10 * 60_000 }),
    // A donation has no event: the figure is read on every visit (within the bound), never remembered.
    boundedChainRead(`held:${chainId}:${detail.taskId}:${detail.state}:${budgetKey}`, () => heldBeyondBudget(detail, known), { freshMs: 0 }),
  ])
  return { refund, heldNow }
}

export default function TaskPage() {
  // The write forms use the wallet; only a signed-in visitor sees them, and has it from the start.
  return <WalletIsland signedInOnly fallback={<TaskPageContent />}>{() => <TaskPageContent />}</WalletIsland>
}

function TaskPageContent() {
  const { task, viewer, now, indexedBlock, contracts, known, dao, actions, gate, disputes, disputeManagerName, origin, disputeFee, disputeActionsPath, refund, heldNow } =
    useLoaderData<typeof loader>()
  const ctx: TaskWriteContext | null = contracts
    ? { chainId: task.chainId, taskId: task.taskId, contracts, pageBlock: indexedBlock, known, budgetTokens: task.budgetTokens }
    : null
  const isDao = (address: string) => dao !== null && address.toLowerCase() === dao.toLowerCase()
  const manage = actions.extendDeadline || actions.cancel !== null || actions.partialPayment || actions.dispute || actions.transferManagement
  const metadataMissing = task.metadata.state !== 'ok'

  return (
    <div className="task-page" data-task-state={task.state}>
      <article>
        <p className="small">
          <Link to="/tasks">← All tasks</Link>
        </p>
        <header>
          <h1>{task.title ?? `Task #${task.taskId}`}</h1>
          <StateBadge state={task.state} outcome={task.outcome} />
        </header>
        {metadataMissing ? <MetadataNotice state={task.metadata.state} error={task.metadata.error} subject="task" /> : null}

        <section aria-labelledby="description-heading">
          <h2 id="description-heading" className="visually-hidden">
            Description
          </h2>
          {task.descriptionHtml !== null ? <Markdown html={task.descriptionHtml} /> : metadataMissing ? null : <p className="muted">No description.</p>}
          {task.tags.length > 0 ? (
            <ul className="tags" aria-label="Tags">
              {task.tags.map((tag) => (
                <li key={tag}>
                  <Link className="pill" to={`/tasks?tag=${encodeURIComponent(tag)}`}>
                    {tag}
                  </Link>
                </li>
              ))}
            </ul>
          ) : null}
          <ExternalLinks title="Links" links={[...task.links, ...task.resourceLinks]} />
          {task.resourcesHtml !== null ? (
            <>
              <h3>Resources</h3>
              <Markdown html={task.resourcesHtml} />
            </>
          ) : null}
          {task.requiredCourse && gate ? (
            <p className="notice" role="note">
              Applicants must have completed the course <Link to={gate.href}>{gate.title}</Link>
              {viewer ? (gate.completed ? ' — you have.' : ' — you have not yet.') : '.'}
            </p>
          ) : null}
        </section>

        <ApplicationsSection task={task} actions={actions} ctx={ctx} now={now} />
        <SubmissionsSection task={task} actions={actions} ctx={ctx} now={now} />
        <CancelRequestsSection task={task} actions={actions} ctx={ctx} now={now} />
        <DisputesSection disputes={disputes} now={now} />
        <TimelineSection task={task} now={now} />
      </article>

      <aside>
        <section className="card" aria-labelledby="facts-heading">
          <h2 id="facts-heading">On chain</h2>
          <dl className="task-facts">
            {task.fundedWith ? (
              <>
                <dt>Funded with</dt>
                <dd>{task.fundedWith}</dd>
              </>
            ) : null}
            <dt>{task.state === 'closed' ? 'Left in escrow' : 'Budget in escrow'}</dt>
            <dd>
              <ul className="plain" aria-label="Budget">
                {task.budgets
                  .filter((b) => b.token !== null || b.amount !== '0' || task.budgets.length === 1)
                  .map((b) => (
                    <li key={b.token ?? 'native'} title={b.problem ? `Shown by address in base units: ${b.problem}` : undefined}>
                      {b.label}
                    </li>
                  ))}
              </ul>
              {task.budgetOutdated ? <OutdatedBudgetNote>May be out of date</OutdatedBudgetNote> : null}
            </dd>
            {heldNow ? (
              <>
                <dt>Held now</dt>
                <dd data-testid="escrow-held">
                  {heldNow.join(' + ')} <span className="muted">(read from the chain: donations are plain transfers no event counts)</span>
                </dd>
              </>
            ) : null}
            <UsdValues budgets={task.budgets} now={now} />
            <dt>Escrow</dt>
            <dd>
              <code title={task.escrow}>{shortAddress(task.escrow)}</code>
            </dd>
            <dt>Deadline</dt>
            <dd>
              {formatDateTime(task.deadline)}
              <br />
              <Deadline deadline={task.deadline} now={now} closed={task.state === 'closed'} />
            </dd>
            <dt>Manager</dt>
            <dd>
              <AddressLink address={task.manager} />
            </dd>
            <dt>Dispute manager</dt>
            <dd>
              <AddressLink address={task.disputeManager} label={disputeManagerName ?? (isDao(task.disputeManager) ? 'The DAO' : undefined)} />
            </dd>
            <dt>Creator</dt>
            <dd>
              <AddressLink address={task.creator} />
            </dd>
            <TaskOriginFacts origin={origin} />
            {task.executor ? (
              <>
                <dt>Executor</dt>
                <dd>
                  <AddressLink address={task.executor.applicant} /> for {task.executor.rewardLabel}
                </dd>
              </>
            ) : null}
            <dt>Chain</dt>
            <dd>
              {task.chainId}, task #{task.taskId}
            </dd>
          </dl>
          <PayoutsList task={task} now={now} refund={refund} />
        </section>

        <section className="card" aria-labelledby="actions-heading">
          <h2 id="actions-heading">What you can do</h2>
          {!ctx ? (
            <p className="muted">The portal has no contract addresses for this chain, so it cannot write to it.</p>
          ) : !viewer ? (
            <p className="muted">Sign in with your wallet to apply for or manage this task.</p>
          ) : task.state === 'closed' ? (
            <p className="muted">This task is closed.</p>
          ) : (
            <>
              {actions.apply ? (
                <>
                  <h3>Apply</h3>
                  <ApplyForm ctx={ctx} gate={gate} />
                </>
              ) : null}
              {actions.submit ? (
                <>
                  <h3>Submit your work</h3>
                  <SubmitForm ctx={ctx} />
                </>
              ) : null}
              {actions.take.length > 0 ? <p className="notice notice-ok">Your application was accepted: take the task from the applications list.</p> : null}
              {actions.review.length > 0 ? <p className="notice">A submission is waiting for your review (see Submissions).</p> : null}
              {actions.acceptCancel.length > 0 ? <p className="notice">The manager asked to cancel this task (see Cancel requests).</p> : null}
              {actions.acceptApplications.length > 0 ? <p className="notice">Applications are waiting for you (see Applications).</p> : null}
              {!actions.apply && !actions.submit && actions.take.length === 0 && actions.acceptApplications.length === 0 && actions.review.length === 0 && actions.acceptCancel.length === 0 ? (
                <p className="muted">{manage ? 'You manage this task: the tools are below.' : 'Nothing for your address to do on this task right now.'}</p>
              ) : null}
              {actions.donate ? (
                <details>
                  <summary>Donate to the task</summary>
                  <p className="small muted">A plain transfer to the task’s escrow: it adds to what the executor can be paid; what is left at the end goes back to the creator.</p>
                  <DonateForm ctx={ctx} escrow={task.escrow as `0x${string}`} />
                </details>
              ) : null}
            </>
          )}
        </section>

        {ctx && manage ? (
          <section className="card" aria-labelledby="manage-heading">
            <h2 id="manage-heading">Manage</h2>
            {actions.extendDeadline ? (
              <details>
                <summary>Extend the deadline</summary>
                <ExtendDeadlineForm ctx={ctx} />
              </details>
            ) : null}
            {actions.increaseBudget ? (
              <details>
                <summary>Increase the budget</summary>
                <IncreaseBudgetForm ctx={ctx} />
              </details>
            ) : null}
            {actions.editMetadata ? (
              <details>
                <summary>Edit the description</summary>
                <EditMetadataForm ctx={ctx} defaults={task.editDefaults} />
              </details>
            ) : null}
            {actions.partialPayment && task.executor ? (
              <details>
                <summary>Pay part of the reward</summary>
                <PartialPaymentForm ctx={ctx} entries={task.executor.entries} />
              </details>
            ) : null}
            {actions.dispute && task.executor ? (
              <details>
                <summary>Open a dispute</summary>
                <DisputeForm
                  ctx={ctx}
                  entries={task.executor.entries}
                  disputeManager={task.disputeManager as `0x${string}`}
                  fee={contracts?.taskDisputes ? disputeFee : { error: 'This chain has no dispute contracts configured.' }}
                  actionPathPrefix={disputeActionsPath}
                />
              </details>
            ) : null}
            {actions.transferManagement ? (
              <details>
                <summary>Transfer the management</summary>
                <TransferManagementForm ctx={ctx} />
              </details>
            ) : null}
            {actions.cancel ? (
              <details>
                <summary>{actions.cancel === 'now' ? 'Cancel the task' : 'Ask to cancel the task'}</summary>
                <CancelForm ctx={ctx} mode={actions.cancel} />
              </details>
            ) : null}
          </section>
        ) : null}
      </aside>
    </div>
  )
}

export function ErrorBoundary() {
  return <ErrorPage />
}
