import { it } from 'vitest'
import { useAnvil } from '../test/setup'
import { deployWorld, generateWorkload } from './testing/workload'
import { rpc } from './testing/chain'
it('debug', async () => {
  const anvil = await useAnvil()
  const world = await deployWorld(anvil.rpcUrl)
  await generateWorkload(world, { events: 3000, seed: 5 })
  const head = Number.parseInt(await rpc<string>(anvil.rpcUrl, 'eth_blockNumber'), 16)
  for (let b = head - 25; b <= head; b++) {
    const hex = '0x' + b.toString(16)
    let t = performance.now()
    const block = await rpc<any>(anvil.rpcUrl, 'eth_getBlockByNumber', [hex, false])
    const tb = performance.now() - t
    t = performance.now()
    const rs = await rpc<any[]>(anvil.rpcUrl, 'eth_getBlockReceipts', [hex])
    const tr = performance.now() - t
    t = performance.now()
    const logs = await rpc<any[]>(anvil.rpcUrl, 'eth_getLogs', [{ fromBlock: hex, toBlock: hex }])
    const tl = performance.now() - t
    console.log(b, 'txs', block.transactions.length, 'block', tb.toFixed(1), 'receipts', tr.toFixed(1), 'logs', logs.length, tl.toFixed(1))
  }
}, 120000)
