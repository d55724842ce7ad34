import { isProposalState, proposalStates, type ProposalState } from './proposal-state'

// The /dao proposal list's filter lives in the URL: ?state=active|passed|failed|executed|pending,
// ?body=<slug> (the voting plugin of the Openmesh DAO or of one department) and ?page=N.

export type ProposalFilter = { state: ProposalState | null; body: string | null; page: number }

const slugPattern = /^[a-z0-9-]{1,40}$/

export function parseProposalFilter(params: URLSearchParams): { filter: ProposalFilter } | { error: string } {
  const rawPage = params.get('page')
  const page = rawPage === null || rawPage === '' ? 1 : /^[1-9][0-9]{0,5}$/.test(rawPage) ? Number(rawPage) : null
  if (page === null) return { error: `"${rawPage!.slice(0, 40)}" is not a page number.` }
  const body = params.get('body')
  if (body !== null && body !== '' && !slugPattern.test(body)) return { error: `"${body.slice(0, 40)}" is not a DAO of this portal.` }
  const bodyFilter = body === null || body === '' || body === 'all' ? null : body
  const state = params.get('state')
  if (state === null || state === '' || state === 'all') return { filter: { state: null, body: bodyFilter, page } }
  if (!isProposalState(state)) return { error: `Unknown proposal state "${state.slice(0, 40)}": use one of ${proposalStates.join(', ')}.` }
  return { filter: { state, body: bodyFilter, page } }
}

/** The list's URL for a filter, keeping the other parts of it (the first page and "all" are left out). */
export function proposalListHref(filter: ProposalFilter): string {
  const params = new URLSearchParams()
  if (filter.state) params.set('state', filter.state)
  if (filter.body) params.set('body', filter.body)
  if (filter.page > 1) params.set('page', String(filter.page))
  const query = params.toString()
  return query ? `/dao?${query}` : '/dao'
}
