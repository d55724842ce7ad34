// A chain read a page may show but must never wait long for (issue 25: no page waits on the
// chain). The page waits at most `waitMs` for an answer; a slower or hung RPC leaves the read
// running in the background, and the page shows the last answer (or nothing) until it lands. An
// answer is remembered for `freshMs` per key, so a popular page asks the chain once, not per visit.

type Entry = { value: unknown; readAt: number; pending: Promise<void> | null }

const MAX_ENTRIES = 5_000
const entries = new Map<string, Entry>()

export async function boundedChainRead<T>(
  key: string,
  read: () => Promise<T>,
  { freshMs, waitMs = 300 }: { freshMs: number; waitMs?: number },
): Promise<T | null> {
  let entry = entries.get(key)
  if (!entry) {
    if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!)
    entries.set(key, (entry = { value: null, readAt: -Infinity, pending: null }))
  }
  if (Date.now() - entry.readAt < freshMs) return entry.value as T | null
  const reading = entry
  reading.pending ??= read()
    .then((value) => {
      reading.value = value
      reading.readAt = Date.now()
    })
    // A failed read keeps the last answer; the next visit tries again.
    .catch(() => undefined)
    .finally(() => {
      reading.pending = null
    })
  let timer: ReturnType<typeof setTimeout> | undefined
  await Promise.race([reading.pending, new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs)))])
  clearTimeout(timer)
  return reading.value as T | null
}
