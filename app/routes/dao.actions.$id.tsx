import { data, redirect, type LoaderFunctionArgs } from '@remix-run/node'
import { ErrorPage } from '~/components/error-page'
import { parseActionId } from '~/dao/ids'

// Before one OptimisticActions served every DAO, an action's URL had no DAO in it: those were the Openmesh DAO's.
export function loader({ params }: LoaderFunctionArgs) {
  const actionId = parseActionId(params.id)
  if (actionId === null) throw data(`"${String(params.id).slice(0, 80)}" is not an action id.`, { status: 404 })
  return redirect(`/dao/actions/openmesh/optimistic/${actionId}`, 301)
}

export function ErrorBoundary() {
  return <ErrorPage />
}
