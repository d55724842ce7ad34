import { it } from 'vitest'
import { useAnvil, useTempDatabase } from '../test/setup'
import { deployWorld, generateWorkload, timing } from './testing/workload'
import { indexOnce, testConfig } from './testing/harness'
import { createLogger } from './logger'
it('debug', async () => {
  const anvil = process.env.SCRATCH_RPC ? { rpcUrl: process.env.SCRATCH_RPC } : await useAnvil()
  const world = await deployWorld(anvil.rpcUrl)
  const origSend = world.sender.send
  let sendMs = 0
  world.sender.send = async (txs, b) => { const t = Date.now(); const r = await origSend(txs, b); sendMs += Date.now() - t; return r }
  const t = Date.now()
  const r = await generateWorkload(world, { events: 10000, seed: 5 })
  console.log('workload', r, Date.now() - t, 'send', sendMs, timing)
  const db = useTempDatabase()
  const t2 = Date.now()
  await indexOnce({ sqlite: db.sqlite, config: testConfig(anvil.rpcUrl, world.deployment), logger: createLogger({ format: 'json', level: 'info' }) })
  console.log('index', Date.now() - t2)
}, 120000)
