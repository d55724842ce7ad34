import { describe, expect, it } from 'vitest'
import { openDatabase } from '#db/client'
import { useTempDatabase } from '../../test/setup'
import { readSnapshot } from './read-snapshot.server'

// A page's reads see one indexed state even when the indexer (another connection) commits
// between them: the task page showed a dispute resolved on a task still "taken" without this.

describe('readSnapshot', () => {
  it('keeps the state of its first read while another connection commits', () => {
    const page = useTempDatabase()
    const indexer = openDatabase(page.path)
    try {
      const count = () => page.sqlite.prepare('SELECT count(*) FROM rate_limit_hits').pluck().get() as number
      const insert = indexer.sqlite.prepare('INSERT INTO rate_limit_hits (key, hits, reset_at) VALUES (?, 1, ?)')
      insert.run('a', 1)
      const seen = readSnapshot(page.db, () => {
        const first = count()
        insert.run('b', 2) // the indexer commits between the page's two reads
        return [first, count()]
      })
      expect(seen).toEqual([1, 1])
      expect(count()).toBe(2)
      // Without the snapshot the second read sees the commit (what the page did before).
      const first = count()
      insert.run('c', 3)
      expect([first, count()]).toEqual([2, 3])
    } finally {
      indexer.close()
    }
  })
})
