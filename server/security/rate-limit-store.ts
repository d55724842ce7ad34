import { and, eq, gt, lte, sql } from 'drizzle-orm'
import type { ClientRateLimitInfo, IncrementResponse, Options, Store } from 'express-rate-limit'
import type { Db } from '#db/client'
import { rateLimitHits } from '#db/schema'

// An express-rate-limit store in the portal's database, so every web process on the same
// database counts the same hits (express-rate-limit's MemoryStore counts per process: with two
// instances behind a load balancer each client would get twice its allowance).

/** Expired windows are deleted at most this often (by whichever process notices first). */
const SWEEP_INTERVAL_MS = 60_000

export class DatabaseRateLimitStore implements Store {
  /** Hits counted here are visible to every process on the database. */
  readonly localKeys = false
  private windowMs = 60_000
  private lastSweep = 0

  constructor(
    private readonly db: Db,
    /** Set per limiter, so two limiters never share a counter for the same client. */
    readonly prefix: string,
    private readonly now: () => number = Date.now,
  ) {}

  init(options: Options): void {
    this.windowMs = options.windowMs
  }

  /**
   * One statement, so two processes incrementing the same key at once both count: a window
   * that has ended restarts at 1 with a new reset time, else the count goes up. (SQLite's SET
   * expressions all read the row as it was, so both CASEs test the old reset_at.)
   */
  increment(key: string): IncrementResponse {
    const now = this.now()
    this.sweep(now)
    const expired = sql`${rateLimitHits.resetAt} <= ${now}`
    const row = this.db
      .insert(rateLimitHits)
      .values({ key: this.prefix + key, hits: 1, resetAt: new Date(now + this.windowMs) })
      .onConflictDoUpdate({
        target: rateLimitHits.key,
        set: {
          hits: sql`CASE WHEN ${expired} THEN 1 ELSE ${rateLimitHits.hits} + 1 END`,
          resetAt: sql`CASE WHEN ${expired} THEN excluded.reset_at ELSE ${rateLimitHits.resetAt} END`,
        },
      })
      .returning({ hits: rateLimitHits.hits, resetAt: rateLimitHits.resetAt })
      .get()
    return { totalHits: row.hits, resetTime: row.resetAt }
  }

  get(key: string): ClientRateLimitInfo | undefined {
    const row = this.db
      .select({ hits: rateLimitHits.hits, resetAt: rateLimitHits.resetAt })
      .from(rateLimitHits)
      .where(and(eq(rateLimitHits.key, this.prefix + key), gt(rateLimitHits.resetAt, new Date(this.now()))))
      .get()
    return row ? { totalHits: row.hits, resetTime: row.resetAt } : undefined
  }

  decrement(key: string): void {
    this.db
      .update(rateLimitHits)
      .set({ hits: sql`MAX(${rateLimitHits.hits} - 1, 0)` })
      .where(and(eq(rateLimitHits.key, this.prefix + key), gt(rateLimitHits.resetAt, new Date(this.now()))))
      .run()
  }

  resetKey(key: string): void {
    this.db.delete(rateLimitHits).where(eq(rateLimitHits.key, this.prefix + key)).run()
  }

  resetAll(): void {
    this.db
      .delete(rateLimitHits)
      .where(sql`substr(${rateLimitHits.key}, 1, ${this.prefix.length}) = ${this.prefix}`)
      .run()
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < SWEEP_INTERVAL_MS) return
    this.lastSweep = now
    this.db.delete(rateLimitHits).where(lte(rateLimitHits.resetAt, new Date(now))).run()
  }
}

