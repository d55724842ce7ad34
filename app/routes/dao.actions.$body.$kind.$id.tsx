import {
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { WalletIsland } from "~/wallet/wallet-root";
import { Markdown } from "~/components/markdown";
import { TxLink } from "~/components/tx-link";
import { Timestamp } from "~/components/when";
import { getChainNow } from "~/models/chain-time.server";
import { ActionList } from "~/dao/components/action-list";
import { DaoDetailPage } from "~/dao/components/detail-page";
import { Person } from "~/dao/components/person";
import { ActionStateBadge } from "~/dao/components/state-badges";
import { getKnownContracts } from "~/dao/contracts.server";
import { resolveBodySegment } from "~/dao/bodies";
import { getGoverningBodies } from "~/dao/bodies.server";
import { parseActionId, parseActionKind } from "~/dao/ids";
import { getAddressNames } from "~/dao/names.server";
import { getDb } from "~/db.server";
import { getChainId } from "~/env.server";
import { getTrustlessAction } from "~/models/trustless-actions.server";
import { renderOptionalMarkdown } from "~/utils/markdown.server";
import { getIndexerStatus } from "~/models/indexer-status.server";
import { getAddress } from "~/session/auth.server";
import { DaoPageFlows, ExecuteActionButton, RejectActionForm, TASK_WRITES_HANDLE } from "~/tasks/components/actions/lazy";
import { SimulationNote } from "~/dao/components/simulation-note";
import { LiveCountdown } from "~/dao/components/live-countdown";
import { TxProgress } from "~/chain-writes/tx-progress";
import type { TxFlow } from "~/chain-writes/use-tx-flow";
import { simulateFromDao } from "~/dao/simulate-actions.server";
import { getDaoContracts } from "~/dao/writes/dao-contracts.server";
import type { Hex20 } from "~/dao/writes/dao-contracts";

const kindLabels = {
  optimistic: "Optimistic action",
  pessimistic: "Pessimistic action",
} as const;

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  {
    title: loaded
      ? `${
          loaded.action.title ??
          `${kindLabels[loaded.action.kind]} #${loaded.action.actionId}`
        } · ${loaded.daoName} · Openmesh Portal`
      : "Action not found · Openmesh Portal",
  },
];

// A signed-in visitor's page has its writes' code before it hydrates (root.tsx, entry.client.tsx).
export const handle = TASK_WRITES_HANDLE;

export async function loader({ params, request }: LoaderFunctionArgs) {
  const kind = parseActionKind(params.kind);
  const actionId = parseActionId(params.id);
  if (kind === null)
    throw data(
      `"${String(params.kind).slice(
        0,
        80
      )}" is not a kind of action (optimistic or pessimistic).`,
      { status: 404 }
    );
  if (actionId === null)
    throw data(`"${String(params.id).slice(0, 80)}" is not an action id.`, {
      status: 404,
    });
  const chainId = getChainId();
  const bodies = getGoverningBodies(chainId);
  const where = resolveBodySegment(bodies, params.body);
  if (!where)
    throw data(
      `"${String(params.body).slice(
        0,
        80
      )}" is neither a DAO of Openmesh nor an address.`,
      { status: 404 }
    );
  const db = getDb();
  const known = getKnownContracts(chainId);
  const now = getChainNow(db, chainId);
  const action = getTrustlessAction(db, {
    chainId,
    kind,
    dao: where.address,
    actionId,
    now,
    known,
  });
  const daoName = where.body?.name ?? where.address;
  if (!action)
    throw data(
      `There is no ${kind} action #${actionId} of the ${daoName} on chain ${chainId}.`,
      { status: 404 }
    );
  const contracts = action.kind === "optimistic" ? getDaoContracts(chainId) : null;
  const writeBody = contracts?.bodies.find((b) => b.account === action.dao) ?? null;
  // Simulated only when it matters: before an execute.
  const simulation =
    action.state === "ready" ? await simulateFromDao(action.dao, action.actions) : null;
  return {
    chainId,
    now,
    indexedBlock: getIndexerStatus(db, chainId)?.indexedBlock ?? null,
    signedIn: (await getAddress(request)) !== null,
    contracts,
    writeBody,
    simulation,
    action: {
      ...action,
      // A rejection's reason is rich text ({reason}†, as the ovc-frontend writes it): sanitized HTML.
      rejections: action.rejections.map((rejection) => ({ ...rejection, reasonHtml: renderOptionalMarkdown(rejection.reason) })),
    },
    daoName,
    department: where.body?.department ? where.body.slug : null,
    summaryHtml: renderOptionalMarkdown(action.summary),
    descriptionHtml: renderOptionalMarkdown(action.description),
    names: getAddressNames(chainId, known),
  };
}

export default function TrustlessActionPage() {
  // The writes use the wallet; only a signed-in visitor sees them, and has it from the start.
  return <WalletIsland signedInOnly fallback={<TrustlessActionPageContent flows={null} />}>{() => <WithFlows />}</WalletIsland>
}

/** The page's writes, one flow each, kept here so their progress outlives the controls they hide. */
function WithFlows() {
  const { chainId, indexedBlock } = useLoaderData<typeof loader>();
  const target = { chainId, pageBlock: indexedBlock };
  return (
    <DaoPageFlows target={target} fallback={<TrustlessActionPageContent flows={null} />}>
      {([execute, reject]) => <TrustlessActionPageContent flows={{ execute, reject }} />}
    </DaoPageFlows>
  );
}

function TrustlessActionPageContent({ flows }: { flows: { execute: TxFlow; reject: TxFlow } | null }) {
  const {
    chainId,
    now,
    action,
    daoName,
    department,
    summaryHtml,
    descriptionHtml,
    names,
    signedIn,
    contracts,
    writeBody,
    simulation,
  } = useLoaderData<typeof loader>();
  return (
    <DaoDetailPage
      state={action.state}
      title={action.title}
      fallbackTitle={`${kindLabels[action.kind]} #${action.actionId}`}
      badge={<ActionStateBadge state={action.state} />}
      metadataState={action.metadataState}
      metadataError={action.metadataError}
      subject="action"
      facts={
        <>
          <dt>DAO</dt>
          <dd>
            {department ? (
              <Link to={`/dao/departments/${department}`}>{daoName}</Link>
            ) : (
              daoName
            )}
          </dd>
          <dt>Action</dt>
          <dd>
            {kindLabels[action.kind]} #{action.actionId}
          </dd>
          <dt>Creator</dt>
          <dd>
            {action.creator ? (
              <Person address={action.creator} names={names} />
            ) : (
              <span className="muted">the DAO itself</span>
            )}
          </dd>
          <dt>Run by</dt>
          <dd>
            <Person address={action.manager} names={names} />
          </dd>
          <dt>Created</dt>
          <dd>
            <Timestamp at={action.createdAt} now={now} />
            <br />
            <TxLink hash={action.transactionHash} />
          </dd>
          {action.kind === "optimistic" ? (
            <>
              <dt>Executable from</dt>
              <dd>
                {action.executableFrom === null ? (
                  <span className="muted">not indexed yet</span>
                ) : (
                  <>
                    <Timestamp at={action.executableFrom} now={now} />
                    {action.state === "pending" ? (
                      <>
                        <br />
                        <LiveCountdown to={action.executableFrom} now={now} prefix="executable in" done="executable now: reload to execute" />
                      </>
                    ) : null}
                  </>
                )}
              </dd>
            </>
          ) : null}
          <dt>Execution</dt>
          <dd>
            {action.state === "executed" ? (
              <>
                Executed
                {action.executedAt !== null ? (
                  <>
                    {" "}
                    <Timestamp at={action.executedAt} now={now} />
                  </>
                ) : null}
                {action.executor ? (
                  <>
                    {" "}
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
        {summaryHtml !== null ? <Markdown html={summaryHtml} /> : null}
        {descriptionHtml !== null ? <Markdown html={descriptionHtml} /> : null}
        {summaryHtml === null && descriptionHtml === null ? (
          <p className="muted">No description.</p>
        ) : null}
      </section>

      <section aria-labelledby="status-heading" className="dao-section">
        <h2 id="status-heading">Status</h2>
        <p data-testid="action-status">
          <Status action={action} now={now} />
        </p>
        {simulation ? <SimulationNote simulation={simulation} count={action.actions.length} /> : null}
        {contracts && action.state === "ready" && !signedIn ? (
          <p className="small muted">Anyone may execute it: sign in to do so.</p>
        ) : null}
        {contracts && action.state === "ready" && flows ? (
          <ExecuteActionButton contracts={contracts} dao={action.dao as Hex20} actionId={action.actionId} flow={flows.execute} />
        ) : null}
        {flows ? <TxProgress flow={flows.execute} withMetadata={false} /> : null}
        {contracts && writeBody && action.state === "pending" ? (
          flows ? (
            <RejectActionForm contracts={contracts} body={writeBody} actionId={action.actionId} flow={flows.reject} />
          ) : (
            <p className="small muted">Sign in as a member to reject it.</p>
          )
        ) : null}
        {flows ? <TxProgress flow={flows.reject} /> : null}
      </section>

      <section aria-labelledby="actions-heading" className="dao-section">
        <h2 id="actions-heading">Actions</h2>
        <ActionList actions={action.actions} names={names} chainId={chainId} />
      </section>

      {action.kind === "optimistic" ? (
        <section aria-labelledby="rejections-heading" className="dao-section">
          <h2 id="rejections-heading">Rejections</h2>
          {action.rejections.length === 0 ? (
            <p className="muted">No member has rejected this action.</p>
          ) : (
            <ul className="dao-list">
              {action.rejections.map((rejection) => (
                <li key={rejection.transactionHash} className="dao-card">
                  {rejection.reasonHtml !== null ? (
                    <div className="dao-reason">
                      <Markdown html={rejection.reasonHtml} />
                    </div>
                  ) : (
                    <p className="dao-reason muted">
                      {rejection.metadataState === "pending"
                        ? "The reason is still being fetched."
                        : "No reason given (metadata unavailable)."}
                    </p>
                  )}
                  <p className="small muted">
                    Rejected
                    {rejection.rejector ? (
                      <>
                        {" "}
                        by <Person address={rejection.rejector} names={names} />
                      </>
                    ) : null}{" "}
                    <Timestamp at={rejection.rejectedAt} now={now} /> ·{" "}
                    <TxLink hash={rejection.transactionHash} />
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </DaoDetailPage>
  );
}

function Status({
  action,
  now,
}: {
  action: ReturnType<typeof useLoaderData<typeof loader>>["action"];
  now: number;
}) {
  if (action.kind === "pessimistic") {
    return action.state === "executed" ? (
      <>Approved: the DAO executed it, making these calls.</>
    ) : (
      <>
        Waiting for the DAO to approve it: it runs only if the DAO executes it
        by a vote.
      </>
    );
  }
  switch (action.state) {
    case "executed":
      return <>Executed: the DAO made these calls.</>;
    case "rejected":
      return <>Rejected by a member: it can never be executed.</>;
    case "ready":
      return (
        <>
          The objection period is over and nobody rejected it: anyone can
          execute it now.
        </>
      );
    case "pending":
      return action.executableFrom === null ? (
        <>Waiting for its objection period.</>
      ) : (
        <>
          In its objection period: any member can reject it until it becomes
          executable <Timestamp at={action.executableFrom} now={now} />.
        </>
      );
  }
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
