import type { Options } from 'express-rate-limit'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '#db/client'
import { useTempDatabase } from '../../test/setup'
import { DatabaseRateLimitStore } from './rate-limit-store'

// The rate-limit store over a real SQLite file: fixed windows, and counts shared by every
// process on the database (a second connection stands for a second web instance).

const database = useTempDatabase()
const WINDOW_MS = 60_000

function store(prefix: string, now: () => number, db = database.db) {
  const created = new DatabaseRateLimitStore(db, prefix, now)
  created.init({ windowMs: WINDOW_MS } as Options)
  return created
}

describe('DatabaseRateLimitStore', () => {
  it('counts hits in a fixed window and starts a new one when it ends', () => {
    let now = 1_000_000
    const limits = store('window:', () => now)
    expect(limits.increment('1.2.3.4')).toEqual({ totalHits: 1, resetTime: new Date(1_000_000 + WINDOW_MS) })
    now += 10_000
    expect(limits.increment('1.2.3.4')).toEqual({ totalHits: 2, resetTime: new Date(1_000_000 + WINDOW_MS) })
    expect(limits.get('1.2.3.4')).toEqual({ totalHits: 2, resetTime: new Date(1_000_000 + WINDOW_MS) })
    now = 1_000_000 + WINDOW_MS
    expect(limits.get('1.2.3.4')).toBeUndefined()
    expect(limits.increment('1.2.3.4')).toEqual({ totalHits: 1, resetTime: new Date(now + WINDOW_MS) })
  })

  it('shares counts between processes on the same database', () => {
    const now = () => 2_000_000
    const other = openDatabase(database.path)
    try {
      const first = store('shared:', now)
      const second = store('shared:', now, other.db)
      first.increment('client')
      second.increment('client')
      expect(first.increment('client').totalHits).toBe(3)
      expect(second.get('client')?.totalHits).toBe(3)
    } finally {
      other.close()
    }
  })

  it('keeps limiters apart by prefix, and decrements, resets and sweeps', () => {
    let now = 3_000_000
    const a = store('a:', () => now)
    const b = store('b:', () => now)
    a.increment('k')
    a.increment('k')
    b.increment('k')
    expect(a.get('k')?.totalHits).toBe(2)
    a.decrement('k')
    expect(a.get('k')?.totalHits).toBe(1)
    a.resetKey('k')
    expect(a.get('k')).toBeUndefined()
    expect(b.get('k')?.totalHits).toBe(1)
    b.resetAll()
    expect(b.get('k')).toBeUndefined()

    // Windows that ended are deleted by the next increment after the sweep interval.
    a.increment('old')
    now += 10 * WINDOW_MS
    a.increment('new')
    const keys = (database.sqlite.prepare("select key from rate_limit_hits where key like 'a:%'").all() as { key: string }[]).map((r) => r.key)
    expect(keys).toEqual(['a:new'])
  })
})
