import { isProposalState, proposalStates, type ProposalState } from './proposal-state'

// The /dao proposal list's filter lives in the URL: ?state=active|passed|failed|executed|pending
// and ?body=<slug> (the voting plugin of the Openmesh DAO or of one department).

export type ProposalFilter = { state: ProposalState | null; body: string | null }

const slugPattern = /^[a-z0-9-]{1,40}$/

export function parseProposalFilter(params: URLSearchParams): { filter: ProposalFilter } | { error: string } {
  const state = params.get('state')
  const body = params.get('body')
  if (body !== null && body !== '' && !slugPattern.test(body)) return { error: `"${body.slice(0, 40)}" is not a DAO of this portal.` }
  const bodyFilter = body === null || body === '' || body === 'all' ? null : body
  if (state === null || state === '' || state === 'all') return { filter: { state: null, body: bodyFilter } }
  if (!isProposalState(state)) return { error: `Unknown proposal state "${state.slice(0, 40)}": use one of ${proposalStates.join(', ')}.` }
  return { filter: { state, body: bodyFilter } }
}

/** The list's URL for a filter, keeping the other half of it. */
export function proposalFilterHref(filter: ProposalFilter): string {
  const params = new URLSearchParams()
  if (filter.state) params.set('state', filter.state)
  if (filter.body) params.set('body', filter.body)
  const query = params.toString()
  return query ? `/dao?${query}` : '/dao'
}
