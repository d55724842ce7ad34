import type { z } from 'zod'

/**
 * A board's filter from URL search params (the task board, the RFP board): the named params that
 * are present, checked by the board's schema; or the first problem, as `The filter "state" must
 * be open, taken or closed.`
 */
export function parseUrlFilter<S extends z.ZodTypeAny>(
  params: URLSearchParams,
  names: readonly string[],
  schema: S,
): { filter: z.output<S> } | { error: string } {
  const raw: Record<string, string> = {}
  for (const name of names) {
    const value = params.get(name)
    if (value !== null) raw[name] = value
  }
  const parsed = schema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    return { error: `The filter "${issue.path.join('.')}" ${issue.message}.` }
  }
  return { filter: parsed.data }
}
