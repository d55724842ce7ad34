// Dates the way the task pages show them. Every function takes `now` (from the loader), so the
// server's HTML and the browser's first render say the same thing.

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400],
  ['month', 30 * 86_400],
  ['week', 7 * 86_400],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
]

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' })

/** "in 3 days", "2 hours ago", "now". */
export function relativeTime(unixSeconds: number, now: number): string {
  const delta = unixSeconds - now
  for (const [unit, seconds] of units) {
    if (Math.abs(delta) >= seconds) return relative.format(Math.round(delta / seconds), unit)
  }
  return 'now'
}

/** "2025-03-14 18:00 UTC": unambiguous for every reader. */
export function formatDateTime(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toISOString().slice(0, 16).replace('T', ' ') + ' UTC'
}

export function formatDay(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toISOString().slice(0, 10)
}
