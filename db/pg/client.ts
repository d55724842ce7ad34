import path from 'node:path'
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres'
import { migrate } from 'drizzle-orm/node-postgres/migrator'
import pg from 'pg'
import * as schema from '../schema-pg'

// The PostgreSQL engine's database handle (docs/decisions/024). Not used by the app or the
// indexer yet: they run on SQLite (db/client.ts) until their queries are made engine-independent.

export type PgDb = NodePgDatabase<typeof schema>
export type PgDatabaseHandle = { pool: pg.Pool; db: PgDb; close: () => Promise<void> }

// Resolved from the working directory, as db/client.ts's migrations folder.
export const pgMigrationsFolder = path.resolve('db/migrations-pg')

/** A pool on a postgres:// URL; migrations applied first unless `migrate: false` (a replica is read-only). */
export async function openPgDatabase(url: string, options: { migrate?: boolean; max?: number } = {}): Promise<PgDatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 })
  const db = drizzle(pool, { schema, casing: 'snake_case' })
  try {
    if (options.migrate !== false) await migrate(db, { migrationsFolder: pgMigrationsFolder })
  } catch (error) {
    await pool.end()
    throw error
  }
  return { pool, db, close: () => pool.end() }
}
