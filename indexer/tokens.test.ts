import { encodeAbiParameters, parseEther, parseUnits, stringToHex, toHex, type Hex } from 'viem'
import { beforeAll, describe, expect, it } from 'vitest'
import { devnetUSDCAbi, tasksAbi } from '#contracts-abi/index'
import { useAnvil, useTempDatabase } from '../test/setup'
import { decodeTokenMetadata, unansweredTokenRead, type CallAnswer } from './reads/token-metadata'
import { silentLogger } from './logger'
import { rebuildProjections } from './projections/rebuild'
import { call, rpc, transact } from './testing/chain'
import { indexOnce, testConfig } from './testing/harness'
import { address, deployWorld, type World } from './testing/world'

// Budget tokens' symbol and decimals, read on chain by the indexer into the `tokens` projection:
// a real 6-decimal token by its own symbol, a contract that answers nothing readable stored with
// its problem (the page then shows it by address), and the same rows after a rebuild.

let world: World
beforeAll(async () => {
  world = await deployWorld((await useAnvil()).rpcUrl)
}, 60_000)

const ok = (value: Hex): CallAnswer => ({ ok: true, value })
const word = (n: bigint) => toHex(n, { size: 32 })
const someCode = ok('0x6080')

describe('decoding what a token answers', () => {
  it('reads a string symbol, a bytes32 symbol (as early tokens have) and decimals', () => {
    const str = (s: string) => ok(encodeAbiParameters([{ type: 'string' }], [s]))
    expect(decodeTokenMetadata([someCode, str('USDC'), str('USD Coin'), ok(word(6n))])).toEqual({ symbol: 'USDC', name: 'USD Coin', decimals: 6, problem: null })
    const bytes32 = ok(stringToHex('MKR', { size: 32 }))
    expect(decodeTokenMetadata([someCode, bytes32, bytes32, ok(word(18n))])).toMatchObject({ symbol: 'MKR', decimals: 18, problem: null })
  })

  it('stores nonsense as a problem rather than as a symbol or decimals', () => {
    const str = (s: string) => ok(encodeAbiParameters([{ type: 'string' }], [s]))
    expect(decodeTokenMetadata([ok('0x'), str('X'), str('X'), ok(word(6n))])).toMatchObject({ symbol: null, decimals: null, problem: 'no contract at this address' })
    const absurd = decodeTokenMetadata([someCode, str('BIG'), str('Big'), ok(word(255n))])
    expect(absurd).toMatchObject({ symbol: 'BIG', decimals: null })
    expect(absurd.problem).toMatch(/decimals\(\) answered an impossible value/)
    const reverted = decodeTokenMetadata([someCode, { ok: false, error: 'execution reverted' }, { ok: false, error: 'execution reverted' }, { ok: false, error: 'execution reverted' }])
    expect(reverted).toMatchObject({ symbol: null, decimals: null, problem: 'symbol() reverted; decimals() reverted' })
    // Control characters vanish; a "symbol" of 200 characters or of nothing readable is none.
    expect(decodeTokenMetadata([someCode, str('U\u0000S\u202eD'), str(''), ok(word(2n))]).symbol).toBe('USD')
    expect(decodeTokenMetadata([someCode, str('A'.repeat(200)), str(''), ok(word(2n))]).symbol).toBeNull()
    expect(decodeTokenMetadata([someCode, str('\u0007\u0008'), str(''), ok(word(2n))]).problem).toMatch(/no readable symbol/)
  })

  it('tells a node that could not answer (to read again) from a token that reverted (its answer)', () => {
    const missing = { ok: false as const, error: 'missing trie node 5a4b… state is not available' }
    const reverted = { ok: false as const, error: 'execution reverted' }
    expect(unansweredTokenRead([missing, missing, missing, missing])).toBe(missing.error)
    expect(unansweredTokenRead([someCode, reverted, missing, reverted])).toBe(missing.error)
    expect(unansweredTokenRead([someCode, reverted, reverted, reverted])).toBeNull()
    expect(unansweredTokenRead([ok('0x'), reverted, reverted, reverted])).toBeNull()
  })
})

describe('the tokens projection', () => {
  it('holds each budget token as the chain answered, the same after a rebuild', async () => {
    const { rpcUrl, deployer } = world
    const tasks = world.deployment.contracts.tasks.address
    const usdc = world.deployment.contracts.usdc!.address
    // A contract that answers 1 to every call: Tasks accepts its transferFrom (true) and its
    // balanceOf, but its "symbol" is the bytes 0x00…01, nothing a person can read.
    const mute = address('answers-one token')
    await rpc(rpcUrl, 'anvil_setCode', [mute, '0x600160005260206000f3'])
    await transact(rpcUrl, { from: deployer, to: usdc, data: call(devnetUSDCAbi, 'approve', [tasks, parseUnits('10000', 6)]) })
    const createTx = {
      from: deployer,
      to: tasks,
      data: call(tasksAbi, 'createTask', [
        'ipfs://task',
        4_000_000_000n,
        deployer,
        deployer,
        [
          { tokenContract: usdc, amount: parseUnits('1500.25', 6) },
          { tokenContract: mute, amount: 5n },
        ],
        [],
      ]),
      value: parseEther('0.01'),
    }
    await transact(rpcUrl, createTx)
    const db = useTempDatabase()
    await indexOnce({ sqlite: db.sqlite, config: testConfig(world.rpcUrl, world.deployment) })
    const rows = () => db.sqlite.prepare('SELECT address, symbol, name, decimals, problem FROM tokens ORDER BY address').all()
    const expected = [
      { address: usdc.toLowerCase(), symbol: 'USDC', name: expect.any(String), decimals: 6, problem: null },
      { address: mute.toLowerCase(), symbol: null, name: null, decimals: 1, problem: 'symbol() answered no readable symbol' },
    ].sort((a, b) => a.address.localeCompare(b.address))
    expect(rows()).toEqual(expected)
    rebuildProjections({ sqlite: db.sqlite, chainId: world.deployment.chainId, config: testConfig(world.rpcUrl, world.deployment), logger: silentLogger })
    expect(rows()).toEqual(expected)
  })
})
