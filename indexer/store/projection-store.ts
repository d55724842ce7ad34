import type Database from 'better-sqlite3'
import { projectionSpecs, type ProjectionName, type ProjectionRow, type TableSpec } from './tables'

// The only way projections write. Rows are whole (put = insert or replace), addressed by primary
// key. While an undo block is set, every change first records the row's before-image in
// indexer_undo, so a reorg can restore exactly what the block changed (see rollback.ts).

export type ProjectionStore = {
  get: <N extends ProjectionName>(name: N, key: readonly unknown[]) => ProjectionRow<N> | undefined
  put: <N extends ProjectionName>(name: N, row: ProjectionRow<N>) => void
  /** put for a row known not to exist yet (event-keyed rows): skips reading a before-image. */
  insert: <N extends ProjectionName>(name: N, row: ProjectionRow<N>) => void
  remove: <N extends ProjectionName>(name: N, key: readonly unknown[]) => void
  /** All rows of a table matching a prefix of its primary key, in key order. */
  list: <N extends ProjectionName>(name: N, prefix: readonly unknown[]) => ProjectionRow<N>[]
  /** Changes made while set are recorded for rollback under this block number; null turns recording off. */
  setUndoBlock: (blockNumber: number | null) => void
}

type Prepared = {
  spec: TableSpec
  select: Database.Statement
  upsert: Database.Statement
  remove: Database.Statement
  list: Database.Statement[]
}

export function createProjectionStore(sqlite: Database.Database, chainId: number): ProjectionStore {
  const prepared = new Map<string, Prepared>()
  const recordUndo = sqlite.prepare(
    'INSERT INTO indexer_undo (chain_id, block_number, table_name, row_key, before) VALUES (?, ?, ?, ?, ?)',
  )
  let undoBlock: number | null = null

  function statements(name: ProjectionName): Prepared {
    let p = prepared.get(name)
    if (p) return p
    const spec = projectionSpecs.get(name)!
    const cols = spec.columns.map((c) => `"${c.sqlName}"`).join(', ')
    const sqlOf = (key: string) => spec.columns.find((c) => c.key === key)!.sqlName
    const where = spec.primaryKey.map((k) => `"${sqlOf(k)}" = ?`).join(' AND ')
    p = {
      spec,
      select: sqlite.prepare(`SELECT ${cols} FROM "${spec.sqlName}" WHERE ${where}`).raw(),
      upsert: sqlite.prepare(`INSERT OR REPLACE INTO "${spec.sqlName}" (${cols}) VALUES (${spec.columns.map(() => '?').join(', ')})`),
      remove: sqlite.prepare(`DELETE FROM "${spec.sqlName}" WHERE ${where}`),
      list: spec.primaryKey.map((_, n) => {
        const prefix = spec.primaryKey.slice(0, n + 1).map((k) => `"${sqlOf(k)}" = ?`).join(' AND ')
        const orderBy = spec.primaryKey.map((k) => `"${sqlOf(k)}"`).join(', ')
        return sqlite.prepare(`SELECT ${cols} FROM "${spec.sqlName}" WHERE ${prefix} ORDER BY ${orderBy}`).raw()
      }),
    }
    prepared.set(name, p)
    return p
  }

  function keyOf(spec: TableSpec, row: Record<string, unknown>): unknown[] {
    return spec.primaryKey.map((k) => row[k])
  }

  function toDb(spec: TableSpec, row: Record<string, unknown>): unknown[] {
    return spec.columns.map((c) => {
      const v = row[c.key]
      if (v === undefined || v === null) return null
      if (c.kind === 'json') return JSON.stringify(v)
      if (c.kind === 'bool') return v ? 1 : 0
      return v
    })
  }

  function fromDb(spec: TableSpec, values: unknown[]): Record<string, unknown> {
    const row: Record<string, unknown> = {}
    spec.columns.forEach((c, i) => {
      const v = values[i]
      row[c.key] = v === null ? null : c.kind === 'json' ? JSON.parse(v as string) : c.kind === 'bool' ? v === 1 : v
    })
    return row
  }

  function beforeImage(p: Prepared, key: unknown[]): unknown[] | undefined {
    return p.select.get(...key) as unknown[] | undefined
  }

  function record(p: Prepared, key: unknown[], before: unknown[] | undefined) {
    recordUndo.run(chainId, undoBlock, p.spec.sqlName, JSON.stringify(key), before ? JSON.stringify(before) : null)
  }

  return {
    get(name, key) {
      const p = statements(name)
      const values = p.select.get(...key) as unknown[] | undefined
      return values ? (fromDb(p.spec, values) as never) : undefined
    },
    put(name, row) {
      const p = statements(name)
      const values = toDb(p.spec, row as Record<string, unknown>)
      if (undoBlock !== null) {
        const key = keyOf(p.spec, row as Record<string, unknown>)
        record(p, key, beforeImage(p, key))
      }
      p.upsert.run(...values)
    },
    insert(name, row) {
      const p = statements(name)
      if (undoBlock !== null) record(p, keyOf(p.spec, row as Record<string, unknown>), undefined)
      p.upsert.run(...toDb(p.spec, row as Record<string, unknown>))
    },
    remove(name, key) {
      const p = statements(name)
      if (undoBlock !== null) {
        const before = beforeImage(p, [...key])
        if (!before) return
        record(p, [...key], before)
      }
      p.remove.run(...key)
    },
    list(name, prefix) {
      const p = statements(name)
      const stmt = p.list[prefix.length - 1]
      if (!stmt) throw new Error(`list(${name}) needs 1..${p.spec.primaryKey.length} key parts`)
      return (stmt.all(...prefix) as unknown[][]).map((values) => fromDb(p.spec, values) as never)
    },
    setUndoBlock(blockNumber) {
      undoBlock = blockNumber
    },
  }
}
