import type { TableSpec } from './tables'

// A projection row ↔ the values of its table's columns, compiled once per table. The generic loop
// (row[column.key] for each column spec) made every property read a megamorphic keyed load on the
// writer's hot path; a function with the table's keys written out reads each row with plain named
// loads and builds its value list as one array literal. Keys come from db/schema/chain.ts (never
// from data), and each is checked to be an identifier before it is written into code.

export type RowEncoder = (row: Record<string, unknown>) => unknown[]
export type RowDecoder = (values: readonly unknown[]) => Record<string, unknown>

const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/

function checkedKeys(spec: TableSpec): string[] {
  return spec.columns.map((c) => {
    if (!identifier.test(c.key)) throw new Error(`column key ${JSON.stringify(c.key)} of ${spec.name} is not an identifier`)
    return c.key
  })
}

/** The column values of a row, in column order: null for null or undefined, JSON text for json columns, 0/1 for booleans. */
export function compileRowEncoder(spec: TableSpec): RowEncoder {
  const keys = checkedKeys(spec)
  const values = spec.columns.map((c, i) => {
    const v = `row.${keys[i]}`
    if (c.kind === 'json') return `(${v} == null ? null : JSON.stringify(${v}))`
    if (c.kind === 'bool') return `(${v} == null ? null : ${v} ? 1 : 0)`
    return `(${v} === undefined ? null : ${v})`
  })
  return new Function('row', `return [${values.join(', ')}]`) as RowEncoder
}

/** A row from its column values (as SQLite returns them in column order): json parsed, booleans from 0/1. */
export function compileRowDecoder(spec: TableSpec): RowDecoder {
  const keys = checkedKeys(spec)
  const fields = spec.columns.map((c, i) => {
    const v = `values[${i}]`
    if (c.kind === 'json') return `${keys[i]}: ${v} === null ? null : JSON.parse(${v})`
    if (c.kind === 'bool') return `${keys[i]}: ${v} === null ? null : ${v} === 1`
    return `${keys[i]}: ${v}`
  })
  return new Function('values', `return { ${fields.join(', ')} }`) as RowDecoder
}
