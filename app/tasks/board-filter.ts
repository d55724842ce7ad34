import { getAddress, isAddress, parseUnits } from 'viem'
import { z } from 'zod'
import { parseUrlFilter } from '~/utils/url-filter'

// The task board's state lives entirely in the URL: search, filters, sort and cursor. This is
// the one schema that reads it; bad values are a 400 with a sentence, never a silent default.

import { filterParamNames, sortOrders, taskStates, type FilterParamName } from './board-url'

export { boardSearchParams, sortOrders, taskStates, type SortOrder, type TaskState } from './board-url'

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value)
const optional = <T extends z.ZodTypeAny>(schema: T) => z.preprocess(blankToUndefined, schema.optional())

const address = z
  .string()
  .trim()
  .refine((value) => isAddress(value, { strict: false }), 'is not a 0x address')
  .transform((value) => getAddress(value).toLowerCase())

const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'is not a date (YYYY-MM-DD)')
  .refine((value) => Number.isFinite(Date.parse(`${value}T00:00:00Z`)), 'is not a valid date')

const decimal = z.string().trim().regex(/^\d{1,30}(\.\d{1,18})?$/, 'is not an amount like 1.5')

const boardFilterSchema = z.object({
  q: optional(z.string().max(200, 'is longer than 200 characters')),
  state: optional(z.enum(taskStates, { errorMap: () => ({ message: 'must be open, taken or closed' }) })),
  tag: optional(z.string().trim().max(32, 'is longer than 32 characters')),
  /** "native", "open" (the portal's OPEN token) or a token address. */
  token: optional(z.union([z.enum(['native', 'open']), address], { errorMap: () => ({ message: 'must be native, open or a token address' }) })),
  min: optional(decimal),
  max: optional(decimal),
  /** Deadline on or after / on or before these days (UTC). */
  after: optional(date),
  before: optional(date),
  manager: optional(address),
  applicant: optional(address),
  sort: z.preprocess(
    blankToUndefined,
    z.enum(sortOrders, { errorMap: () => ({ message: 'must be newest, budget or deadline' }) }).default('newest'),
  ),
  cursor: optional(z.string().max(300).regex(/^[A-Za-z0-9_-]+$/, 'is not a cursor from this board')),
})
export type BoardFilter = z.infer<typeof boardFilterSchema>

// The schema reads exactly the params the board's links write (board-url.ts): a type error here otherwise.
const sameParams: [Exclude<FilterParamName, keyof BoardFilter>, Exclude<keyof BoardFilter, FilterParamName>] extends [never, never] ? true : never = true
void sameParams

/** URL search params → a filter, or the first problem as "state must be open, taken or closed". */
export function parseBoardFilter(params: URLSearchParams): { filter: BoardFilter } | { error: string } {
  return parseUrlFilter(params, filterParamNames, boardFilterSchema)
}

/** A decimal amount typed in the filter → base units; amounts with too many decimals for the token are cut, not refused. */
export function filterAmount(value: string | undefined, decimals: number): bigint | undefined {
  if (value === undefined) return undefined
  const [whole = '0', fraction = ''] = value.split('.')
  return parseUnits(`${whole}.${fraction.slice(0, decimals) || '0'}`, decimals)
}

/** Unix seconds of the start (after) or end (before) of a UTC day. */
export function dayBound(value: string | undefined, edge: 'start' | 'end'): number | undefined {
  if (value === undefined) return undefined
  return Math.floor(Date.parse(`${value}T${edge === 'start' ? '00:00:00' : '23:59:59'}Z`) / 1000)
}
