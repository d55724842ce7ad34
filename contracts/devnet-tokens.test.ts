import { parseEther, parseUnits } from 'viem'
import { describe, expect, it } from 'vitest'
import { devnetPriceFeedAbi, devnetUSDCAbi, openTokenAbi } from '../contracts-abi'
import { OPEN_INITIAL_SUPPLY, USDC_INITIAL_SUPPLY } from '../devnet/deploy'
import { events, expectRevert, useDeployedPortal, type Wallet } from './test-utils'

// The devnet's own contracts: OPEN (18 decimals) and a USDC stand-in (6 decimals) with faucets,
// and Chainlink-style USD price feeds (AggregatorV3Interface reads, answers set by their owner).

const chain = await useDeployedPortal()
const { wallets, write, read, topology, now } = chain
const [deployer, alice] = wallets as [Wallet, Wallet]
const { nativeUsd, openUsd, usdcUsd } = topology.priceFeeds
chain.isolateEachTest()

describe('budget tokens', () => {
  it('OPEN has 18 decimals, USDC 6; the deployer holds the initial supplies', async () => {
    expect(await read({ address: topology.openToken.address, abi: openTokenAbi, functionName: 'decimals' })).toBe(18)
    expect(await read({ address: topology.usdc.address, abi: devnetUSDCAbi, functionName: 'decimals' })).toBe(6)
    expect(await read({ address: topology.usdc.address, abi: devnetUSDCAbi, functionName: 'symbol' })).toBe('USDC')
    expect(await read({ address: topology.openToken.address, abi: openTokenAbi, functionName: 'balanceOf', args: [deployer.account.address] })).toBe(OPEN_INITIAL_SUPPLY)
    expect(await read({ address: topology.usdc.address, abi: devnetUSDCAbi, functionName: 'balanceOf', args: [deployer.account.address] })).toBe(USDC_INITIAL_SUPPLY)
  })

  it('each faucet gives 1,000 whole tokens on the devnet', async () => {
    await write(alice, { address: topology.openToken.address, abi: openTokenAbi, functionName: 'faucet', args: [alice.account.address] })
    await write(alice, { address: topology.usdc.address, abi: devnetUSDCAbi, functionName: 'faucet', args: [alice.account.address] })
    expect(await read({ address: topology.openToken.address, abi: openTokenAbi, functionName: 'balanceOf', args: [alice.account.address] })).toBe(parseEther('1000'))
    expect(await read({ address: topology.usdc.address, abi: devnetUSDCAbi, functionName: 'balanceOf', args: [alice.account.address] })).toBe(parseUnits('1000', 6))
  })
})

describe('USD price feeds', () => {
  type Round = [bigint, bigint, bigint, bigint, bigint]
  const latest = (address: `0x${string}`) => read<Round>({ address, abi: devnetPriceFeedAbi, functionName: 'latestRoundData' })

  it('answer with 8 decimals, like Chainlink’s USD feeds', async () => {
    expect(await read({ address: nativeUsd.address, abi: devnetPriceFeedAbi, functionName: 'decimals' })).toBe(8)
    expect(await read({ address: nativeUsd.address, abi: devnetPriceFeedAbi, functionName: 'description' })).toBe('ETH / USD')
    expect(await read({ address: nativeUsd.address, abi: devnetPriceFeedAbi, functionName: 'version' })).toBe(4n)
    expect((await latest(nativeUsd.address))[1]).toBe(parseUnits('3000', 8))
    expect((await latest(openUsd.address))[1]).toBe(parseUnits('0.05', 8))
    expect((await latest(usdcUsd.address))[1]).toBe(parseUnits('1', 8))
  })

  it('only the owner sets an answer; each answer is a new round and old rounds stay readable', async () => {
    await expectRevert(write(alice, { address: openUsd.address, abi: devnetPriceFeedAbi, functionName: 'setAnswer', args: [1n] }), 'OwnableUnauthorizedAccount')
    const { receipt } = await write(deployer, { address: openUsd.address, abi: devnetPriceFeedAbi, functionName: 'setAnswer', args: [parseUnits('0.07', 8)] })
    const t = await now()
    expect(events(devnetPriceFeedAbi, receipt)).toMatchObject([
      { eventName: 'NewRound', args: { roundId: 2n, startedBy: deployer.account.address, startedAt: t } },
      { eventName: 'AnswerUpdated', args: { current: parseUnits('0.07', 8), roundId: 2n, updatedAt: t } },
    ])
    expect(await latest(openUsd.address)).toEqual([2n, parseUnits('0.07', 8), t, t, 2n])
    const first = await read<Round>({ address: openUsd.address, abi: devnetPriceFeedAbi, functionName: 'getRoundData', args: [1n] })
    expect(first[1]).toBe(parseUnits('0.05', 8))
    await expectRevert(read({ address: openUsd.address, abi: devnetPriceFeedAbi, functionName: 'getRoundData', args: [3n] }), 'No data present')
  })
})
