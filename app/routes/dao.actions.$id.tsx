import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { ErrorPage } from '~/components/error-page'
import { Markdown } from '~/components/markdown'
import { TxLink } from '~/components/tx-link'
import { Timestamp } from '~/components/when'
import { getChainNow } from '~/models/chain-time.server'
import { ActionList } from '~/dao/components/action-list'
import { DaoDetailPage } from '~/dao/components/detail-page'
import { Person } from '~/dao/components/person'
import { ActionStateBadge } from '~/dao/components/state-badges'
import { getKnownContracts } from '~/dao/contracts.server'
import { parseActionId } from '~/dao/ids'
import { getAddressNames } from '~/dao/names.server'
import { getTransactionSenders } from '~/dao/tx-senders.server'
import { getDb } from '~/db.server'
import { getChainId } from '~/env.server'
import { getOptimisticAction } from '~/models/optimistic-actions.server'
import { renderOptionalMarkdown } from '~/utils/markdown.server'

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  {
    title: loaded
      ? `${loaded.action.title ?? `Optimistic action #${loaded.action.actionId}`} · DAO · Openmesh Portal`
      : 'Optimistic action not found · Openmesh Portal',
  },
]

export async function loader({ params }: LoaderFunctionArgs) {
  const actionId = parseActionId(params.id)
  if (actionId === null) throw data(`"${String(params.id).slice(0, 80)}" is not an optimistic action id.`, { status: 404 })
  const db = getDb()
  const chainId = getChainId()
  const known = getKnownContracts(chainId)
  const now = getChainNow(db, chainId)
  const action = getOptimisticAction(db, { chainId, actionId, now, known })
  if (!action) throw data(`There is no optimistic action #${actionId} on chain ${chainId}.`, { status: 404 })
  const senders = await getTransactionSenders([action.transactionHash, ...action.rejections.map((r) => r.transactionHash)])
  const senderOf = (hash: string) => senders[hash.toLowerCase()] ?? null
  return {
    chainId,
    now,
    action: {
      ...action,
      creator: senderOf(action.transactionHash),
      rejections: action.rejections.map((rejection) => ({ ...rejection, rejectedBy: senderOf(rejection.transactionHash) })),
    },
    descriptionHtml: renderOptionalMarkdown(action.description),
    names: getAddressNames(chainId, known),
  }
}

export default function OptimisticActionPage() {
  const { chainId, now, action, descriptionHtml, names } = useLoaderData<typeof loader>()
  return (
    <DaoDetailPage
      state={action.state}
      title={action.title}
      fallbackTitle={`Optimistic action #${action.actionId}`}
      badge={<ActionStateBadge state={action.state} />}
      metadataState={action.metadataState}
      metadataError={action.metadataError}
      subject="action"
      facts={
        <>
          <dt>Action</dt>
          <dd>#{action.actionId}</dd>
          <dt>Creator</dt>
          <dd>{action.creator ? <Person address={action.creator} names={names} /> : <span className="muted">unknown (the RPC did not answer)</span>}</dd>
          <dt>Who may propose</dt>
          <dd>
            holders of <Person address={action.manager} names={names} />
          </dd>
          <dt>Created</dt>
          <dd>
            <Timestamp at={action.createdAt} now={now} />
            <br />
            <TxLink hash={action.transactionHash} />
          </dd>
          <dt>Executable from</dt>
          <dd>{action.executableFrom === null ? <span className="muted">not indexed yet</span> : <Timestamp at={action.executableFrom} now={now} />}</dd>
          <dt>DAO</dt>
          <dd>
            <Person address={action.dao} names={names} />
          </dd>
          <dt>Execution</dt>
          <dd>
            {action.state === 'executed' ? (
              <>
                Executed{action.executedAt !== null ? <> <Timestamp at={action.executedAt} now={now} /></> : null}
                {action.executor ? (
                  <>
                    {' '}
                    by <Person address={action.executor} names={names} />
                  </>
                ) : null}
                {action.executionTransactionHash ? (
                  <>
                    <br />
                    <TxLink hash={action.executionTransactionHash} />
                  </>
                ) : null}
              </>
            ) : (
              <span className="muted">Not executed</span>
            )}
          </dd>
        </>
      }
    >
      <section aria-labelledby="description-heading" className="dao-section">
        <h2 id="description-heading">Description</h2>
        {descriptionHtml !== null ? <Markdown html={descriptionHtml} /> : <p className="muted">No description.</p>}
      </section>

      <section aria-labelledby="status-heading" className="dao-section">
        <h2 id="status-heading">Status</h2>
        <p data-testid="action-status">
          <Status action={action} now={now} />
        </p>
      </section>

      <section aria-labelledby="actions-heading" className="dao-section">
        <h2 id="actions-heading">Actions</h2>
        <ActionList actions={action.actions} names={names} chainId={chainId} />
      </section>

      <section aria-labelledby="rejections-heading" className="dao-section">
        <h2 id="rejections-heading">Rejections</h2>
        {action.rejections.length === 0 ? (
          <p className="muted">No member has rejected this action.</p>
        ) : (
          <ul className="dao-list">
            {action.rejections.map((rejection) => (
              <li key={rejection.transactionHash} className="dao-card">
                <p className="dao-reason">
                  {rejection.reason ?? (
                    <span className="muted">
                      {rejection.metadataState === 'pending' ? 'The reason is still being fetched.' : 'No reason given (metadata unavailable).'}
                    </span>
                  )}
                </p>
                <p className="small muted">
                  Rejected
                  {rejection.rejectedBy ? (
                    <>
                      {' '}
                      by <Person address={rejection.rejectedBy} names={names} />
                    </>
                  ) : null}{' '}
                  <Timestamp at={rejection.rejectedAt} now={now} /> · <TxLink hash={rejection.transactionHash} />
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </DaoDetailPage>
  )
}

function Status({ action, now }: { action: ReturnType<typeof useLoaderData<typeof loader>>['action']; now: number }) {
  switch (action.state) {
    case 'executed':
      return <>Executed: the DAO made these calls.</>
    case 'rejected':
      return <>Rejected by a member: it can never be executed.</>
    case 'ready':
      return <>The objection period is over and nobody rejected it: anyone can execute it now.</>
    case 'pending':
      return action.executableFrom === null ? (
        <>Waiting for its objection period.</>
      ) : (
        <>
          In its objection period: any member can reject it until it becomes executable <Timestamp at={action.executableFrom} now={now} />.
        </>
      )
  }
}

export function ErrorBoundary() {
  return <ErrorPage />
}
