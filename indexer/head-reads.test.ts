import { parseEther, parseEventLogs, type Hex, type RpcLog } from 'viem'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTokenAbi, tasksAbi } from '#contracts-abi/index'
import { useAnvil, useTempDatabase } from '../test/setup'
import { indexOnce, testConfig } from './testing/harness'
import { call, rpc, transact } from './testing/chain'
import { startRpcProxy, type RpcProxy } from './testing/rpc-proxy'
import { deployWorld, type World } from './testing/world'

// Following the head, the indexer reads a task's escrow at the block of its BudgetChanged, which
// is then the node's newest block. Anvil answers such a read from its live state: a block mined
// while the read is out leaks into the answer (the flaky re-index this test pins down: a balance
// read after the task was paid out). The proxy makes that happen on every run.

let world: World
const proxies: RpcProxy[] = []
afterAll(async () => {
  for (const p of proxies) await p.close()
})

beforeAll(async () => {
  world = await deployWorld((await useAnvil()).rpcUrl)
}, 60_000)

/** A task funded with 100 OPEN, then raised by 10: its BudgetChanged is in the newest block. */
async function taskRaisedInNewestBlock() {
  const { rpcUrl, deployer } = world
  const tasks = world.deployment.contracts.tasks.address
  const open = world.deployment.contracts.openToken!.address
  await transact(rpcUrl, { from: deployer, to: open, data: call(openTokenAbi, 'approve', [tasks, parseEther('1000')]) })
  const created = await transact(rpcUrl, {
    from: deployer,
    to: tasks,
    data: call(tasksAbi, 'createTask', ['ipfs://task', 4_000_000_000n, deployer, deployer, [{ tokenContract: open, amount: parseEther('100') }], []]),
    value: parseEther('0.02'),
  })
  const receipt = await rpc<{ logs: RpcLog[] }>(rpcUrl, 'eth_getTransactionReceipt', [created])
  const [event] = parseEventLogs({ abi: tasksAbi, logs: receipt.logs, eventName: 'TaskCreated' })
  const { taskId, escrow } = event!.args as { taskId: bigint; escrow: Hex }
  await transact(rpcUrl, { from: deployer, to: tasks, data: call(tasksAbi, 'increaseBudget', [taskId, [parseEther('10')]]), value: parseEther('0.01') })
  const block = await rpc<{ hash: Hex; number: Hex }>(rpcUrl, 'eth_getBlockByNumber', ['latest', false])
  return { taskId, escrow, open, block }
}

describe('reads of the newest block', () => {
  it('store what the escrow held at that block, not what a block mined meanwhile left there', async () => {
    const { taskId, escrow, open, block } = await taskRaisedInNewestBlock()
    // While the indexer's read of that block is out, 5 OPEN more reach the escrow in a new block.
    const proxy = await startRpcProxy({
      upstream: world.rpcUrl,
      headReadsFromLiveState: {
        meanwhile: async () => {
          await transact(world.rpcUrl, { from: world.deployer, to: open, data: call(openTokenAbi, 'transfer', [escrow, parseEther('5')]) })
        },
      },
    })
    proxies.push(proxy)
    const db = useTempDatabase()
    await indexOnce({ sqlite: db.sqlite, config: testConfig(proxy.url, world.deployment) })
    // The race happened: a read of the newest block was answered from the later state.
    expect(proxy.faultsInjected.get('headReadFromLiveState') ?? 0).toBeGreaterThan(0)

    const stored = db.sqlite
      .prepare("SELECT result FROM raw_reads WHERE block_hash = ? AND kind = 'escrowBalances' AND key = ?")
      .pluck()
      .get(block.hash, taskId.toString()) as string
    expect(JSON.parse(stored)).toEqual({
      native: parseEther('0.03').toString(),
      tokens: [{ token: open.toLowerCase(), amount: parseEther('110').toString() }],
    })
    const budget = db.sqlite.prepare('SELECT token, amount FROM task_budgets WHERE task_id = ?').all(Number(taskId))
    expect(budget).toEqual([{ token: open.toLowerCase(), amount: parseEther('110').toString() }])
  })
})
