import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { is } from 'drizzle-orm'
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../client'
import { openPgDatabase, type PgDatabaseHandle } from '../pg/client'
import { startTemporaryServer, type PgServer } from '../pg/server'
import * as sqliteSchema from '../schema'

// The two engines' schemas are one schema: a SQLite file migrated by db/migrations and a
// PostgreSQL database migrated by db/migrations-pg have the same tables, columns, nullability,
// primary keys and indexes (unique or not, partial or not), and each column's PostgreSQL type is
// the one its SQLite column maps to (docs/decisions/024). Both sides are introspected from the
// migrated databases (PRAGMA, pg_catalog), so a migration forgotten on one engine fails here too.

/** The search objects each engine builds its own way (FTS5 / tsvector), compared by db/pg/task-search.test.ts. */
const sqliteOnly = /^(task_search_fts.*|task_search_tags|task_search_rows|__drizzle_migrations|sqlite_.*)$/
const pgOnly = /^(task_search|task_search_tags)$/

/** The PostgreSQL type of each kind of drizzle sqlite-core column. */
const pgTypeOf: Record<string, string> = {
  SQLiteInteger: 'bigint',
  SQLiteTimestamp: 'bigint',
  SQLiteBoolean: 'boolean',
  SQLiteText: 'text',
  SQLiteTextJson: 'jsonb',
  SQLiteBlobBuffer: 'bytea',
}
const sqliteTypeOf: Record<string, string> = {
  SQLiteInteger: 'integer',
  SQLiteTimestamp: 'integer',
  SQLiteBoolean: 'integer',
  SQLiteText: 'text',
  SQLiteTextJson: 'text',
  SQLiteBlobBuffer: 'blob',
}

type Column = { name: string; type: string; notNull: boolean }
type Index = { name: string; columns: string[]; unique: boolean; partial: boolean }
type Table = { columns: Column[]; primaryKey: string[]; indexes: Index[] }
type Schema = Record<string, Table>

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name)

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-parity-'))
let server: PgServer
let pg: PgDatabaseHandle
let sqliteSide: Schema
let pgSide: Schema
let columnKinds: Map<string, string>

function introspectSqlite(file: string): Schema {
  const { sqlite, close } = openDatabase(file)
  try {
    const names = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[]
    const schema: Schema = {}
    for (const table of names.filter((name) => !sqliteOnly.test(name))) {
      const info = sqlite.prepare(`PRAGMA table_xinfo(${JSON.stringify(table)})`).all() as { name: string; type: string; notnull: number; pk: number }[]
      const indexList = sqlite.prepare(`PRAGMA index_list(${JSON.stringify(table)})`).all() as { name: string; unique: number; origin: string; partial: number }[]
      schema[table] = {
        // By name: a column added by a later migration comes last in SQLite, in place in a fresh PostgreSQL.
        columns: info.map((c) => ({ name: c.name, type: c.type.toLowerCase(), notNull: c.notnull === 1 || c.pk > 0 })).sort(byName),
        primaryKey: info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name),
        indexes: indexList
          .filter((i) => i.origin !== 'pk')
          .map((i) => ({
            // A UNIQUE column constraint's index is named by SQLite; PostgreSQL names it otherwise.
            name: i.origin === 'u' ? '(unique constraint)' : i.name,
            columns: (sqlite.prepare(`PRAGMA index_info(${JSON.stringify(i.name)})`).all() as { seqno: number; name: string }[])
              .sort((a, b) => a.seqno - b.seqno)
              .map((c) => c.name),
            unique: i.unique === 1,
            partial: i.partial === 1,
          }))
          .sort((a, b) => a.name.localeCompare(b.name)),
      }
    }
    return schema
  } finally {
    close()
  }
}

async function introspectPg(handle: PgDatabaseHandle): Promise<Schema> {
  const query = async <T extends object>(text: string, values: unknown[] = []) => (await handle.pool.query<T>(text, values)).rows
  const tables = await query<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name",
  )
  const schema: Schema = {}
  for (const { name: table } of tables.filter((t) => !pgOnly.test(t.name))) {
    const columns = await query<{ name: string; type: string; nullable: string }>(
      `SELECT column_name AS name, data_type AS type, is_nullable AS nullable FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`,
      [table],
    )
    const indexes = await query<{ name: string; columns: string[]; unique: boolean; primary: boolean; partial: boolean; constraint: boolean }>(
      `SELECT c.relname AS name, i.indisunique AS unique, i.indisprimary AS primary, i.indpred IS NOT NULL AS partial,
              EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.contype = 'u') AS constraint,
              array(SELECT a.attname FROM unnest(i.indkey) WITH ORDINALITY AS k(attnum, n)
                    JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum ORDER BY k.n)::text[] AS columns
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
       WHERE i.indrelid = ('public.' || quote_ident($1))::regclass`,
      [table],
    )
    schema[table] = {
      columns: columns.map((c) => ({ name: c.name, type: c.type, notNull: c.nullable === 'NO' })).sort(byName),
      primaryKey: indexes.find((i) => i.primary)?.columns ?? [],
      indexes: indexes
        .filter((i) => !i.primary)
        .map((i) => ({ name: i.constraint ? '(unique constraint)' : i.name, columns: i.columns, unique: i.unique, partial: i.partial }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    }
  }
  return schema
}

const snakeCase = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)

/** table.column → the drizzle sqlite-core column kind (SQLiteInteger, SQLiteBoolean…) of db/schema. */
function sqliteColumnKinds(): Map<string, string> {
  const kinds = new Map<string, string>()
  for (const value of Object.values(sqliteSchema)) {
    if (!is(value, SQLiteTable)) continue
    const config = getTableConfig(value)
    // Columns named by their key get the snake_case name (drizzle's `casing: 'snake_case'`).
    for (const column of config.columns) kinds.set(`${config.name}.${column.keyAsName ? snakeCase(column.name) : column.name}`, column.columnType)
  }
  return kinds
}

/** The SQLite side with each column's type replaced by the PostgreSQL type it maps to. */
function mappedToPg(schema: Schema): Schema {
  return Object.fromEntries(
    Object.entries(schema).map(([table, definition]) => [
      table,
      {
        ...definition,
        columns: definition.columns.map((column) => {
          const kind = columnKinds.get(`${table}.${column.name}`)
          const type = kind === undefined ? `(no drizzle column for ${column.type})` : (pgTypeOf[kind] ?? `(unmapped ${kind})`)
          return { ...column, type }
        }),
      },
    ]),
  )
}

beforeAll(async () => {
  server = await startTemporaryServer(dir)
  pg = await openPgDatabase(server.url())
  sqliteSide = introspectSqlite(path.join(dir, 'parity.sqlite'))
  pgSide = await introspectPg(pg)
  columnKinds = sqliteColumnKinds()
}, 120_000)

afterAll(async () => {
  await pg?.close()
  await server?.stop()
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('the PostgreSQL schema', () => {
  it('has the tables of the SQLite schema, no more, no fewer', () => {
    expect(Object.keys(pgSide).sort()).toEqual(Object.keys(sqliteSide).sort())
    expect(Object.keys(sqliteSide).length).toBeGreaterThan(30)
  })

  it('has each table with the same columns, nullability, keys and indexes, types mapped', () => {
    expect(pgSide).toEqual(mappedToPg(sqliteSide))
  })

  it('maps only from SQLite columns whose declared type matches their drizzle kind', () => {
    const mismatches = Object.entries(sqliteSide).flatMap(([table, { columns }]) =>
      columns
        .filter((column) => sqliteTypeOf[columnKinds.get(`${table}.${column.name}`) ?? ''] !== column.type)
        .map((column) => `${table}.${column.name}: declared ${column.type}, drizzle ${columnKinds.get(`${table}.${column.name}`)}`),
    )
    expect(mismatches).toEqual([])
  })
})
