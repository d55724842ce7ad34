import { formatUnits } from 'viem'
import type { TimelineKind } from './timeline-kinds'
import { formatTokenAmount, tokenInfo, type KnownTokens } from '~/utils/tokens'

// The numbers behind a profile's two charts, by UTC month over the last year (chain time): how
// active the person was in each of the portal's three doors, and what they earned so far per token.

const CHART_MONTHS = 12

export type Door = 'learn' | 'contribute' | 'govern'
const doorOf: Record<TimelineKind, Door> = {
  courses: 'learn',
  certificates: 'learn',
  tasks: 'contribute',
  votes: 'govern',
  proposals: 'govern',
  actions: 'govern',
  membership: 'govern',
}
export const doorLabels: Record<Door, string> = { learn: 'Learning', contribute: 'Contributing', govern: 'Governing' }

export type MonthKey = { key: string; label: string }

/** The last `count` UTC months up to `now`'s, oldest first ("2026-03", "Mar 2026"). */
export function lastMonths(now: number, count = CHART_MONTHS): MonthKey[] {
  const date = new Date(now * 1000)
  const months: MonthKey[] = []
  for (let i = count - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - i, 1))
    months.push({ key: d.toISOString().slice(0, 7), label: d.toLocaleDateString('en', { month: 'short', year: 'numeric', timeZone: 'UTC' }) })
  }
  return months
}

/** The unix second the first of these months starts. */
export function monthsStart(months: MonthKey[]): number {
  return Date.parse(`${months[0]!.key}-01T00:00:00Z`) / 1000
}

export type ActivityMonth = MonthKey & Record<Door, number>

export function activityByMonth(rows: { month: string; kind: TimelineKind; count: number }[], months: MonthKey[]): ActivityMonth[] {
  return months.map((month) => {
    const entry: ActivityMonth = { ...month, learn: 0, contribute: 0, govern: 0 }
    for (const row of rows) if (row.month === month.key) entry[doorOf[row.kind]] += row.count
    return entry
  })
}

export type EarningsSeries = {
  token: string
  symbol: string
  /** Cumulative total at the end of each month, exact, and as a number for drawing. */
  points: (MonthKey & { total: string; value: number })[]
  total: string
}

/** Cumulative earnings per token at the end of each month (what was earned before the first month counts too). */
export function earningsByMonth(payouts: { token: string | null; amount: string; paidAt: number }[], months: MonthKey[], known: KnownTokens): EarningsSeries[] {
  const tokens = [...new Set(payouts.map((p) => p.token))]
  return tokens.map((token) => {
    const info = tokenInfo(token, known)
    let running = 0n
    const mine = payouts.filter((p) => p.token === token)
    let next = 0
    const points = months.map((month) => {
      const end = Date.parse(`${month.key}-01T00:00:00Z`) / 1000 + monthSeconds(month.key)
      while (next < mine.length && mine[next]!.paidAt < end) running += BigInt(mine[next++]!.amount)
      return { ...month, total: formatTokenAmount(running, info), value: Number(formatUnits(running, info.decimals)) }
    })
    while (next < mine.length) running += BigInt(mine[next++]!.amount)
    return { token: token ?? 'native', symbol: info.symbol, points, total: formatTokenAmount(running, info) }
  })
}

function monthSeconds(key: string): number {
  const [year, month] = key.split('-').map(Number) as [number, number]
  return (Date.UTC(year, month, 1) - Date.UTC(year, month - 1, 1)) / 1000
}
