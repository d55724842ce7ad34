import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { compileRowDecoder, compileRowEncoder } from './row-codec'
import { projectionSpecs, type TableSpec } from './tables'

// The compiled encoders must write what the projection tables hold (column order, JSON text,
// 0/1 booleans, NULL) and read it back to the same row.

const applications = projectionSpecs.get('taskApplications')!

const application = {
  chainId: 31337,
  taskId: 7,
  applicationId: 2,
  applicant: '0xabc',
  metadataUri: 'ipfs://x',
  accepted: true,
  nativeReward: [{ to: '0xabc', amount: '5' }],
  reward: [{ nextToken: false, to: '0xabc', amount: '1"2' }],
  createdBlock: 12,
  createdAt: 1_700_000_000,
}

describe('projection row codec', () => {
  it('encodes a row in column order, with JSON text and 0/1 for booleans', () => {
    const values = compileRowEncoder(applications)(application)
    expect(values).toEqual(
      applications.columns.map((c) => {
        const v = application[c.key as keyof typeof application]
        return c.kind === 'json' ? JSON.stringify(v) : c.kind === 'bool' ? (v ? 1 : 0) : v
      }),
    )
    expect(values[applications.columns.findIndex((c) => c.key === 'accepted')]).toBe(1)
  })

  it('writes NULL for null and missing values, and reads them back as null', () => {
    const activity = projectionSpecs.get('activity')!
    const row = { chainId: 1, address: '0xa', blockNumber: 3, logIndex: 0, kind: 'dao.joined', subject: null, timestamp: 9, transactionHash: '0xt' }
    const values = compileRowEncoder(activity)(row)
    expect(values[activity.columns.findIndex((c) => c.key === 'detail')]).toBeNull()
    expect(values[activity.columns.findIndex((c) => c.key === 'subject')]).toBeNull()
    expect(compileRowDecoder(activity)(values)).toEqual({ ...row, detail: null })
  })

  it('round-trips a row through its real SQLite table', () => {
    const sqlite = new Database(':memory:')
    // Booleans are INTEGER columns, as in the schema: a bound 1 is stored as an integer there.
    sqlite.exec(`CREATE TABLE t (${applications.columns.map((c) => `"${c.sqlName}" ${c.kind === 'bool' ? 'INTEGER' : ''}`).join(', ')})`)
    sqlite.prepare(`INSERT INTO t VALUES (${applications.columns.map(() => '?').join(', ')})`).run(compileRowEncoder(applications)(application))
    const stored = sqlite.prepare('SELECT * FROM t').raw().get() as unknown[]
    expect(compileRowDecoder(applications)(stored)).toEqual(application)
    expect(sqlite.prepare('SELECT typeof(accepted) FROM t').pluck().get()).toBe('integer')
    sqlite.close()
  })

  it('refuses a column key that is not an identifier, rather than write it into code', () => {
    const spec: TableSpec = { name: 'bad', sqlName: 'bad', primaryKey: ['a'], columns: [{ key: 'a]; process.exit(1); [', sqlName: 'a', kind: 'plain' }] }
    expect(() => compileRowEncoder(spec)).toThrow(/not an identifier/)
    expect(() => compileRowDecoder(spec)).toThrow(/not an identifier/)
  })
})
