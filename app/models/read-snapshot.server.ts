import type { Db } from '#db/client'

/**
 * Runs a page's database reads as one read transaction, so they all see the same indexed state.
 * The indexer commits a batch at a time; reads made one after another (and across an `await`)
 * could otherwise show a dispute resolved on a task that is still "taken". SQLite (WAL) gives a
 * deferred transaction one snapshot from its first read and never blocks the writer. `read` must
 * be synchronous: nothing awaited inside, so nothing else runs on this connection meanwhile.
 */
export function readSnapshot<T>(db: Db, read: () => T): T {
  return db.transaction(() => read(), { behavior: 'deferred' })
}
