import { isProposalState, proposalStates, type ProposalState } from './proposal-state'

// The /dao proposal list's filter lives in the URL: ?state=active|passed|failed|executed|pending&page=N.

export type ProposalFilter = { state: ProposalState | null; page: number }

export function parseProposalFilter(params: URLSearchParams): { filter: ProposalFilter } | { error: string } {
  const rawPage = params.get('page')
  const page = rawPage === null || rawPage === '' ? 1 : /^[1-9][0-9]{0,5}$/.test(rawPage) ? Number(rawPage) : null
  if (page === null) return { error: `"${rawPage!.slice(0, 40)}" is not a page number.` }
  const state = params.get('state')
  if (state === null || state === '' || state === 'all') return { filter: { state: null, page } }
  if (!isProposalState(state)) return { error: `Unknown proposal state "${state.slice(0, 40)}": use one of ${proposalStates.join(', ')}.` }
  return { filter: { state, page } }
}

/** The list's URL for a filter (the first page and "all" are left out). */
export function proposalListHref(filter: ProposalFilter): string {
  const params = new URLSearchParams()
  if (filter.state) params.set('state', filter.state)
  if (filter.page > 1) params.set('page', String(filter.page))
  const query = params.toString()
  return query ? `/dao?${query}` : '/dao'
}
