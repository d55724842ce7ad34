import { customType } from 'drizzle-orm/pg-core'

// Column types drizzle's pg-core lacks, chosen so a row reads back with the same JS types as from
// the SQLite schema (docs/decisions/024): the application code stays engine-independent.

/** Milliseconds since the epoch in a bigint, read and written as a Date (SQLite: integer, mode timestamp_ms). */
export const epochMs = customType<{ data: Date; driverData: string | number }>({
  dataType: () => 'bigint',
  toDriver: (value) => value.getTime(),
  fromDriver: (value) => new Date(Number(value)),
})

/** Bytes (SQLite: blob, mode buffer). */
export const bytea = customType<{ data: Buffer; driverData: Buffer }>({
  dataType: () => 'bytea',
})
