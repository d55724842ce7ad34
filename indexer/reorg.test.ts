import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseEther, type Hex } from 'viem'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tasksAbi } from '../contracts-abi'
import { openDatabase, type DatabaseHandle } from '../db/client'
import { useAnvil } from '../test/setup'
import { digestChain } from './digest'
import { silentLogger } from './logger'
import { DeepReorgError } from './rpc/errors'
import { createRpcClient } from './rpc/client'
import { createEth } from './rpc/eth'
import { createIndexer } from './sync/indexer'
import type { TickResult } from './sync/realtime'
import { call, mine, rpc, type Tx } from './testing/chain'
import { indexOnce, testConfig } from './testing/harness'
import { address, deployWorld, generateWorkload, inOneBlock, type World } from './testing/workload'
import { getIndexerStatus } from './status'

// Reorgs during realtime sync (anvil_reorg replaces the last blocks with blocks holding other
// transactions): after each, the live DB must equal a fresh index of the canonical chain. A reorg
// deeper than the finality depth must stop the indexer with a clear reason, never diverge silently.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'indexer-reorg-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))
let world: World
let rpcUrl: string
let serial = 0

beforeAll(async () => {
  rpcUrl = (await useAnvil()).rpcUrl
  world = await deployWorld(rpcUrl)
  await generateWorkload(world, { events: 600, seed: 11, tasksPerCohort: 40 })
}, 60_000)

function taskTx(from: Hex): Tx {
  const id = serial++
  return {
    from,
    to: world.deployment.contracts.tasks.address as Hex,
    data: call(tasksAbi, 'createTask', [`ipfs://reorg-${id}`, 2_000_000_000n, from, from, [], []]),
    value: parseEther('0.01'),
    gas: 800_000n,
  }
}

/** Blocks with events: a task created and an application, in each of `count` blocks. */
async function activeBlocks(count: number) {
  for (let i = 0; i < count; i++) {
    const manager = address(`reorg-manager-${serial}`)
    await rpc(rpcUrl, 'anvil_setBalance', [manager, '0x56bc75e2d63100000'])
    await inOneBlock(world, [taskTx(manager), taskTx(manager)])
  }
}

async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

async function freshDigest(name: string) {
  const handle = openDatabase(path.join(dir, `${name}.sqlite`))
  await indexOnce({ sqlite: handle.sqlite, config: testConfig(rpcUrl, world.deployment) })
  const digest = digestChain(handle.sqlite, world.deployment.chainId)
  handle.close()
  return digest
}

function follow(handle: DatabaseHandle, extra: Record<string, string> = {}) {
  const abort = new AbortController()
  const ticks: TickResult[] = []
  const config = testConfig(rpcUrl, world.deployment, { POLL_INTERVAL_MS: '100', ...extra })
  const eth = createEth(createRpcClient({ url: rpcUrl, logger: silentLogger, signal: abort.signal }))
  const indexer = createIndexer({ sqlite: handle.sqlite, eth, config, logger: silentLogger, signal: abort.signal, events: { onTick: (t) => ticks.push(t) } })
  const running = indexer.run()
  running.catch(() => {})
  return { abort, ticks, running, config }
}

async function caughtUp(handle: DatabaseHandle) {
  const latest = await rpc<{ number: Hex; hash: Hex }>(rpcUrl, 'eth_getBlockByNumber', ['latest', false])
  const checkpoint = handle.sqlite.prepare('SELECT block_number AS n, block_hash AS h FROM sync_checkpoints WHERE chain_id = ?').get(world.deployment.chainId) as
    | { n: number; h: string }
    | undefined
  return checkpoint?.n === Number(latest.number) && checkpoint.h === latest.hash
}

describe('reorgs during realtime sync', () => {
  it('rolls back to the common ancestor and re-applies (depth 1, 3, 6)', async () => {
    const live = openDatabase(path.join(dir, 'live.sqlite'))
    const { abort, ticks, running } = follow(live)
    await until(() => caughtUp(live), 'initial sync')
    for (const depth of [1, 3, 6]) {
      await activeBlocks(depth + 2)
      await until(() => caughtUp(live), `blocks before the depth-${depth} reorg`)
      const before = digestChain(live.sqlite, world.deployment.chainId)
      const manager = address(`reorg-new-${depth}`)
      await rpc(rpcUrl, 'anvil_setBalance', [manager, '0x56bc75e2d63100000'])
      const replacement = Array.from({ length: depth }, (_, offset) => {
        const tx = taskTx(manager)
        return [{ from: tx.from, to: tx.to, data: tx.data, value: `0x${tx.value!.toString(16)}`, gas: `0x${tx.gas.toString(16)}` }, offset]
      })
      await rpc(rpcUrl, 'anvil_reorg', [depth, replacement])
      await until(() => ticks.some((t) => t.kind === 'reorg' && t.depth === depth), `the depth-${depth} reorg to be seen`)
      await until(() => caughtUp(live), `sync after the depth-${depth} reorg`)
      const after = digestChain(live.sqlite, world.deployment.chainId)
      expect(after.digest).not.toEqual(before.digest)
      expect(after).toEqual(await freshDigest(`fresh-${depth}`))
      // The replacement transactions' tasks are there, the replaced blocks' ones are gone.
      const titles = live.sqlite.prepare("SELECT metadata_uri FROM tasks WHERE metadata_uri LIKE 'ipfs://reorg-%'").pluck().all()
      expect(titles.length).toBeGreaterThan(0)
    }
    abort.abort()
    await running
    live.close()
  }, 90_000)

  it('halts with a clear reason on a reorg deeper than finality', async () => {
    const live = openDatabase(path.join(dir, 'deep.sqlite'))
    const { ticks, running, config } = follow(live, { FINALITY_DEPTH: '4' })
    await until(() => caughtUp(live), 'initial sync')
    await activeBlocks(3)
    await mine(rpcUrl, 6)
    await until(() => caughtUp(live), 'sync before the deep reorg')
    const manager = address('deep-reorg')
    await rpc(rpcUrl, 'anvil_setBalance', [manager, '0x56bc75e2d63100000'])
    const tx = taskTx(manager)
    await rpc(rpcUrl, 'anvil_reorg', [8, [[{ from: tx.from, to: tx.to, data: tx.data, value: '0x2386f26fc10000', gas: '0xc3500' }, 0]]])
    await expect(running).rejects.toBeInstanceOf(DeepReorgError)
    const status = getIndexerStatus(live.db, world.deployment.chainId)
    expect(status?.halted).toMatch(/deeper than finality/)
    expect(ticks.some((t) => t.kind === 'reorg')).toBe(false)
    expect(config.finalityDepth).toBe(4)
    live.close()
  }, 60_000)
})
