import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Links, LiveReload, Meta, Outlet, Scripts, ScrollRestoration, useMatches, useRouteLoaderData } from '@remix-run/react'
import { useEffect, type ReactNode } from 'react'
import { ErrorPage } from '~/components/error-page'
import { SiteHeader } from '~/components/site-header'
import { getDb } from '~/db.server'
import { getChainId, getPublicEnv } from '~/env.server'
import { getChainNow } from '~/models/chain-time.server'
import { useNonce } from '~/security/nonce'
import { getChainStatus, staleReason } from '~/models/chain-status.server'
import { countUnread } from '~/models/inbox.server'
import { warmUsdPrices } from '~/models/usd-prices.server'
import { getAddress } from '~/session/auth.server'
import stylesheet from '~/styles/app.css'
import { readWagmiCookie } from '~/wallet/wagmi-cookie.server'
import { WalletRoot } from '~/wallet/wallet-root'
import walletStylesheet from '~/wallet/wallet.css'

export const links: LinksFunction = () => [
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
  { rel: 'stylesheet', href: stylesheet },
  { rel: 'stylesheet', href: walletStylesheet },
]

export const meta: MetaFunction = () => [
  { title: 'Openmesh Portal' },
  { name: 'description', content: 'Learn, contribute and govern in the Openmesh community.' },
]

export async function loader({ request }: LoaderFunctionArgs) {
  const address = await getAddress(request)
  const status = getChainStatus()
  warmUsdPrices(status.chainId)
  const reason = staleReason(status)
  return {
    ENV: getPublicEnv(),
    address,
    wagmiCookie: readWagmiCookie(request),
    stale: reason ? { reason, halted: status.halted, indexedBlock: status.indexedBlock } : null,
    unread: address ? unreadInbox(address) : null,
  }
}

/** The header's count of the signed-in person's unread inbox items. */
function unreadInbox(address: string): number {
  const db = getDb()
  const chainId = getChainId()
  return countUnread(db, { chainId, address, now: getChainNow(db, chainId) })
}

export function Layout({ children }: { children: ReactNode }) {
  // Marks the page interactive (error pages too): a click before hydration is a native form post
  // (or nothing), so tests that drive client-side forms wait for this before they type and click.
  useEffect(() => {
    document.documentElement.dataset.hydrated = 'true'
  }, [])
  const data = useRouteLoaderData<typeof loader>('root')
  const nonce = useNonce()
  // A signed-in visitor's page loads the wallet (and a task page its writes) before hydrating (entry.client.tsx).
  const signedIn = Boolean(data?.address)
  const matches = useMatches()
  const taskWrites = signedIn && matches.some((match) => (match.handle as { taskWrites?: boolean } | undefined)?.taskWrites)
  return (
    <html lang="en" data-wallet={signedIn ? 'eager' : 'lazy'} data-task-writes={taskWrites ? 'eager' : 'lazy'}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {data?.ENV ? (
          <WalletRoot env={data.ENV} wagmiCookie={data.wagmiCookie} signedIn={data.address !== null}>
            <Page address={data.address} stale={data.stale} unread={data.unread}>
              {children}
            </Page>
          </WalletRoot>
        ) : (
          <Page address={null} stale={null} unread={null}>
            {children}
          </Page>
        )}
        <ScrollRestoration nonce={nonce} />
        {/* Public configuration only; JSON is escaped so no value can close the script tag. */}
        <script
          nonce={nonce}
          suppressHydrationWarning
          dangerouslySetInnerHTML={{
            __html: `window.ENV = ${JSON.stringify(data?.ENV ?? {}).replace(/</g, '\\u003c')}`,
          }}
        />
        <Scripts nonce={nonce} />
        <LiveReload nonce={nonce} />
      </body>
    </html>
  )
}

type LoaderData = Awaited<ReturnType<typeof loader>>

function Page({ address, stale, unread, children }: { address: LoaderData['address']; stale: LoaderData['stale']; unread: number | null; children: ReactNode }) {
  return (
    <>
      {/* The first thing a keyboard reaches: straight past the header to the page's content. */}
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <SiteHeader address={address} unread={unread} />
      {stale ? (
        <div className="banner banner-warning" role="status">
          <StaleNotice stale={stale} />
        </div>
      ) : null}
      {/* tabIndex -1: the skip link moves focus here, so the next Tab starts inside the content. */}
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  )
}

function StaleNotice({ stale }: { stale: NonNullable<LoaderData['stale']> }) {
  if (stale.reason === 'halted') return <>Chain data is stale: the indexer stopped ({stale.halted}).</>
  if (stale.reason === 'behind') return <>Chain data may be stale: the indexer is catching up.</>
  return (
    <>
      Chain data may be stale: the chain’s RPC is not answering, so pages show what was indexed
      {stale.indexedBlock !== null ? ` up to block ${stale.indexedBlock}` : ' so far'}.
    </>
  )
}

export default function App() {
  return <Outlet />
}

export function ErrorBoundary() {
  return <ErrorPage />
}
