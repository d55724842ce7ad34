import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseEther, toHex, type Hex } from 'viem'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { erc721CountTrustlessManagementAbi, rfpsAbi, tasksAbi, verifiedContributorAbi, verifiedContributorTagManagerAbi } from '#contracts-abi/index'
import { ALWAYS_ALLOWED } from '#devnet/topology'
import { openDatabase, type DatabaseHandle } from '#db/client'
import { getIndexerStatus } from '#db/indexer-status'
import { useAnvil } from '../test/setup'
import { digestChain } from './digest'
import { createLogger, silentLogger } from './logger'
import { DeepReorgError } from './errors'
import { createRpcClient } from './rpc/client'
import { createEth } from './rpc/eth'
import { createIndexer } from './sync/indexer'
import { createRealtimeSync, type TickResult } from './sync/realtime'
import { call, mine, rpc, type Tx } from './testing/chain'
import { indexOnce, testConfig } from './testing/harness'
import { generateWorkload } from './testing/workload'
import { createOptimisticAction, topologyOf } from './testing/governance-traffic'
import { address, deployWorld, fund, inOneBlock, type World } from './testing/world'
import { emptyProjections } from './testing/projection-coverage'

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

it('starts from a workload that fills every projection table', async () => {
  expect(emptyProjections(await freshDigest('coverage'))).toEqual([])
})

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

const rolledBackTables = ['dao_members', 'ovc_tokens', 'ovc_tags', 'ovc_default_tokens', 'rfp_projects', 'trustless_actions', 'trustless_permissions', 'chain_activity']

/** OVC tokens minted by activeBlocks and not tagged yet: the next active block tags them. */
let untagged: bigint[] = []

/**
 * What a block of activity writes on Openmesh's topology, beside two tasks: an OVC minted (members,
 * tokens) and the previous block's token tagged (tags, default tokens); a project submitted to an
 * RFP; an optimistic action created by a member through asDAO (actions, their creator); a
 * permission changed by the Openmesh DAO (permissions). The replacement blocks hold tasks only, so
 * a reorg must undo every one of these rows.
 */
async function topologyTxs(manager: Hex): Promise<Tx[]> {
  const { ovc, tagManager, rfps, countTm, optimistic, departments } = topologyOf(world)
  // A reorg may have dropped the block that minted them.
  const exists = async (id: bigint) => rpc(rpcUrl, 'eth_call', [{ to: ovc, data: call(verifiedContributorAbi, 'ownerOf', [id]) }, 'latest']).then(() => true, () => false)
  const taggable = (await Promise.all(untagged.map(async (id) => ((await exists(id)) ? [id] : [])))).flat()
  const member = world.voters.dispute[0]!
  const tokenId = BigInt(9_000_000 + serial)
  const txs: Tx[] = [
    { from: world.dao, to: ovc, data: call(verifiedContributorAbi, 'mint', [address(`reorg-member-${serial}`), tokenId]), gas: 300_000n },
    { from: manager, to: rfps, data: call(rfpsAbi, 'submitProject', [0n, `ipfs://reorg-project-${serial}`, 2_000_000_000n, [], []]), gas: 400_000n },
    createOptimisticAction(world, member, { manager: countTm, dao: world.dao, role: 1n }, [], `ipfs://reorg-action-${serial}`),
    {
      from: world.dao,
      to: countTm,
      data: call(erc721CountTrustlessManagementAbi, 'changeFunctionAccess', [world.dao, 1n, optimistic, toHex(serial, { size: 4 }), ALWAYS_ALLOWED]),
      gas: 200_000n,
    },
    ...taggable.map((id) => ({
      from: departments.expert.smartAccount.address.toLowerCase() as Hex,
      to: tagManager,
      data: call(verifiedContributorTagManagerAbi, 'addTag', [id, departments.expert.tag]),
      gas: 300_000n,
    })),
  ]
  untagged = [tokenId]
  return txs
}

/** Blocks with events of every projection: two tasks created, and the topology's activity (topologyTxs), in each of `count` blocks. */
async function activeBlocks(count: number) {
  await fund(world, [world.dao, world.deployment.topology.departments.expert.smartAccount.address.toLowerCase() as Hex])
  for (let i = 0; i < count; i++) {
    const manager = address(`reorg-manager-${serial}`)
    await rpc(rpcUrl, 'anvil_setBalance', [manager, '0x56bc75e2d63100000'])
    await inOneBlock(world, [taskTx(manager), taskTx(manager), ...(await topologyTxs(manager))])
  }
}

/** anvil_reorg, after which the replaced blocks' senders have other nonces: the sender asks again. */
async function reorgChain(depth: number, replacement: unknown[]) {
  await rpc(rpcUrl, 'anvil_reorg', [depth, replacement])
  world.sender.forget()
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
      await reorgChain(depth, replacement)
      await until(() => ticks.some((t) => t.kind === 'reorg' && t.depth === depth), `the depth-${depth} reorg to be seen`)
      await until(() => caughtUp(live), `sync after the depth-${depth} reorg`)
      const after = digestChain(live.sqlite, world.deployment.chainId)
      expect(after.digest).not.toEqual(before.digest)
      // The replaced blocks wrote rows of the topology's tables (topologyTxs), which the rollback undid.
      for (const table of rolledBackTables) expect(after.tables[table]!.digest, `${table}: the replaced blocks' rows are undone`).not.toBe(before.tables[table]!.digest)
      expect(after).toEqual(await freshDigest(`fresh-${depth}`))
      // The replacement transactions' tasks are there, the replaced blocks' ones are gone.
      const titles = live.sqlite.prepare("SELECT metadata_uri FROM tasks WHERE metadata_uri LIKE 'ipfs://reorg-%'").pluck().all()
      expect(titles.length).toBeGreaterThan(0)
    }
    abort.abort()
    await running
    live.close()
  }, 90_000)

  it('uses the tip prefetched during the backfill, and rolls it back if a reorg replaced it before the write', async () => {
    const live = openDatabase(path.join(dir, 'prefetch.sqlite'))
    const abort = new AbortController()
    const lines: { msg: string; prefetched?: boolean }[] = []
    const logger = createLogger({ format: 'json', level: 'info', write: (line) => lines.push(JSON.parse(line)) })
    const config = testConfig(rpcUrl, world.deployment)
    const eth = createEth(createRpcClient({ url: rpcUrl, logger: silentLogger, signal: abort.signal }))
    const indexer = createIndexer({ sqlite: live.sqlite, eth, config, logger, signal: abort.signal })
    await indexer.run({ once: true })
    // The first run's backfill prefetched its tip, and the tick wrote it without fetching again.
    expect(lines.filter((l) => l.msg === 'batch').map((l) => l.prefetched)).toEqual([true])

    await activeBlocks(4)
    const indexed = indexer.checkpoints.get()!.blockNumber
    const head = Number(await rpc<Hex>(rpcUrl, 'eth_blockNumber', []))
    const tip = indexer.realtime.prefetch(indexed + 1, head)
    const prefetched = await tip.promise
    expect(prefetched?.toBlock).toBe(head)
    // The last two prefetched blocks are replaced, and the chain moves on past them: the tick
    // cannot tell, writes the stale blocks, and the next tick must see it and roll them back.
    const manager = address('prefetch-reorg')
    await rpc(rpcUrl, 'anvil_setBalance', [manager, '0x56bc75e2d63100000'])
    const tx = taskTx(manager)
    await reorgChain(2, [[{ from: tx.from, to: tx.to, data: tx.data, value: '0x2386f26fc10000', gas: '0xc3500' }, 1]])
    await mine(rpcUrl, 1)
    const stale = await indexer.realtime.tick(tip)
    expect(stale).toMatchObject({ kind: 'indexed', indexedBlock: head })
    expect(lines.at(-1)).toMatchObject({ msg: 'batch', prefetched: true })
    const reorg = await indexer.realtime.tick()
    expect(reorg).toMatchObject({ kind: 'reorg', depth: 2 })
    await indexer.run({ once: true })
    expect(await caughtUp(live)).toBe(true)
    expect(digestChain(live.sqlite, world.deployment.chainId)).toEqual(await freshDigest('fresh-prefetch'))

    // Same height, other block: the prefetched tip is not used at all.
    await activeBlocks(2)
    const again = indexer.realtime.prefetch(indexer.checkpoints.get()!.blockNumber + 1, Number(await rpc<Hex>(rpcUrl, 'eth_blockNumber', [])))
    await again.promise
    await reorgChain(1, [[{ ...tx, value: '0x2386f26fc10000', gas: '0xc3500' }, 0]])
    expect(await indexer.realtime.tick(again)).toMatchObject({ kind: 'indexed' })
    expect(lines.at(-1)).toMatchObject({ msg: 'batch', prefetched: false })
    expect(await caughtUp(live)).toBe(true)
    expect(digestChain(live.sqlite, world.deployment.chainId)).toEqual(await freshDigest('fresh-prefetch-2'))

    // What a discarded tip taught (the escrows of tasks created in it) is forgotten; a used one's is kept.
    const forgotten: number[] = []
    const realtime = createRealtimeSync({
      eth: indexer.eth,
      fetcher: indexer.fetcher,
      writer: indexer.writer,
      checkpoints: indexer.checkpoints,
      rollback: () => {
        throw new Error('no rollback expected')
      },
      forgetFetchedAbove: (blockNumber) => forgotten.push(blockNumber),
      finalityDepth: config.finalityDepth,
      logger: silentLogger,
    })
    await activeBlocks(1)
    const start = indexer.checkpoints.get()!.blockNumber + 1
    const discarded = realtime.prefetch(start, Number(await rpc<Hex>(rpcUrl, 'eth_blockNumber', [])))
    await discarded.promise
    await reorgChain(1, [[{ ...tx, value: '0x2386f26fc10000', gas: '0xc3500' }, 0]])
    expect(await realtime.tick(discarded)).toMatchObject({ kind: 'indexed' })
    expect(forgotten).toEqual([start - 1])
    await activeBlocks(1)
    const used = realtime.prefetch(indexer.checkpoints.get()!.blockNumber + 1, Number(await rpc<Hex>(rpcUrl, 'eth_blockNumber', [])))
    await used.promise
    expect(await realtime.tick(used)).toMatchObject({ kind: 'indexed' })
    expect(forgotten).toEqual([start - 1])
    await indexer.close()
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
    await reorgChain(8, [[{ from: tx.from, to: tx.to, data: tx.data, value: '0x2386f26fc10000', gas: '0xc3500' }, 0]])
    await expect(running).rejects.toBeInstanceOf(DeepReorgError)
    const status = getIndexerStatus(live.db, world.deployment.chainId)
    expect(status?.halted).toMatch(/deeper than finality/)
    expect(ticks.some((t) => t.kind === 'reorg')).toBe(false)
    expect(config.finalityDepth).toBe(4)
    live.close()
  }, 60_000)
})
