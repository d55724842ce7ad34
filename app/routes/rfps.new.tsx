import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useEffect } from 'react'
import { getPortalContracts } from '~/chain-writes/portal-contracts.server'
import { ErrorPage } from '~/components/error-page'
import { getDb } from '~/db.server'
import { getChainId } from '~/env.server'
import { getIndexerStatus } from '~/models/indexer-status.server'
import { getKnownTokens } from '~/models/known-tokens.server'
import { getAddress } from '~/session/auth.server'
import { CreateRfpForm, TASK_WRITES_HANDLE } from '~/tasks/components/actions/lazy'
import tasksStyles from '~/tasks/tasks.css'
import { formatDay } from '~/utils/time'
import { nativeToken, tokenInfo } from '~/utils/tokens'
import { useWallet, WalletIsland } from '~/wallet/wallet-root'

// Create an RFP. Its writes are loaded before hydrating for a signed-in visitor (see lazy.tsx).
export const handle = TASK_WRITES_HANDLE

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: tasksStyles }]

export const meta: MetaFunction = () => [{ title: 'Create an RFP · Openmesh Portal' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const chainId = getChainId()
  const contracts = getPortalContracts(chainId)
  if (!contracts?.rfps) throw data('The portal has no RFPs contract on this chain, so RFPs cannot be created.', { status: 503 })
  const db = getDb()
  const known = getKnownTokens(db, chainId)
  // The tokens the portal can name (OPEN, and every budget token the indexer read cleanly), offered as suggestions.
  const addresses = [...new Set([...(known.openToken ? [known.openToken.toLowerCase()] : []), ...Object.keys(known.tokens ?? {})])]
  const tokenOptions = addresses.map((address) => tokenInfo(address, known)).filter((t) => t.known && t.address !== null).map((t) => ({ address: t.address!, symbol: t.symbol }))
  return {
    chainId,
    contracts: { ...contracts, rfps: contracts.rfps },
    viewer: await getAddress(request),
    indexedBlock: getIndexerStatus(db, chainId)?.indexedBlock ?? null,
    defaultDeadline: formatDay(Math.floor(Date.now() / 1000) + 30 * 86_400),
    nativeSymbol: nativeToken(chainId).symbol,
    tokenOptions,
  }
}

export default function NewRfp() {
  // The form writes to the chain: the wallet loads with the page (at once when signed in).
  const activate = useWallet()?.activate
  useEffect(() => void activate?.({ openMenu: null }), [activate])
  const loaded = useLoaderData<typeof loader>()
  return <WalletIsland fallback={<p className="muted">Loading the wallet…</p>}>{() => <CreateRfpForm {...loaded} />}</WalletIsland>
}

export function ErrorBoundary() {
  return <ErrorPage />
}
