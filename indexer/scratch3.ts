import { rpc, rpcBatch } from './testing/chain'
const url = process.env.SCRATCH_RPC!
const head = Number.parseInt(await rpc<string>(url, 'eth_blockNumber'), 16)
for (const b of [5, 60, head - 1]) {
  const blk = await rpc<any>(url, 'eth_getBlockByNumber', ['0x' + b.toString(16), false])
  const calls = Array.from({ length: 200 }, (_, i) => ({ method: 'eth_getBalance', params: ['0x' + (i + 1).toString(16).padStart(40, '0'), { blockHash: blk.hash }] }))
  let t = performance.now()
  await rpcBatch(url, calls)
  console.log('block', b, '200 getBalance batch', (performance.now() - t).toFixed(1))
  t = performance.now()
  for (const c of calls.slice(0, 50)) await rpc(url, c.method, c.params)
  console.log('block', b, '50 sequential', (performance.now() - t).toFixed(1))
}
