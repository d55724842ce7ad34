import { parseEther } from 'viem'
import { beforeAll, describe, expect, it } from 'vitest'
import { parseBoardFilter, type BoardFilter } from '~/tasks/board-filter'
import { useTempDatabase } from '../../test/setup'
import { BadCursorError, getPopularTags, getTaskPage, type TaskCard } from './task-board.server'
import { toFtsQuery } from './task-search.server'
import { generateWorld, putMetadata, putTask, type World } from './testing/task-row-fixtures'

const CHAIN = 31337
const OTHER_CHAIN = 1
const { db, sqlite } = useTempDatabase()
let world: World

function filterOf(query: string): BoardFilter {
  const parsed = parseBoardFilter(new URLSearchParams(query))
  if ('error' in parsed) throw new Error(parsed.error)
  return parsed.filter
}

function page(query: string, limit?: number) {
  return getTaskPage(db, { chainId: CHAIN, filter: filterOf(query), known: { openToken: world.openToken as `0x${string}` }, limit })
}

/** Every page of a query, following the cursors. */
function allPages(query: string, limit = 100): TaskCard[] {
  const items: TaskCard[] = []
  let cursor: string | null = null
  do {
    const result = page(cursor ? `${query}&cursor=${cursor}` : query, limit)
    items.push(...result.items)
    cursor = result.nextCursor
  } while (cursor)
  return items
}

beforeAll(() => {
  // The search objects come with the migrations (0003_task_search), before anything is written.
  world = generateWorld(sqlite, { chainId: CHAIN, count: 10_000 })
  generateWorld(sqlite, { chainId: OTHER_CHAIN, count: 50, seed: 2 })
})

describe('getTaskPage over 10,000 tasks', () => {
  it('lists the newest first, 24 to a page, with counts per state', () => {
    const result = page('')
    expect(result.items).toHaveLength(24)
    expect(result.items.map((t) => t.taskId)).toEqual(Array.from({ length: 24 }, (_, i) => 9_999 - i))
    const expected = { open: 0, taken: 0, closed: 0 }
    for (const task of world.tasks) expected[task.state]++
    expect(result.counts).toEqual(expected)
    const first = result.items[0]!
    const source = world.tasks[9_999]!
    expect(first.title).toBe(source.title)
    expect(first.tags.sort()).toEqual([...source.tags].sort())
    expect(first.metadataStatus).toBe('ok')
  })

  it('marks a budget the indexer could not read after its last change', () => {
    const outdated = 9_998
    sqlite.prepare("UPDATE tasks SET budget_read_error = 'eth_call: missing trie node' WHERE chain_id = ? AND task_id = ?").run(CHAIN, outdated)
    try {
      const marked = page('').items.filter((t) => t.budgetOutdated).map((t) => t.taskId)
      expect(marked).toEqual([outdated])
    } finally {
      sqlite.prepare('UPDATE tasks SET budget_read_error = NULL WHERE chain_id = ? AND task_id = ?').run(CHAIN, outdated)
    }
  })

  it('walks every task of a filter exactly once across cursor pages', () => {
    const items = allPages('state=open', 500)
    const expected = world.tasks.filter((t) => t.state === 'open').map((t) => t.taskId).sort((a, b) => b - a)
    expect(items.map((t) => t.taskId)).toEqual(expected)
  })

  it('finds tasks by words of the title, description and tags, with prefixes', () => {
    const items = allPages('q=grafana telem')
    const expected = world.tasks.filter((t) => {
      const text = `${t.title} ${t.description} ${t.tags.join(' ')}`.toLowerCase()
      return text.includes('grafana') && /\btelem/.test(text)
    })
    expect(items.length).toBeGreaterThan(0)
    expect(items.map((t) => t.taskId).sort()).toEqual(expected.map((t) => t.taskId).sort())
  })

  it('filters by exact tag, case-insensitively, and counts states within the filter', () => {
    const result = page('tag=Solidity&state=taken')
    const tagged = world.tasks.filter((t) => t.tags.includes('solidity'))
    expect(result.counts.taken).toBe(tagged.filter((t) => t.state === 'taken').length)
    expect(result.counts.open).toBe(tagged.filter((t) => t.state === 'open').length)
    expect(result.items.every((t) => t.state === 'taken' && t.tags.includes('solidity'))).toBe(true)
  })

  it('filters by budget token and range, in exact token units, and sorts by that budget', () => {
    const items = allPages('token=open&min=1000&max=2500.5&sort=budget')
    const expected = world.tasks
      .filter((t) => t.openBudget !== null && BigInt(t.openBudget) >= parseEther('1000') && BigInt(t.openBudget) <= parseEther('2500.5'))
      .sort((a, b) => (BigInt(b.openBudget!) > BigInt(a.openBudget!) ? 1 : BigInt(b.openBudget!) < BigInt(a.openBudget!) ? -1 : b.taskId - a.taskId))
    expect(items.map((t) => t.taskId)).toEqual(expected.map((t) => t.taskId))
    expect(items[0]!.budgets.some((b) => b.token === world.openToken)).toBe(true)
  })

  it('sorts by native budget across pages without skipping equal amounts', () => {
    const items = allPages('sort=budget', 700)
    expect(items).toHaveLength(10_000)
    const amounts = items.map((t) => BigInt(t.budgets.find((b) => b.token === null)?.amount ?? '0'))
    for (let i = 1; i < amounts.length; i++) expect(amounts[i - 1]! >= amounts[i]!).toBe(true)
  })

  it('sorts by deadline, soonest first, and filters by deadline days', () => {
    const items = allPages('sort=deadline&after=2024-01-01&before=2024-03-31', 200)
    const from = Date.parse('2024-01-01T00:00:00Z') / 1000
    const to = Date.parse('2024-03-31T23:59:59Z') / 1000
    const expected = world.tasks
      .filter((t) => t.deadline >= from && t.deadline <= to)
      .sort((a, b) => a.deadline - b.deadline || a.taskId - b.taskId)
    expect(items.map((t) => t.taskId)).toEqual(expected.map((t) => t.taskId))
  })

  it('filters by manager and by applicant (any case of the address)', () => {
    const manager = world.managers[3]!
    expect(allPages(`manager=${manager.toUpperCase().replace('0X', '0x')}`).map((t) => t.taskId).sort()).toEqual(
      world.tasks.filter((t) => t.manager === manager).map((t) => t.taskId).sort(),
    )
    const applicant = world.applicants[7]!
    expect(allPages(`applicant=${applicant}`).map((t) => t.taskId).sort()).toEqual(
      world.tasks.filter((t) => t.applicantsOf.includes(applicant)).map((t) => t.taskId).sort(),
    )
  })

  it('keeps chains apart', () => {
    const other = getTaskPage(db, { chainId: OTHER_CHAIN, filter: filterOf(''), known: { openToken: null } })
    expect(other.counts.open + other.counts.taken + other.counts.closed).toBe(50)
  })

  it('refuses a cursor it did not make', () => {
    expect(() => page('cursor=bm90LWEtY3Vyc29y')).toThrow(BadCursorError)
  })

  it('lists the popular tags with their counts', () => {
    const tags = getPopularTags(db, CHAIN)
    const solidity = world.tasks.filter((t) => t.tags.includes('solidity')).length
    expect(tags.find((t) => t.tag === 'solidity')?.count).toBe(solidity)
  })
})

describe('the search index follows the projection', () => {
  const chainId = 5
  const base = { chainId, deadline: 1_800_000_000, manager: '0x' + 'c'.repeat(40), state: 'open' as const, nativeBudget: '1', createdAt: 1 }
  const search = (q: string) =>
    getTaskPage(db, { chainId, filter: filterOf(`q=${encodeURIComponent(q)}`), known: { openToken: null } }).items.map((t) => t.taskId)

  it('indexes a task whose metadata arrives after it, and re-indexes on every rewrite', () => {
    putTask(sqlite, { ...base, taskId: 1, metadataUri: 'ipfs://late', title: null })
    expect(search('quantum')).toEqual([])
    putMetadata(sqlite, { chainId, uri: 'ipfs://late', status: 'pending' })
    putMetadata(sqlite, {
      chainId,
      uri: 'ipfs://late',
      status: 'ok',
      content: { title: 'Quantum relay', description: 'Relays for **photons**', tags: [{ tag: 'physics' }] },
    })
    expect(search('quantum')).toEqual([1])
    expect(search('photons')).toEqual([1])
    expect(search('physics')).toEqual([1])
    // The indexer rewrites the row (INSERT OR REPLACE) on every event: still exactly one entry.
    putTask(sqlite, { ...base, taskId: 1, metadataUri: 'ipfs://late', title: 'Quantum relay', state: 'taken' })
    putTask(sqlite, { ...base, taskId: 1, metadataUri: 'ipfs://late', title: 'Quantum relay', state: 'closed' })
    expect(search('quantum')).toEqual([1])
    expect(sqlite.prepare('SELECT count(*) FROM task_search_fts WHERE rowid = ?').pluck().get(chainId * 4294967296 + 1)).toBe(1)
  })

  it('follows a metadata change to a new document and a deleted task', () => {
    putMetadata(sqlite, { chainId, uri: 'ipfs://v2', status: 'ok', content: { title: 'Neutrino relay', description: '', tags: ['cosmic'] } })
    putTask(sqlite, { ...base, taskId: 1, metadataUri: 'ipfs://v2', title: 'Neutrino relay' })
    expect(search('quantum')).toEqual([])
    expect(search('cosmic neutrino')).toEqual([1])
    sqlite.prepare('DELETE FROM tasks WHERE chain_id = ? AND task_id = 1').run(chainId)
    expect(search('neutrino')).toEqual([])
    expect(sqlite.prepare('SELECT count(*) FROM task_search_tags WHERE chain_id = ?').pluck().get(chainId)).toBe(0)
  })

  it('never fails the indexer’s write on a malformed document', () => {
    putTask(sqlite, { ...base, taskId: 2, metadataUri: 'ipfs://bad', title: 'Plain title' })
    expect(() => putMetadata(sqlite, { chainId, uri: 'ipfs://bad', status: 'ok', rawContent: '{not json' })).not.toThrow()
    expect(() =>
      putMetadata(sqlite, { chainId, uri: 'ipfs://bad', status: 'ok', content: { description: { nested: 1 }, tags: 'not-a-list' } }),
    ).not.toThrow()
    expect(() =>
      putMetadata(sqlite, { chainId, uri: 'ipfs://bad', status: 'ok', content: { tags: [{ tag: 5 }, null, { tag: 'ok-tag' }, ['x']] } }),
    ).not.toThrow()
    expect(search('plain')).toEqual([2])
    expect(search('ok-tag')).toEqual([2])
  })
})

describe('toFtsQuery', () => {
  it('makes any text a safe prefix query', () => {
    expect(toFtsQuery('zk rollup')).toBe('"zk"* "rollup"*')
    expect(toFtsQuery('"; DROP TABLE tasks; -- NEAR(a b) *')).toBe('"DROP"* "TABLE"* "tasks"* "NEAR"* "a"* "b"*')
    expect(toFtsQuery('  ---  ')).toBe('')
  })

  it('never produces an FTS syntax error', () => {
    for (const q of ['"', 'AND', 'OR NOT', '(', 'a:b', '^x', 'title:', '*']) {
      expect(() => getTaskPage(db, { chainId: CHAIN, filter: filterOf(`q=${encodeURIComponent(q)}`), known: { openToken: null } })).not.toThrow()
    }
  })
})
