import { getAddress, isAddress } from 'viem'
import { z } from 'zod'
import { parseUrlFilter } from '~/utils/url-filter'

// The RFP board's search and filters, all in the URL like the task board's (app/tasks/board-filter.ts):
// one schema reads them, and a bad value is a 400 with a sentence, never a silent default. RFPs
// are few, so the filtering runs over the loaded list.

export const rfpStates = ['open', 'closed', 'emptied'] as const
export type RfpState = (typeof rfpStates)[number]

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value)
const optional = <T extends z.ZodTypeAny>(schema: T) => z.preprocess(blankToUndefined, schema.optional())
const address = z
  .string()
  .trim()
  .refine((value) => isAddress(value, { strict: false }), 'is not a 0x address')
  .transform((value) => getAddress(value).toLowerCase())

const rfpFilterSchema = z.object({
  q: optional(z.string().trim().max(200, 'is longer than 200 characters')),
  state: optional(z.enum(rfpStates, { errorMap: () => ({ message: 'must be open, closed or emptied' }) })),
  tag: optional(z.string().trim().max(32, 'is longer than 32 characters')),
  /** "native" or a budget token's address. */
  token: optional(z.union([z.literal('native'), address], { errorMap: () => ({ message: 'must be native or a token address' }) })),
  manager: optional(address),
})
export type RfpFilter = z.infer<typeof rfpFilterSchema>
const paramNames = ['q', 'state', 'tag', 'token', 'manager'] as const

export function parseRfpFilter(params: URLSearchParams): { filter: RfpFilter } | { error: string } {
  return parseUrlFilter(params, paramNames, rfpFilterSchema)
}

type Filterable = {
  title: string | null
  tags: string[]
  manager: string
  deadline: number
  emptied: boolean
  nativeBudget: string
  budget: { tokenContract: string }[]
}

/** Open: taking projects; closed: past its deadline; emptied: what was left went back. */
export function rfpState(rfp: Pick<Filterable, 'emptied' | 'deadline'>, now: number): RfpState {
  return rfp.emptied ? 'emptied' : rfp.deadline > now ? 'open' : 'closed'
}

export function filterRfps<T extends Filterable>(rfps: T[], filter: RfpFilter, now: number): T[] {
  const words = (filter.q ?? '').toLowerCase().split(/\s+/).filter(Boolean)
  return rfps.filter((rfp) => {
    if (filter.state && rfpState(rfp, now) !== filter.state) return false
    if (filter.tag && !rfp.tags.some((tag) => tag.toLowerCase() === filter.tag!.toLowerCase())) return false
    if (filter.manager && rfp.manager.toLowerCase() !== filter.manager) return false
    if (filter.token === 'native' && BigInt(rfp.nativeBudget) === 0n) return false
    if (filter.token && filter.token !== 'native' && !rfp.budget.some((b) => b.tokenContract.toLowerCase() === filter.token)) return false
    const haystack = `${rfp.title ?? ''} ${rfp.tags.join(' ')}`.toLowerCase()
    return words.every((word) => haystack.includes(word))
  })
}
