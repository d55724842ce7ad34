import { describe, expect, it } from 'vitest'
import { useTempDatabase } from '../../test/setup'
import { getProposalPage } from './proposals.server'
import { listNewestTrustlessActions } from './trustless-actions.server'
import { putAction, putDocument, putProposal, putSettings } from './testing/dao-row-fixtures'

// The /dao lists read a page, not every row: counts over all proposals, documents for the page only.

const chainId = 31337

describe('a page of proposals', () => {
  const { db } = useTempDatabase()
  putSettings(db, chainId)
  // 45 proposals: the even ones executed, the odd ones still open at chain time 1 500.
  for (let n = 0; n < 45; n++) {
    putDocument(db, { chainId, uri: `ipfs://p${n}`, kind: 'proposal', status: 'ok', content: { title: `Proposal ${n}`, summary: 's', resources: [] } })
    putProposal(db, { chainId, proposalNumber: n, metadataUri: `ipfs://p${n}`, state: n % 2 === 0 ? 'executed' : 'active', endDate: 2_000 })
  }

  it('counts every state, shows the newest 20, and pages on', () => {
    const first = getProposalPage(db, { chainId, now: 1_500, state: null, page: 1 })
    expect(first.total).toBe(45)
    expect(first.counts).toMatchObject({ executed: 23, active: 22 })
    expect(first.pageCount).toBe(3)
    expect(first.items.map((p) => p.proposalId)).toEqual(Array.from({ length: 20 }, (_, i) => String(44 - i)))
    expect(first.items[0]!.title).toBe('Proposal 44')
    const last = getProposalPage(db, { chainId, now: 1_500, state: null, page: 3 })
    expect(last.items.map((p) => p.proposalId)).toEqual(['4', '3', '2', '1', '0'])
  })

  it('pages within a state', () => {
    const active = getProposalPage(db, { chainId, now: 1_500, state: 'active', page: 2 })
    expect(active.pageCount).toBe(2)
    expect(active.items.map((p) => p.proposalId)).toEqual(['3', '1'])
    expect(active.items.every((p) => p.outcome.state === 'active')).toBe(true)
  })
})

describe('the newest optimistic actions', () => {
  const { db } = useTempDatabase()
  for (let id = 0; id < 30; id++) putAction(db, { chainId, actionId: id, createdBlock: 100 + id, executableFrom: id < 10 ? 1_000 : 5_000 })

  it('shows the newest few and counts all of them by state', () => {
    const list = listNewestTrustlessActions(db, { chainId, now: 2_000, known: new Map(), kind: 'optimistic', limit: 20 })
    expect(list.total).toBe(30)
    expect(list.counts).toMatchObject({ ready: 10, pending: 20 })
    expect(list.items.map((a) => a.actionId)).toEqual(Array.from({ length: 20 }, (_, i) => 29 - i))
  })
})
