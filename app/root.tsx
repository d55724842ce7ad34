import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import { ErrorPage } from '~/components/error-page'
import { SiteHeader } from '~/components/site-header'
import { getPublicEnv } from '~/env.server'
import { getChainStatus, isStale } from '~/models/chain-status.server'
import { getAddress } from '~/session/auth.server'
import stylesheet from '~/styles/app.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: stylesheet }]

export const meta: MetaFunction = () => [
  { title: 'Openmesh Portal' },
  { name: 'description', content: 'Learn, contribute and govern in the Openmesh community.' },
]

export async function loader({ request }: LoaderFunctionArgs) {
  const [address, status] = await Promise.all([getAddress(request), getChainStatus()])
  return {
    ENV: getPublicEnv(),
    address,
    stale: isStale(status) ? { halted: status.halted, lag: status.lag } : null,
  }
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>('root')
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <SiteHeader address={data?.address ?? null} />
        {data?.stale ? (
          <div className="banner banner-warning" role="status">
            {data.stale.halted
              ? `Chain data is stale: the indexer stopped (${data.stale.halted}).`
              : 'Chain data may be stale: the indexer is catching up.'}
          </div>
        ) : null}
        <main>{children}</main>
        <ScrollRestoration />
        {/* Public configuration only; JSON is escaped so no value can close the script tag. */}
        <script
          dangerouslySetInnerHTML={{
            __html: `window.ENV = ${JSON.stringify(data?.ENV ?? {}).replace(/</g, '\\u003c')}`,
          }}
        />
        <Scripts />
      </body>
    </html>
  )
}

export default function App() {
  return <Outlet />
}

export function ErrorBoundary() {
  return <ErrorPage />
}
