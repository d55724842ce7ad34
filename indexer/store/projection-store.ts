import type Database from 'better-sqlite3'
import { compileRowDecoder, compileRowEncoder, type RowDecoder, type RowEncoder } from './row-codec'
import { projectionSpecs, type ProjectionName, type ProjectionRow, type TableSpec } from './tables'

// The only way projections write. Rows are whole (put = insert or update), addressed by primary key.
//
// Rows are buffered for the batch: read once, kept in memory, and every changed row is written
// once by `flush`; a task created, taken and completed in one batch costs one write. Writes are
// single-row prepared statements: measured on the benchmark's rows, 200-row VALUES lists were
// 15–40% slower per row. While an undo block is set (unfinal blocks), the first change of a row in that block
// also records the row's before-image in indexer_undo, so a reorg can restore exactly what the
// block changed; switching to another block flushes first, so before-images are block-exact.

export type ProjectionStore = {
  get: <N extends ProjectionName>(name: N, key: readonly unknown[]) => ProjectionRow<N> | undefined
  put: <N extends ProjectionName>(name: N, row: ProjectionRow<N>) => void
  /** put for a row known not to exist yet (event-keyed rows): skips reading it first. */
  insert: <N extends ProjectionName>(name: N, row: ProjectionRow<N>) => void
  /**
   * insert for rows handlers never read back (the activity feed): while no undo images are taken
   * (final blocks) the row is written at once, with no buffered slot.
   */
  append: <N extends ProjectionName>(name: N, row: ProjectionRow<N>) => void
  remove: <N extends ProjectionName>(name: N, key: readonly unknown[]) => void
  /** All rows of a table matching a prefix of its primary key, in key order. */
  list: <N extends ProjectionName>(name: N, prefix: readonly unknown[]) => ProjectionRow<N>[]
  /** Changes made while set are recorded for rollback under this block number; null turns recording off. */
  setUndoBlock: (blockNumber: number | null) => void
  /** Starts a batch: forgets what the previous one buffered. */
  begin: () => void
  /** Writes every row the batch changed. Must run inside the batch's transaction. */
  flush: () => void
}

type Prepared = {
  spec: TableSpec
  encode: RowEncoder
  decode: RowDecoder
  select: Database.Statement
  upsert: Database.Statement
  remove: Database.Statement
  list: Database.Statement[]
}

/** A buffered row: its key and value (undefined = does not exist), whether it changed, the block its undo image was taken for. */
type Slot = { key: readonly unknown[]; row: Record<string, unknown> | undefined; dirty: boolean; undoFor: number | null }
type TableBuffer = { slots: Map<string, Slot>; dirty: Slot[] }

export function createProjectionStore(sqlite: Database.Database, chainId: number): ProjectionStore {
  const prepared = new Map<string, Prepared>()
  const recordUndo = sqlite.prepare(
    'INSERT INTO indexer_undo (chain_id, block_number, table_name, row_key, before) VALUES (?, ?, ?, ?, ?)',
  )
  let undoBlock: number | null = null
  const buffer = new Map<ProjectionName, TableBuffer>()

  function statements(name: ProjectionName): Prepared {
    let p = prepared.get(name)
    if (p) return p
    const spec = projectionSpecs.get(name)!
    const cols = spec.columns.map((c) => `"${c.sqlName}"`).join(', ')
    const sqlOf = (key: string) => spec.columns.find((c) => c.key === key)!.sqlName
    const where = spec.primaryKey.map((k) => `"${sqlOf(k)}" = ?`).join(' AND ')
    const tuple = `(${spec.columns.map(() => '?').join(', ')})`
    // An upsert updates in place (REPLACE would delete and re-insert, touching every index).
    const conflict =
      ` ON CONFLICT (${spec.primaryKey.map((k) => `"${sqlOf(k)}"`).join(', ')}) DO UPDATE SET ` +
      spec.columns
        .filter((c) => !spec.primaryKey.includes(c.key))
        .map((c) => `"${c.sqlName}" = excluded."${c.sqlName}"`)
        .join(', ')
    p = {
      spec,
      encode: compileRowEncoder(spec),
      decode: compileRowDecoder(spec),
      select: sqlite.prepare(`SELECT ${cols} FROM "${spec.sqlName}" WHERE ${where}`).raw(),
      upsert: sqlite.prepare(`INSERT INTO "${spec.sqlName}" (${cols}) VALUES ${tuple}${conflict}`),
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

  const keyOf = (spec: TableSpec, row: Record<string, unknown>) => spec.primaryKey.map((k) => row[k])
  const slotKey = (key: readonly unknown[]) => key.join('\u0000')

  function tableBuffer(name: ProjectionName): TableBuffer {
    let b = buffer.get(name)
    if (!b) buffer.set(name, (b = { slots: new Map(), dirty: [] }))
    return b
  }

  function markDirty(name: ProjectionName, slot: Slot) {
    if (slot.dirty) return
    slot.dirty = true
    tableBuffer(name).dirty.push(slot)
  }

  /** The slot of a row, read from the table on first use (unless `assumeAbsent`). */
  function slotOf(name: ProjectionName, p: Prepared, key: readonly unknown[], assumeAbsent = false): Slot {
    const { slots } = tableBuffer(name)
    const k = slotKey(key)
    let slot = slots.get(k)
    if (!slot) {
      const values = assumeAbsent ? undefined : (p.select.get(...key) as unknown[] | undefined)
      slot = { key, row: values ? p.decode(values) : undefined, dirty: false, undoFor: null }
      slots.set(k, slot)
    }
    return slot
  }

  /** Before the first change of a row in the undo block: keep its current (flushed) image. */
  function beforeChange(p: Prepared, key: readonly unknown[], slot: Slot) {
    if (undoBlock === null || slot.undoFor === undoBlock) return
    slot.undoFor = undoBlock
    const before = slot.row ? p.encode(slot.row) : null
    recordUndo.run(chainId, undoBlock, p.spec.sqlName, JSON.stringify(key), before ? JSON.stringify(before) : null)
  }

  /** Writes a whole row. */
  function upsert(p: Prepared, row: Record<string, unknown>) {
    p.upsert.run(p.encode(row))
  }

  function flushTable(name: ProjectionName, table: TableBuffer) {
    if (table.dirty.length === 0) return
    const p = statements(name)
    for (const slot of table.dirty) {
      slot.dirty = false
      if (slot.row) upsert(p, slot.row)
      else p.remove.run(...slot.key)
    }
    table.dirty = []
  }

  function flushAll() {
    for (const [name, table] of buffer) flushTable(name, table)
  }

  function insert(name: ProjectionName, row: Record<string, unknown>) {
    const p = statements(name)
    const key = keyOf(p.spec, row)
    const slot = slotOf(name, p, key, true)
    beforeChange(p, key, slot)
    slot.row = row
    markDirty(name, slot)
  }

  return {
    get(name, key) {
      const p = statements(name)
      return slotOf(name, p, key).row as never
    },
    put(name, row) {
      const p = statements(name)
      const r = row as Record<string, unknown>
      const key = keyOf(p.spec, r)
      const slot = slotOf(name, p, key)
      beforeChange(p, key, slot)
      slot.row = r
      markDirty(name, slot)
    },
    insert,
    append(name, row) {
      // Unfinal blocks need the row's undo image, which the buffered path records.
      if (undoBlock !== null) return insert(name, row)
      upsert(statements(name), row as Record<string, unknown>)
    },
    remove(name, key) {
      const p = statements(name)
      const slot = slotOf(name, p, key)
      if (!slot.row) return
      beforeChange(p, key, slot)
      slot.row = undefined
      markDirty(name, slot)
    },
    list(name, prefix) {
      const p = statements(name)
      const table = buffer.get(name)
      if (table) flushTable(name, table)
      const stmt = p.list[prefix.length - 1]
      if (!stmt) throw new Error(`list(${name}) needs 1..${p.spec.primaryKey.length} key parts`)
      return (stmt.all(...prefix) as unknown[][]).map((values) => p.decode(values) as never)
    },
    setUndoBlock(blockNumber) {
      // A new block's before-images must see everything earlier blocks changed.
      if (blockNumber !== undoBlock) flushAll()
      undoBlock = blockNumber
    },
    begin() {
      buffer.clear()
      undoBlock = null
    },
    flush: flushAll,
  }
}
