import { isProposalState, proposalStates, type ProposalState } from './proposal-state'

// The /dao proposal list's filter lives in the URL: ?state=active|passed|failed|executed|pending.

export type ProposalFilter = { state: ProposalState | null }

export function parseProposalFilter(params: URLSearchParams): { filter: ProposalFilter } | { error: string } {
  const state = params.get('state')
  if (state === null || state === '' || state === 'all') return { filter: { state: null } }
  if (!isProposalState(state)) return { error: `Unknown proposal state "${state.slice(0, 40)}": use one of ${proposalStates.join(', ')}.` }
  return { filter: { state } }
}
