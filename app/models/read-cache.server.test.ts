import { describe, expect, it } from 'vitest'
import { openDatabase } from '#db/client'
import { putCheckpoint } from './testing/dao-row-fixtures'
import { useTempDatabase } from '../../test/setup'
import { createReadCache } from './read-cache.server'

// The read cache on a real SQLite file: a second connection stands for the indexer process.

function countingRead(db: ReturnType<typeof useTempDatabase>['sqlite']) {
  let reads = 0
  return {
    read: () => {
      reads++
      return db.prepare('SELECT block_number AS block FROM sync_checkpoints WHERE chain_id = 31337').get() as { block: number } | undefined
    },
    reads: () => reads,
  }
}

describe('the read cache', () => {
  it('answers repeated reads from memory until another process commits', () => {
    const web = useTempDatabase()
    const indexer = openDatabase(web.path, { migrate: false })
    putCheckpoint(indexer.db, 31337, { number: 5, timestamp: 1_000 })
    const cache = createReadCache(web.db)
    const counted = countingRead(web.sqlite)
    expect(cache.read('head', { chainId: 31337 }, counted.read)).toEqual({ block: 5 })
    expect(cache.read('head', { chainId: 31337 }, counted.read)).toEqual({ block: 5 })
    expect(counted.reads()).toBe(1)

    // The indexer commits a new block: the next read sees it.
    indexer.sqlite.prepare('UPDATE sync_checkpoints SET block_number = 6').run()
    expect(cache.read('head', { chainId: 31337 }, counted.read)).toEqual({ block: 6 })
    expect(counted.reads()).toBe(2)
    indexer.close()
  })

  it('forgets everything when this connection writes, and keeps different arguments apart', () => {
    const web = useTempDatabase()
    putCheckpoint(web.db, 31337, { number: 5, timestamp: 1_000 })
    const cache = createReadCache(web.db)
    let reads = 0
    const read = (n: number) => () => (reads++, n)
    expect(cache.read('x', { page: 1 }, read(1))).toBe(1)
    expect(cache.read('x', { page: 2 }, read(2))).toBe(2)
    expect(cache.read('x', { page: 1 }, read(99))).toBe(1)
    expect(reads).toBe(2)
    web.sqlite.prepare('UPDATE sync_checkpoints SET block_number = 7').run()
    expect(cache.read('x', { page: 1 }, read(3))).toBe(3)
    expect(cache.size()).toBe(1)
  })

  it('never serves a read made inside a transaction, nor keeps more than its limit', () => {
    const web = useTempDatabase()
    const cache = createReadCache(web.db, 2)
    web.sqlite.transaction(() => {
      expect(cache.read('t', {}, () => 'inside')).toBe('inside')
    })()
    expect(cache.read('t', {}, () => 'outside')).toBe('outside')
    cache.read('a', {}, () => 1)
    cache.read('b', {}, () => 2)
    expect(cache.size()).toBe(2)
  })
})
