import { describe, expect, it } from 'vitest'
import { putCheckpoint } from './testing/dao-row-fixtures'
import { useTempDatabase } from '../../test/setup'
import { getChainNow } from './chain-time.server'

const { db } = useTempDatabase()

describe('chain time', () => {
  const chainId = 101
  it('is the wall clock until something is indexed', () => {
    expect(getChainNow(db, chainId, 500)).toBe(500)
  })

  it('is the indexed block’s time when the chain runs ahead of the wall clock, never behind the wall clock', () => {
    putCheckpoint(db, chainId, { number: 50, timestamp: 1_900 })
    expect(getChainNow(db, chainId, 1_000)).toBe(1_900)
    expect(getChainNow(db, chainId, 2_500)).toBe(2_500)
    expect(getChainNow(db, chainId + 1, 1_000)).toBe(1_000)
  })
})
