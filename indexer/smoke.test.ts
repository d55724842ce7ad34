import { describe, expect, it } from 'vitest'
import { useAnvil, useTempDatabase } from '../test/setup'
import { digestChain } from './digest'
import { indexOnce, testConfig } from './testing/harness'
import { deployWorld, generateWorkload } from './testing/workload'

describe('smoke', () => {
  it('indexes a generated workload', async () => {
    const anvil = await useAnvil()
    const db = useTempDatabase()
    const world = await deployWorld(anvil.rpcUrl)
    const t0 = Date.now()
    const result = await generateWorkload(world, { events: 3000 })
    console.log('workload', result, Date.now() - t0)
    const t1 = Date.now()
    await indexOnce({ sqlite: db.sqlite, config: testConfig(anvil.rpcUrl, world.deployment) })
    console.log('indexed in', Date.now() - t1)
    const d = digestChain(db.sqlite, world.deployment.chainId)
    console.log(Object.fromEntries(Object.entries(d.tables).map(([k, v]) => [k, v.rows])))
    expect(d.tables.raw_logs!.rows).toBeGreaterThan(1000)
  })
})
