import { redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { ErrorPage } from '~/components/error-page'
import { safeRedirect } from '~/http/safe-redirect'
import { getAddress } from '~/session/auth.server'
import { SignInArea } from '~/wallet/sign-in-area'

export const meta: MetaFunction = () => [{ title: 'Sign in · Openmesh Portal' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const requested = safeRedirect(new URL(request.url).searchParams.get('redirectTo'))
  const redirectTo = /^\/sign-in(?:[/?#]|$)/.test(requested) ? '/' : requested
  // Signed in (now, or by the panel below: its success re-runs this loader): go back.
  if (await getAddress(request)) throw redirect(redirectTo)
  return { redirectTo }
}

export default function SignIn() {
  const { redirectTo } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>Sign in</h1>
      <p className="muted">
        {redirectTo === '/' ? 'Sign in with your wallet to take part.' : 'Sign in with your wallet to continue to that page.'}
      </p>
      <SignInArea />
    </>
  )
}

export function ErrorBoundary() {
  return <ErrorPage />
}
