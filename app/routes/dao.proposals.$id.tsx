import { data, redirect, type LoaderFunctionArgs } from '@remix-run/node'
import { ErrorPage } from '~/components/error-page'
import { parseProposalId } from '~/dao/ids'

// Before departments voted too, a proposal's URL had no DAO in it: those were the Openmesh DAO's.
export function loader({ params }: LoaderFunctionArgs) {
  const proposalId = parseProposalId(params.id)
  if (proposalId === null) throw data(`"${String(params.id).slice(0, 80)}" is not a proposal id.`, { status: 404 })
  return redirect(`/dao/proposals/openmesh/${proposalId}`, 301)
}

export function ErrorBoundary() {
  return <ErrorPage />
}
