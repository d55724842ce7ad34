import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { ErrorPage } from '~/components/error-page'
import { WalletIsland } from '~/wallet/wallet-root'
import { NewGovernanceForm, TASK_WRITES_HANDLE } from '~/tasks/components/actions/lazy'
import { getKnownContracts } from '~/dao/contracts.server'
import { getAddressNames } from '~/dao/names.server'
import { getFormChoices } from '~/models/dao-form-choices.server'
import { getDaoContracts } from '~/dao/writes/dao-contracts.server'
import { getDb } from '~/db.server'
import { getChainId } from '~/env.server'
import { getChainNow } from '~/models/chain-time.server'
import { getIndexerStatus } from '~/models/indexer-status.server'
import { getAddress } from '~/session/auth.server'

// /dao/new?body=<slug>&kind=proposal|action — a new proposal on a body's voting plugin, or a new
// optimistic action of a body (the Openmesh DAO adds contributors; departments make Tasks calls).

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  { title: `${loaded?.purpose === 'action' ? 'New optimistic action' : 'New proposal'} · DAO · Openmesh Portal` },
]

// A signed-in visitor's page has its writes' code before it hydrates (root.tsx, entry.client.tsx).
export const handle = TASK_WRITES_HANDLE

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url)
  const purpose = url.searchParams.get('kind') === 'action' ? ('action' as const) : ('proposal' as const)
  const chainId = getChainId()
  const contracts = getDaoContracts(chainId)
  if (!contracts) throw data('No DAO is deployed on this chain.', { status: 404 })
  const usable = contracts.bodies.filter((b) => (purpose === 'proposal' ? b.plugin !== null : contracts.optimisticActions !== null))
  const slug = url.searchParams.get('body') ?? usable[0]?.slug
  const body = usable.find((b) => b.slug === slug)
  if (!body) throw data(`"${String(slug).slice(0, 40)}" is not a DAO you can ${purpose === 'proposal' ? 'propose to' : 'act for'} here.`, { status: 404 })
  const db = getDb()
  const known = getKnownContracts(chainId)
  const names = getAddressNames(chainId, known)
  // Prefilled from a link (a membership request's "Propose adding them"): bounded, and still checked by the form.
  const prefill = {
    title: (url.searchParams.get('title') ?? '').slice(0, 120),
    to: /^0x[0-9a-fA-F]{40}$/.test(url.searchParams.get('to') ?? '') ? url.searchParams.get('to')! : '',
  }
  return {
    chainId,
    prefill,
    purpose,
    body,
    bodies: usable.map((b) => ({ slug: b.slug, name: b.name })),
    contracts,
    signedIn: (await getAddress(request)) !== null,
    indexedBlock: getIndexerStatus(db, chainId)?.indexedBlock ?? null,
    choices: getFormChoices(db, { chainId, now: getChainNow(db, chainId), known, contracts, names }),
  }
}

export default function NewGovernancePage() {
  // The writes use the wallet; only a signed-in visitor sees them, and has it from the start.
  return <WalletIsland signedInOnly fallback={<NewGovernancePageContent />}>{() => <NewGovernancePageContent />}</WalletIsland>
}

function NewGovernancePageContent() {
  const { chainId, prefill, purpose, body, bodies, contracts, signedIn, indexedBlock, choices } = useLoaderData<typeof loader>()
  return (
    <div className="dao-page">
      <p className="small">
        <Link to="/dao">← DAO</Link>
      </p>
      <h1>{purpose === 'proposal' ? 'New proposal' : 'New optimistic action'}</h1>
      <nav aria-label="Kind" className="dao-tabs">
        <Link to={`/dao/new?kind=proposal&body=${body.slug}`} aria-current={purpose === 'proposal' ? 'page' : undefined}>
          Proposal (a vote)
        </Link>
        <Link to={`/dao/new?kind=action&body=${body.slug}`} aria-current={purpose === 'action' ? 'page' : undefined}>
          Optimistic action (runs unless rejected)
        </Link>
      </nav>
      <nav aria-label="Governing body" className="dao-tabs">
        {bodies.map((b) => (
          <Link key={b.slug} to={`/dao/new?kind=${purpose}&body=${b.slug}`} aria-current={b.slug === body.slug ? 'page' : undefined}>
            {b.name}
          </Link>
        ))}
      </nav>
      <p className="dao-lead">
        {purpose === 'proposal'
          ? body.tag
            ? `Members of the ${body.name} vote on it, one vote each; the department’s smart account makes its calls.`
            : 'OVC holders vote on it with their delegated voting power; the Openmesh DAO makes its calls.'
          : body.tag
            ? `Any member of the ${body.name} may create it; its calls to OpenR&D Tasks run after the waiting period unless a member rejects it.`
            : 'Any OVC holder may create it; it adds a contributor after the waiting period unless a member rejects it.'}
      </p>
      {signedIn ? (
        <NewGovernanceForm key={`${purpose}-${body.slug}`} contracts={contracts} body={body} purpose={purpose} target={{ chainId, pageBlock: indexedBlock }} choices={choices} prefill={prefill} />
      ) : (
        <p className="muted">Sign in with your wallet to create one.</p>
      )}
    </div>
  )
}

export function ErrorBoundary() {
  return <ErrorPage />
}
