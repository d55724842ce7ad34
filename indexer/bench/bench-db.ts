import { openDatabase } from '#db/client'

/**
 * A database like the indexer's: migrated, WAL, the indexer's page cache size, and no automatic
 * checkpoint inside timed commits.
 */
export function openBenchDb(file: string, cacheMb: number) {
  const handle = openDatabase(file)
  handle.sqlite.pragma('wal_autocheckpoint = 0')
  handle.sqlite.pragma(`cache_size = -${cacheMb * 1024}`)
  return handle
}
