import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import * as schema from './schema'

export type Db = BetterSQLite3Database<typeof schema>
export type DatabaseHandle = { sqlite: Database.Database; db: Db; close: () => void }

// Resolved from the working directory because every entry point (start, indexer, tests, the
// Remix server bundle) runs from the repository root; import.meta.url differs between them.
export const migrationsFolder = path.resolve('db/migrations')

/**
 * Opens (creating if needed) the SQLite file with the pragmas every process relies on:
 * WAL so the app reads while the indexer writes, a busy timeout instead of SQLITE_BUSY,
 * and foreign keys enforced. Migrations are applied on open so no process ever sees an
 * older schema than its code expects.
 */
export function openDatabase(filePath: string, options: { migrate?: boolean } = {}): DatabaseHandle {
  if (filePath !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(filePath)), { recursive: true })
  const sqlite = new Database(filePath)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('busy_timeout = 5000')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('synchronous = NORMAL')
  const db = drizzle(sqlite, { schema, casing: 'snake_case' })
  if (options.migrate !== false) migrate(db, { migrationsFolder })
  return { sqlite, db, close: () => sqlite.close() }
}

/** The better-sqlite3 handle behind a drizzle database, for prepared SQL drizzle cannot express (FTS5, json_each). */
export function sqliteOf(db: Db): Database.Database {
  const client = (db as Db & { $client?: Database.Database }).$client
  if (!client) throw new Error('this drizzle database has no better-sqlite3 client')
  return client
}
