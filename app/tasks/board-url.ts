// The task board's URL without its schema (board-filter.ts): what the board page itself needs in
// the browser to build its links, so its first load does not carry zod and viem.

export const taskStates = ['open', 'taken', 'closed'] as const
export type TaskState = (typeof taskStates)[number]
export const sortOrders = ['newest', 'budget', 'deadline'] as const
export type SortOrder = (typeof sortOrders)[number]

/** The board's search params, in the order its URLs list them (board-filter.ts checks its schema has exactly these). */
export const filterParamNames = ['q', 'state', 'tag', 'token', 'min', 'max', 'after', 'before', 'manager', 'applicant', 'sort', 'cursor'] as const
export type FilterParamName = (typeof filterParamNames)[number]

/** A filter → URL search params, leaving out defaults so URLs stay short and shareable. */
export function boardSearchParams(filter: Partial<Record<FilterParamName, string | undefined>>): URLSearchParams {
  const params = new URLSearchParams()
  for (const name of filterParamNames) {
    const value = filter[name]
    if (value === undefined || value === '' || (name === 'sort' && value === 'newest')) continue
    params.set(name, String(value))
  }
  return params
}
