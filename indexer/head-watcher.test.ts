import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseEther, type Hex } from 'viem'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tasksAbi } from '#contracts-abi/index'
import { openDatabase } from '#db/client'
import { useAnvil } from '../test/setup'
import { silentLogger } from './logger'
import { createRpcClient } from './rpc/client'
import { createEth } from './rpc/eth'
import { createIndexer } from './sync/indexer'
import { blockNumber, call, rpc, transact } from './testing/chain'
import { testConfig } from './testing/harness'
import { address, deployWorld, type World } from './testing/world'

// Realtime sync with a websocket: new heads wake the indexer at once. The poll interval here is
// 20 s, so a transaction visible within a few seconds can only have come through the subscription;
// an unreachable websocket leaves plain polling working.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'indexer-heads-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))
let world: World
let rpcUrl: string
const manager = address('heads-manager')

beforeAll(async () => {
  rpcUrl = (await useAnvil()).rpcUrl
  world = await deployWorld(rpcUrl)
  await rpc(rpcUrl, 'anvil_setBalance', [manager, '0x56bc75e2d63100000'])
}, 60_000)

/** Runs the indexer until aborted; returns when it has caught up with the head. */
async function follow(name: string, extra: Record<string, string>, { subscribed }: { subscribed: boolean }) {
  const handle = openDatabase(path.join(dir, `${name}.sqlite`))
  const abort = new AbortController()
  const config = testConfig(rpcUrl, world.deployment, { FINALITY_DEPTH: '2', ...extra })
  const indexer = createIndexer({
    sqlite: handle.sqlite,
    eth: createEth(createRpcClient({ url: rpcUrl, logger: silentLogger, signal: abort.signal })),
    config,
    logger: silentLogger,
    signal: abort.signal,
  })
  // The first websocket connection takes a moment to open (blocks before it are polled for).
  expect(await indexer.heads.subscribed()).toBe(subscribed)
  const running = indexer.run().catch(() => {})
  const checkpoint = handle.sqlite.prepare('SELECT block_number FROM sync_checkpoints').pluck()
  await until(async () => checkpoint.get() === (await blockNumber(rpcUrl)), 'initial sync', 30_000)
  const stop = async () => {
    abort.abort()
    await running
    await indexer.close()
    handle.close()
  }
  return { handle, stop }
}

async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

/** Sends a task creation and returns ms from its receipt until its log is in raw_logs. */
async function latencyOfOneTask(handle: ReturnType<typeof openDatabase>, label: string) {
  const hash = await transact(rpcUrl, {
    from: manager,
    to: world.deployment.contracts.tasks.address as Hex,
    data: call(tasksAbi, 'createTask', [`ipfs://heads-${label}`, 2_000_000_000n, manager, manager, [], []]),
    value: parseEther('0.001'),
  })
  const receiptAt = Date.now()
  const visible = handle.sqlite.prepare('SELECT 1 FROM raw_logs WHERE transaction_hash = ?').pluck()
  await until(() => Boolean(visible.get(hash.toLowerCase())), `transaction ${label} indexed`, 15_000)
  return Date.now() - receiptAt
}

describe('new heads over a websocket', () => {
  it('indexes a new block as soon as it arrives, long before the poll interval', async () => {
    const { handle, stop } = await follow('ws', { POLL_INTERVAL_MS: '20000', RPC_WS_URL: rpcUrl.replace('http://', 'ws://') }, { subscribed: true })
    try {
      for (const label of ['a', 'b', 'c']) expect(await latencyOfOneTask(handle, label)).toBeLessThan(3_000)
    } finally {
      await stop()
    }
  }, 60_000)

  it('keeps polling when the websocket cannot be reached', async () => {
    const { handle, stop } = await follow('no-ws', { POLL_INTERVAL_MS: '300', RPC_WS_URL: 'ws://127.0.0.1:9' }, { subscribed: false })
    try {
      expect(await latencyOfOneTask(handle, 'd')).toBeLessThan(3_000)
    } finally {
      await stop()
    }
  }, 60_000)
})
