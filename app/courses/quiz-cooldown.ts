// How long a learner waits before the next try at a quiz they failed. The first retry comes
// quickly (a slip should not cost an evening), then every failure in a row quadruples the wait
// up to a day, so trying answer combinations blind takes days rather than minutes: ten failures
// in a row cost more than four days of waiting (quiz-cooldown.test.ts). A pass clears it.

const FIRST_WAIT_MS = 30_000
const GROWTH = 4
const LONGEST_WAIT_MS = 24 * 60 * 60 * 1000

/** The wait after the given number of failed attempts in a row (≥ 1). */
export function cooldownAfterFailures(failedInARow: number): number {
  if (failedInARow < 1) return 0
  return Math.min(LONGEST_WAIT_MS, FIRST_WAIT_MS * GROWTH ** (failedInARow - 1))
}

/** "30 seconds", "8 minutes", "2 hours 8 minutes": a wait as a person reads it. */
export function describeWait(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000))
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`
  const minutes = Math.ceil(seconds / 60)
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'}`
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  return `${hours} hour${hours === 1 ? '' : 's'}${rest ? ` ${rest} minute${rest === 1 ? '' : 's'}` : ''}`
}
