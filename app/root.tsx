import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Links, LiveReload, Meta, Outlet, Scripts, ScrollRestoration, useMatches, useRouteLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import { ErrorPage } from '~/components/error-page'
import { SiteHeader } from '~/components/site-header'
import { getPublicEnv } from '~/env.server'
import { useNonce } from '~/security/nonce'
import { getChainStatus, isStale } from '~/models/chain-status.server'
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
  const [address, status] = await Promise.all([getAddress(request), getChainStatus()])
  return {
    ENV: getPublicEnv(),
    address,
    wagmiCookie: readWagmiCookie(request),
    stale: isStale(status) ? { halted: status.halted, lag: status.lag } : null,
  }
}

export function Layout({ children }: { children: ReactNode }) {
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
            <Page address={data.address} stale={data.stale}>
              {children}
            </Page>
          </WalletRoot>
        ) : (
          <Page address={null} stale={null}>
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

function Page({ address, stale, children }: { address: LoaderData['address']; stale: LoaderData['stale']; children: ReactNode }) {
  return (
    <>
      <SiteHeader address={address} />
      {stale ? (
        <div className="banner banner-warning" role="status">
          {stale.halted
            ? `Chain data is stale: the indexer stopped (${stale.halted}).`
            : 'Chain data may be stale: the indexer is catching up.'}
        </div>
      ) : null}
      <main>{children}</main>
    </>
  )
}

export default function App() {
  return <Outlet />
}

export function ErrorBoundary() {
  return <ErrorPage />
}
