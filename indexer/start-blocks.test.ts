import type { Hex } from 'viem'
import { describe, expect, it } from 'vitest'
import { useAnvil, useTempDatabase } from '../test/setup'
import { silentLogger } from './logger'
import { createRpcClient } from './rpc/client'
import { createEth } from './rpc/eth'
import { findStartBlocks, firstBlockWithCode, StartBlockError } from './sync/start-blocks'
import { mine, receiptOf, rpc } from './testing/chain'
import { startRpcProxy } from './testing/rpc-proxy'

// A contract the deployment gives no start block (Openmesh's records none) is indexed from the
// first block with its code: found by binary search on eth_getCode, stored, and not searched again.

/** Creation code of a contract whose runtime code is `PUSH1 42 …` (10 bytes). */
const CREATION = '0x600a600c600039600a6000f3602a60005260206000f3'
const DEPLOYER: Hex = '0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266'

async function deployAtBlock(rpcUrl: string, emptyBlocksBefore: number): Promise<{ address: Hex; block: number }> {
  await mine(rpcUrl, emptyBlocksBefore)
  const hash = await rpc<Hex>(rpcUrl, 'eth_sendTransaction', [{ from: DEPLOYER, data: CREATION }])
  const receipt = await receiptOf<{ contractAddress: Hex; blockNumber: Hex }>(rpcUrl, hash)
  await mine(rpcUrl, 37)
  return { address: receipt.contractAddress.toLowerCase() as Hex, block: Number(receipt.blockNumber) }
}

const ethOf = (url: string, fallbackUrl?: string) => createEth(createRpcClient({ url, fallbackUrl, logger: silentLogger, maxAttempts: 2, baseDelayMs: 1 }))

describe('start blocks found by eth_getCode', () => {
  it('finds the block a contract was deployed in, stores it, and does not search again', async () => {
    const anvil = await useAnvil()
    const db = useTempDatabase()
    const deployed = await deployAtBlock(anvil.rpcUrl, 123)
    expect(deployed.block).toBe(124)
    const eth = ethOf(anvil.rpcUrl)
    const head = await eth.blockNumber()
    expect(await firstBlockWithCode(eth, { kind: 'tasks', address: deployed.address }, head)).toBe(deployed.block)

    const contracts = [
      { kind: 'tasks' as const, address: deployed.address, startBlock: null },
      { kind: 'rfps' as const, address: '0x00000000000000000000000000000000000000aa' as Hex, startBlock: 5 },
    ]
    const lines: unknown[] = []
    const logger = { ...silentLogger, info: (msg: string, fields?: object) => lines.push({ msg, ...fields }) }
    const found = await findStartBlocks({ sqlite: db.sqlite, eth, chainId: 31337, contracts, logger })
    expect([...found]).toEqual([[deployed.address, deployed.block]])
    expect(lines).toEqual([expect.objectContaining({ msg: expect.stringContaining('found the start block'), address: deployed.address, startBlock: deployed.block })])
    expect(db.sqlite.prepare('SELECT chain_id, address, block_number FROM contract_start_blocks').all()).toEqual([
      { chain_id: 31337, address: deployed.address, block_number: deployed.block },
    ])

    // Stored: a second start asks the node nothing.
    const unreachable = ethOf('http://127.0.0.1:9')
    expect([...(await findStartBlocks({ sqlite: db.sqlite, eth: unreachable, chainId: 31337, contracts, logger: silentLogger }))]).toEqual([[deployed.address, deployed.block]])
  })

  it('says what is wrong when the address has no code, or the node lacks the old state', async () => {
    const anvil = await useAnvil()
    const deployed = await deployAtBlock(anvil.rpcUrl, 10)
    const eth = ethOf(anvil.rpcUrl)
    const head = await eth.blockNumber()
    await expect(firstBlockWithCode(eth, { kind: 'tasks', address: '0x00000000000000000000000000000000000000aa' }, head)).rejects.toThrow(
      /tasks 0x0{38}aa has no code at the head \(block \d+\): is it deployed on this chain\?/,
    )

    const pruned = await startRpcProxy({ upstream: anvil.rpcUrl, prunedState: true })
    try {
      const error = await firstBlockWithCode(ethOf(pruned.url), { kind: 'tasks', address: deployed.address }, head).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(StartBlockError)
      expect((error as Error).message).toMatch(/the RPC has no state of block \d+ .*Set RPC_FALLBACK_URL to an archive node, or give its startBlock/)
      // With an archive node as the fallback, the old state is asked of it.
      expect(await firstBlockWithCode(ethOf(pruned.url, anvil.rpcUrl), { kind: 'tasks', address: deployed.address }, head)).toBe(deployed.block)
    } finally {
      await pruned.close()
    }
  })
})
