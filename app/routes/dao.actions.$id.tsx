import { redirect, type LoaderFunctionArgs } from '@remix-run/node'
import { parseActionId } from '~/dao/ids'

// Before one OptimisticActions served every DAO, an action's URL had no DAO in it: those were the Openmesh DAO's.
export function loader({ params }: LoaderFunctionArgs) {
  const actionId = parseActionId(params.id)
  if (actionId === null) throw new Response(`"${String(params.id).slice(0, 80)}" is not an action id.`, { status: 404 })
  return redirect(`/dao/actions/openmesh/optimistic/${actionId}`, 301)
}
