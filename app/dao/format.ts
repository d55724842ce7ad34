// Small formatting helpers of the DAO pages (shared by server and browser).

const units: [string, number][] = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
  ['second', 1],
]

/** 300 → "5 minutes", 90000 → "1 day 1 hour": at most two units, exact enough for rules. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds <= 0) return '0 seconds'
  const parts: string[] = []
  let rest = Math.floor(seconds)
  for (const [unit, size] of units) {
    const count = Math.floor(rest / size)
    if (count > 0) {
      parts.push(`${count} ${unit}${count === 1 ? '' : 's'}`)
      rest -= count * size
    }
    if (parts.length === 2) break
  }
  return parts.join(' ')
}

/** Voting power as a whole number of votes: one OVC is one vote, so no decimals. */
export function formatVotes(power: string): string {
  const votes = /^[0-9]+$/.test(power) ? power : '0'
  return `${votes.replace(/\B(?=(\d{3})+(?!\d))/g, ',')} ${votes === '1' ? 'vote' : 'votes'}`
}
