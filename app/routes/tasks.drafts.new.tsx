import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useEffect } from 'react'
import { ErrorPage } from '~/components/error-page'
import { getDb } from '~/db.server'
import { getChainId } from '~/env.server'
import { getIndexerStatus } from '~/models/indexer-status.server'
import { getAddress } from '~/session/auth.server'
import { DraftTaskForm, TASK_WRITES_HANDLE } from '~/tasks/components/actions/lazy'
import { draftDepartment, isDepartmentMember } from '~/tasks/draft-department.server'
import tasksStyles from '~/tasks/tasks.css'
import { formatDay } from '~/utils/time'
import { useWallet, WalletIsland } from '~/wallet/wallet-root'

// /tasks/drafts/new?department=coremember — a member drafts a task their department may create
// by vote. Non-members get a page that says who may draft, not a form the server would refuse.

export const handle = TASK_WRITES_HANDLE

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: tasksStyles }]

export const meta: MetaFunction = () => [{ title: 'Draft a task · Openmesh Portal' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const chainId = getChainId()
  const slug = new URL(request.url).searchParams.get('department')
  const department = draftDepartment(chainId, slug)
  if (!department) throw data(`"${String(slug ?? '').slice(0, 32)}" is not a department that can draft tasks on this chain.`, { status: 404 })
  const viewer = await getAddress(request)
  if (!viewer) throw data(`Sign in with your wallet to draft a task for the ${department.body.name}.`, { status: 401 })
  if (!isDepartmentMember(chainId, department, viewer)) throw data(`Only members of the ${department.body.name} draft its tasks.`, { status: 403 })
  return {
    chainId,
    department: { slug: department.body.slug, name: department.body.name, account: department.body.account as `0x${string}` },
    contracts: department.contracts,
    indexedBlock: getIndexerStatus(getDb(), chainId)?.indexedBlock ?? null,
    defaultDeadline: formatDay(Math.floor(Date.now() / 1000) + 30 * 86_400),
  }
}

export default function NewDraft() {
  const activate = useWallet()?.activate
  useEffect(() => void activate?.({ openMenu: null }), [activate])
  const loaded = useLoaderData<typeof loader>()
  return <WalletIsland fallback={<p className="muted">Loading the wallet…</p>}>{() => <DraftTaskForm {...loaded} />}</WalletIsland>
}

export function ErrorBoundary() {
  return <ErrorPage />
}
