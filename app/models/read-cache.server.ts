import type Database from 'better-sqlite3'
import { sqliteOf, type Db } from '#db/client'

// Reads of the projections remembered per version of the database, so a popular page (the task
// board, /dao, the contributor directory) is computed once per change of what it shows rather than
// once per visitor. Invalidation is exact: the version is SQLite's own pair of counters,
//   - `PRAGMA data_version`, which changes whenever another connection (the indexer, another web
//     process, the notifier) commits, and
//   - `total_changes()`, the rows this connection (this web process) has written,
// so any write anywhere in the database — a new block indexed, a profile saved, a certificate
// issued — drops every remembered read. Both are read without touching a table (microseconds).
//
// A remembered value is shared by every request that asks for it until the next change: callers
// must treat it as read-only (map it into new objects, never mutate it). The arguments must be
// everything the read depends on besides the database: chain time (getChainNow) is one, as it
// follows the wall clock on an idle chain, so a read keyed by it lasts at most a second.

const MAX_ENTRIES = 500

type Versioned = { sqlite: Database.Database; dataVersion: Database.Statement; totalChanges: Database.Statement }

export type ReadCache = {
  /** `read()`'s value for these arguments at the database's current version, computed at most once per version. */
  read: <T>(name: string, args: unknown, read: () => T) => T
  /** Remembered reads right now (for tests). */
  size: () => number
}

export function createReadCache(db: Db, maxEntries = MAX_ENTRIES): ReadCache {
  const sqlite = sqliteOf(db)
  const source: Versioned = {
    sqlite,
    dataVersion: sqlite.prepare('PRAGMA data_version').pluck(),
    totalChanges: sqlite.prepare('SELECT total_changes()').pluck(),
  }
  let version = ''
  const entries = new Map<string, unknown>()
  return {
    read<T>(name: string, args: unknown, read: () => T): T {
      // Inside a transaction the version says nothing about what that transaction has not committed yet.
      if (source.sqlite.inTransaction) return read()
      const now = `${source.dataVersion.get()}:${source.totalChanges.get()}`
      if (now !== version) {
        entries.clear()
        version = now
      }
      const key = `${name}\u0000${JSON.stringify(args)}`
      if (entries.has(key)) return entries.get(key) as T
      const value = read()
      // The read itself may have written (it should not); then its value is not remembered.
      if (`${source.dataVersion.get()}:${source.totalChanges.get()}` !== version) return value
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!)
      entries.set(key, value)
      return value
    },
    size: () => entries.size,
  }
}

const caches = new WeakMap<Db, ReadCache>()

/** The read cache of a database handle (one per handle, made on first use). */
function readCacheOf(db: Db): ReadCache {
  let cache = caches.get(db)
  if (!cache) caches.set(db, (cache = createReadCache(db)))
  return cache
}

/** `read()` remembered per database version, under `name` and `args` (see above). */
export function cachedRead<T>(db: Db, name: string, args: unknown, read: () => T): T {
  return readCacheOf(db).read(name, args, read)
}
