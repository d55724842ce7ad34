import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useEffect } from 'react'
import { getPortalContracts } from '~/chain-writes/portal-contracts.server'
import { ErrorPage } from '~/components/error-page'
import { getDb } from '~/db.server'
import { getChainId } from '~/env.server'
import { getIndexerStatus } from '~/models/indexer-status.server'
import { getAddress } from '~/session/auth.server'
import { Link } from '@remix-run/react'
import { CreateTaskForm, TASK_WRITES_HANDLE } from '~/tasks/components/actions/lazy'
import { draftDepartmentsOf } from '~/tasks/draft-department.server'
import tasksStyles from '~/tasks/tasks.css'
import { formatDay } from '~/utils/time'
import { useWallet, WalletIsland } from '~/wallet/wallet-root'

// Its writes are loaded before hydrating for a signed-in visitor (see lazy.tsx).
export const handle = TASK_WRITES_HANDLE

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: tasksStyles }]

export const meta: MetaFunction = () => [{ title: 'Create a task · Openmesh Portal' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const chainId = getChainId()
  const contracts = getPortalContracts(chainId)
  if (!contracts) throw data('The portal has no Tasks contract on this chain yet, so tasks cannot be created.', { status: 503 })
  const viewer = await getAddress(request)
  return {
    chainId,
    contracts,
    viewer,
    indexedBlock: getIndexerStatus(getDb(), chainId)?.indexedBlock ?? null,
    defaultDeadline: formatDay(Math.floor(Date.now() / 1000) + 30 * 86_400),
    /** The departments the viewer is a member of: they may draft a task the department funds. */
    draftFor: draftDepartmentsOf(chainId, viewer),
  }
}

export default function NewTask() {
  // The form writes to the chain: the wallet loads with the page (at once when signed in).
  const activate = useWallet()?.activate
  useEffect(() => void activate?.({ openMenu: null }), [activate])
  const { draftFor, ...data } = useLoaderData<typeof loader>()
  return (
    <>
      {draftFor.length > 0 ? (
        <p className="notice" role="note">
          Or draft a task your department funds if its vote approves it:{' '}
          {draftFor.map((d, i) => (
            <span key={d.slug}>
              {i > 0 ? ', ' : null}
              <Link to={`/tasks/drafts/new?department=${d.slug}`}>draft for the {d.name}</Link>
            </span>
          ))}
          .
        </p>
      ) : null}
      <WalletIsland fallback={<p className="muted">Loading the wallet…</p>}>{() => <CreateTaskForm {...data} />}</WalletIsland>
    </>
  )
}

export function ErrorBoundary() {
  return <ErrorPage />
}
