import type { Db } from '#db/client'
import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { ErrorPage } from '~/components/error-page'
import { WalletIsland } from '~/wallet/wallet-root'
import { ExternalLinks } from '~/components/external-link'
import { Markdown } from '~/components/markdown'
import { TxLink } from '~/components/tx-link'
import { Timestamp } from '~/components/when'
import { getChainNow } from '~/models/chain-time.server'
import { displayNamesIn } from '~/models/display-names.server'
import { cachedRead } from '~/models/read-cache.server'
import { ActionList } from '~/dao/components/action-list'
import { DaoDetailPage } from '~/dao/components/detail-page'
import { Person } from '~/dao/components/person'
import { ProposalResult } from '~/dao/components/proposal-result'
import { ProposalStateBadge } from '~/dao/components/state-badges'
import { getKnownContracts } from '~/dao/contracts.server'
import { formatVotes } from '~/dao/format'
import { parseProposalId } from '~/dao/ids'
import { resolveBodySegment, type GoverningBody } from '~/dao/bodies'
import { getGoverningBodies } from '~/dao/bodies.server'
import { getAddressNames } from '~/dao/names.server'
import { getDb } from '~/db.server'
import { getChainId } from '~/env.server'
import { getProposal } from '~/models/proposals.server'
import { renderOptionalMarkdown } from '~/utils/markdown.server'
import { isSafeLinkUrl } from '~/utils/safe-url'
import { getIndexerStatus } from '~/models/indexer-status.server'
import { getAddress } from '~/session/auth.server'
import { TxProgress } from '~/chain-writes/tx-progress'
import type { TxFlow } from '~/chain-writes/use-tx-flow'
import { DaoPageFlows, ExecuteProposalButton, TASK_WRITES_HANDLE, VotePanel } from '~/tasks/components/actions/lazy'
import { verifiedVoteReasons } from '~/models/dao-vote-reasons.server'
import { getDaoContracts } from '~/dao/writes/dao-contracts.server'
import { SimulationNote } from '~/dao/components/simulation-note'
import { LiveCountdown } from '~/dao/components/live-countdown'
import { simulateFromDao } from '~/dao/simulate-actions.server'

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  {
    title: loaded
      ? `${loaded.proposal.title ?? `Proposal #${loaded.proposal.proposalId}`} · ${loaded.body?.name ?? 'DAO'} · Openmesh Portal`
      : 'Proposal not found · Openmesh Portal',
  },
]

// A signed-in visitor's page has its writes' code before it hydrates (root.tsx, entry.client.tsx).
export const handle = TASK_WRITES_HANDLE

export async function loader({ params, request }: LoaderFunctionArgs) {
  const proposalId = parseProposalId(params.id)
  if (proposalId === null) throw data(`"${String(params.id).slice(0, 80)}" is not a proposal id.`, { status: 404 })
  const chainId = getChainId()
  const bodies = getGoverningBodies(chainId)
  const where = resolveBodySegment(bodies, params.body)
  const plugin = where?.body ? where.body.plugin : where?.address
  if (!where || !plugin) throw data(`"${String(params.body).slice(0, 80)}" is not a DAO that votes on this chain.`, { status: 404 })
  const db = getDb()
  // The same for every visitor until the database changes (the rendered markdown included).
  // Chain time is part of the key: it moves with the wall clock on an idle chain (and decides the state).
  const now = getChainNow(db, chainId)
  const page = cachedRead(db, 'proposal', { chainId, plugin, proposalId, now }, () => readProposalPage(db, chainId, plugin, proposalId, where.body, now))
  const { proposal } = page
  // The visitor's own part, and what needs the chain or a signature check, after the shared read.
  const viewer = (await getAddress(request))?.toLowerCase() ?? null
  const reasons = await verifiedVoteReasons(db, { chainId, plugin: proposal.plugin, proposalId, votes: proposal.votes })
  const writeBody = getDaoContracts(chainId)?.bodies.find((b) => b.plugin === proposal.plugin) ?? null
  const executable = writeBody !== null && (proposal.outcome.state === 'passed' || proposal.outcome.executableEarly)
  // Before an execute: the calls as the DAO (the Aragon DAO executes them) would make them now.
  const simulation = executable && where.body?.dao ? await simulateFromDao(where.body.dao, proposal.actions) : null
  return {
    ...page,
    viewer,
    myVote: viewer ? (proposal.votes.find((v) => v.voter === viewer) ?? null) : null,
    reasons,
    writeBody,
    executable,
    simulation,
  }
}

function readProposalPage(db: Db, chainId: number, plugin: string, proposalId: string, body: GoverningBody | null, now: number) {
  const known = getKnownContracts(chainId)
  const proposal = getProposal(db, { chainId, plugin, proposalId, now, known })
  const bodyLabel = body?.name ?? plugin
  if (!proposal) throw data(`There is no proposal #${proposalId} of the ${bodyLabel} on chain ${chainId}.`, { status: 404 })
  return {
    chainId,
    now,
    indexedBlock: getIndexerStatus(db, chainId)?.indexedBlock ?? null,
    proposal,
    body: body ? { name: body.name, slug: body.slug, department: body.department !== null } : null,
    summaryHtml: renderOptionalMarkdown(proposal.summary),
    descriptionHtml: renderOptionalMarkdown(proposal.description),
    resources: proposal.resources.map((link) => ({ name: link.name, url: isSafeLinkUrl(link.url) ? link.url : null })),
    names: getAddressNames(chainId, known),
    // Profile and ENS names win over the labels above, as on every page (app/components/person-name.tsx).
    displayNames: displayNamesIn(db, chainId, proposal),
  }
}

const optionLabels = { none: 'None', yes: 'Yes', no: 'No', abstain: 'Abstain' } as const

export default function ProposalPage() {
  // The writes use the wallet; only a signed-in visitor sees them, and has it from the start.
  return <WalletIsland signedInOnly fallback={<ProposalPageContent flows={null} />}>{() => <WithFlows />}</WalletIsland>
}

/** The page's writes, one flow each, kept here so their progress outlives the buttons they hide. */
function WithFlows() {
  const { chainId, indexedBlock } = useLoaderData<typeof loader>()
  const target = { chainId, pageBlock: indexedBlock }
  return (
    <DaoPageFlows target={target} fallback={<ProposalPageContent flows={null} />}>
      {([vote, execute]) => <ProposalPageContent flows={{ vote, execute }} />}
    </DaoPageFlows>
  )
}

function ProposalPageContent({ flows }: { flows: { vote: TxFlow; execute: TxFlow } | null }) {
  const { chainId, now, viewer, myVote, reasons, writeBody, executable, simulation, proposal, body, summaryHtml, descriptionHtml, resources, names } =
    useLoaderData<typeof loader>()
  const state = proposal.outcome.state
  return (
    <DaoDetailPage
      state={state}
      title={proposal.title}
      fallbackTitle={`Proposal #${proposal.proposalId}`}
      badge={<ProposalStateBadge state={state} />}
      metadataState={proposal.metadataState}
      metadataError={proposal.metadataError}
      subject="proposal"
      facts={
        <>
          <dt>Proposal</dt>
          <dd>#{proposal.proposalId}</dd>
          <dt>Voted by</dt>
          <dd>
            {body ? body.department ? <Link to={`/dao/departments/${body.slug}`}>{body.name}</Link> : body.name : <Person address={proposal.plugin} names={names} />}
            {body?.department ? <span className="muted"> (one vote per member)</span> : null}
          </dd>
          <dt>Creator</dt>
          <dd>
            <Person address={proposal.creator} names={names} />
          </dd>
          <dt>Created</dt>
          <dd>
            <Timestamp at={proposal.createdAt} now={now} />
            <br />
            <TxLink hash={proposal.transactionHash} />
          </dd>
          <dt>Voting starts</dt>
          <dd>
            <Timestamp at={proposal.startDate} now={now} />
          </dd>
          <dt>Voting ends</dt>
          <dd>
            <Timestamp at={proposal.endDate} now={now} />
            {state === 'active' ? (
              <>
                <br />
                <LiveCountdown to={proposal.endDate} now={now} prefix="closes in" done="voting has closed: reload for the result" />
              </>
            ) : null}
          </dd>
          <dt>Snapshot</dt>
          <dd>{proposal.snapshotBlock === null ? <span className="muted">not read</span> : `block ${proposal.snapshotBlock}`}</dd>
          <dt>Execution</dt>
          <dd data-testid="execution">
            <Execution proposal={proposal} now={now} />
          </dd>
        </>
      }
    >
      <section aria-labelledby="summary-heading" className="dao-section">
        <h2 id="summary-heading">Summary</h2>
        {summaryHtml !== null ? <Markdown html={summaryHtml} /> : <p className="muted">No summary.</p>}
        {descriptionHtml !== null ? <Markdown html={descriptionHtml} /> : null}
        <ExternalLinks title="Resources" links={resources} />
      </section>

      <section aria-labelledby="result-heading" className="dao-section">
        <h2 id="result-heading">Result</h2>
        <ProposalResult proposal={proposal} />
        {simulation ? <SimulationNote simulation={simulation} count={proposal.actions.length} /> : null}
        {executable && !viewer ? <p className="small muted">Anyone may execute it: sign in to do so.</p> : null}
        {executable && flows ? (
          <ExecuteProposalButton flow={flows.execute} body={writeBody!} proposalId={proposal.proposalId} />
        ) : null}
        {flows ? <TxProgress flow={flows.execute} withMetadata={false} /> : null}
      </section>

      <section aria-labelledby="my-vote-heading" className="dao-section">
        <h2 id="my-vote-heading">Your vote</h2>
        {myVote ? (
          <p data-testid="my-vote">
            You voted <strong>{optionLabels[myVote.option]}</strong> with {formatVotes(myVote.votingPower)}
            {reasons[myVote.voter] ? <>, because: “{reasons[myVote.voter]!.reason}”</> : null}.
          </p>
        ) : !viewer ? (
          <p className="muted">Sign in to vote.</p>
        ) : state !== 'active' ? (
          <p className="muted">You did not vote{state === 'pending' ? ' yet: voting has not started' : ', and voting is closed'}.</p>
        ) : writeBody ? (
          <>
            <p className="small muted">
              {body?.department
                ? 'Every member of the department has one vote.'
                : `Your votes count with the voting power you had when the proposal was created${proposal.snapshotBlock !== null ? ` (block ${proposal.snapshotBlock})` : ''}: power activated or delegated later counts from the next proposal.`}
            </p>
            {flows ? <VotePanel body={writeBody} proposalId={proposal.proposalId} chainId={chainId} flow={flows.vote} /> : null}
          </>
        ) : null}
        {flows ? <TxProgress flow={flows.vote} withMetadata={false} /> : null}
      </section>

      <section aria-labelledby="actions-heading" className="dao-section">
        <h2 id="actions-heading">Actions</h2>
        <ActionList actions={proposal.actions} names={names} chainId={chainId} />
      </section>

      <section aria-labelledby="votes-heading" className="dao-section" data-plugin={proposal.plugin}>
        <h2 id="votes-heading">Votes</h2>
        {proposal.votes.length === 0 ? (
          <p className="muted">Nobody has voted yet.</p>
        ) : (
          <table className="dao-table">
            <thead>
              <tr>
                <th scope="col">Voter</th>
                <th scope="col">Vote</th>
                <th scope="col">Power</th>
                <th scope="col">Reason</th>
                <th scope="col">When</th>
              </tr>
            </thead>
            <tbody>
              {proposal.votes.map((vote) => (
                <tr key={vote.voter} data-option={vote.option}>
                  <td>
                    <Person address={vote.voter} names={names} />
                  </td>
                  <td>
                    <span className={`dao-vote dao-vote-${vote.option}`}>{optionLabels[vote.option]}</span>
                  </td>
                  <td className="dao-nowrap">{formatVotes(vote.votingPower)}</td>
                  <td data-testid="vote-reason">
                    {reasons[vote.voter] ? (
                      <>
                        <span className="dao-reason">{reasons[vote.voter]!.reason}</span>{' '}
                        <a className="small" href={`/ipfs/${reasons[vote.voter]!.cid}`} title="The statement the voter signed (EIP-712)">
                          signed
                        </a>
                      </>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                  <td className="small">
                    <Timestamp at={vote.votedAt} now={now} />
                    <br />
                    <TxLink hash={vote.transactionHash} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </DaoDetailPage>
  )
}

function Execution({ proposal, now }: { proposal: ReturnType<typeof useLoaderData<typeof loader>>['proposal']; now: number }) {
  const { state, executableEarly } = proposal.outcome
  if (state === 'executed') {
    return (
      <>
        Executed{proposal.executedAt !== null ? <> <Timestamp at={proposal.executedAt} now={now} /></> : null}
        {proposal.executionTransactionHash ? (
          <>
            <br />
            <TxLink hash={proposal.executionTransactionHash} />
          </>
        ) : null}
      </>
    )
  }
  if (state === 'passed') return <>Not executed yet: it passed, so anyone can execute it.</>
  if (state === 'failed') return <>Not executed: it failed and can never be executed.</>
  if (state === 'pending') return <>Voting has not started.</>
  return executableEarly ? <>Voting is open, but the outcome is decided: it can already be executed.</> : <>Voting is open.</>
}

export function ErrorBoundary() {
  return <ErrorPage />
}
