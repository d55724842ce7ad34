import { describe, expect, it } from 'vitest'
import { rfpActions } from './available-actions'
import { filterRfps, parseRfpFilter, rfpState } from './board-filter'

// The RFP board's URL filters and what a viewer may do to an RFP, as pure functions.

const NOW = 1_000_000
const USDC = '0xe7f1725e7734ce288f8367e1bb143e90bb3f0512'
const IVAN = '0xbcd4042de499d14e55001ccbb24a551f3b954096'
const rfp = (over: Partial<Parameters<typeof rfpState>[0]> & Record<string, unknown> = {}) => ({
  title: 'Index the mesh',
  tags: ['indexing', 'Rust'],
  manager: IVAN,
  deadline: NOW + 100,
  emptied: false,
  nativeBudget: '0',
  budget: [{ tokenContract: USDC }],
  ...over,
})

describe('parseRfpFilter', () => {
  it('reads the filters the board writes and refuses bad ones with a sentence', () => {
    expect(parseRfpFilter(new URLSearchParams('q=mesh&state=open&token=native'))).toEqual({ filter: { q: 'mesh', state: 'open', token: 'native' } })
    expect(parseRfpFilter(new URLSearchParams('state=gone'))).toEqual({ error: 'The filter "state" must be open, closed or emptied.' })
    expect(parseRfpFilter(new URLSearchParams('manager=0x12'))).toEqual({ error: 'The filter "manager" is not a 0x address.' })
    expect(parseRfpFilter(new URLSearchParams(`q=${'x'.repeat(201)}`))).toEqual({ error: 'The filter "q" is longer than 200 characters.' })
  })
})

describe('filterRfps', () => {
  const all = [rfp(), rfp({ title: 'Audit the bridge', tags: [], emptied: true, nativeBudget: '5', budget: [] }), rfp({ title: 'Old call', deadline: NOW - 1 })]
  const titles = (filter: Record<string, string>) => filterRfps(all, (parseRfpFilter(new URLSearchParams(filter)) as { filter: never }).filter, NOW).map((r) => r.title)

  it('searches titles and tags, every word', () => {
    expect(titles({ q: 'mesh rust' })).toEqual(['Index the mesh'])
    expect(titles({ q: 'mesh audit' })).toEqual([])
  })

  it('filters by state, tag (any case), token and manager', () => {
    expect(titles({ state: 'open' })).toEqual(['Index the mesh'])
    expect(titles({ state: 'closed' })).toEqual(['Old call'])
    expect(titles({ state: 'emptied' })).toEqual(['Audit the bridge'])
    expect(titles({ tag: 'rust' })).toEqual(['Index the mesh', 'Old call'])
    expect(titles({ token: 'native' })).toEqual(['Audit the bridge'])
    expect(titles({ token: USDC.toUpperCase().replace('0X', '0x') })).toEqual(['Index the mesh', 'Old call'])
    expect(titles({ manager: '0x0000000000000000000000000000000000000001' })).toEqual([])
  })
})

describe('rfpActions', () => {
  const facts = { manager: IVAN, deadline: NOW + 100, emptied: false, projects: [{ projectId: 0, accepted: true }, { projectId: 1, accepted: false }] }

  it('lets the manager accept pending projects and empty the RFP; anyone submit and top up while open', () => {
    expect(rfpActions(facts, IVAN.toUpperCase().replace('0X', '0x'), NOW)).toEqual({ submitProject: true, accept: [1], empty: true, topUp: true })
    expect(rfpActions(facts, '0x0000000000000000000000000000000000000002', NOW)).toEqual({ submitProject: true, accept: [], empty: false, topUp: true })
  })

  it('takes no projects past the deadline, and offers nothing once emptied or signed out', () => {
    expect(rfpActions(facts, IVAN, NOW + 100).submitProject).toBe(false)
    expect(rfpActions({ ...facts, emptied: true }, IVAN, NOW)).toEqual({ submitProject: false, accept: [], empty: false, topUp: false })
    expect(rfpActions(facts, null, NOW)).toEqual({ submitProject: false, accept: [], empty: false, topUp: false })
  })
})
