import { encodeFunctionData, getAddress, parseEther, toFunctionSelector, toHex } from 'viem'
import { beforeAll, describe, expect, it } from 'vitest'
import { openTokenAbi, smartAccountAbi, smartAccountTrustlessExecutionAbi, verifiedContributorAbi } from '../contracts-abi'
import { events, expectRevert, useDeployedPortal, type Wallet } from './test-utils'
import { withAllErrors } from './topology-helpers'

// A department smart account against a real anvil: only its owner (the department DAO) makes it
// call or delegatecall; other selectors go to installed modules (the trustless-execution module
// gives it `execute`, for the TrustlessManagement contracts it allows); it takes plain transfers.

const chain = await useDeployedPortal()
const { wallets, write, read, topology, publicClient, impersonate } = chain
const coreMember = topology.departments.coreMember
const account = coreMember.smartAccount.address
const owner = coreMember.dao.address
const module = topology.smartAccountTrustlessExecution.address
const open = topology.openToken.address
const [deployer, alice] = wallets as [Wallet, Wallet]
const payee = getAddress('0x000000000000000000000000000000000000beef')
const abi = withAllErrors([...smartAccountAbi, ...smartAccountTrustlessExecutionAbi])
const EXECUTE = toFunctionSelector('execute(bytes32,(address,uint256,bytes)[],uint256)')

let asOwner: Wallet
const send = (wallet: Wallet, functionName: string, args: readonly unknown[]) => write(wallet, { address: account, abi, functionName, args })

beforeAll(async () => {
  asOwner = await impersonate(owner)
  await deployer.sendTransaction({ to: account, value: parseEther('3') })
  await write(deployer, { address: open, abi: openTokenAbi, functionName: 'transfer', args: [account, parseEther('10')] })
})
chain.isolateEachTest()

describe('SmartAccount', () => {
  it('is owned by its department DAO, supports ERC-165, and has the execute module installed', async () => {
    expect(await read({ address: account, abi: smartAccountAbi, functionName: 'owner' })).toBe(owner)
    expect(await read({ address: account, abi: smartAccountAbi, functionName: 'getModule', args: [EXECUTE] })).toBe(module)
    expect(await read({ address: account, abi: smartAccountAbi, functionName: 'getModule', args: ['0x12345678'] })).toBe('0x0000000000000000000000000000000000000000')
    expect(await read({ address: account, abi: smartAccountAbi, functionName: 'supportsInterface', args: ['0x01ffc9a7'] })).toBe(true)
    expect(await read({ address: account, abi: smartAccountAbi, functionName: 'supportsInterface', args: ['0xffffffff'] })).toBe(false)
  })

  it('performCall: only the owner; calls contracts and pays plain accounts', async () => {
    const args = await expectRevert(send(alice, 'performCall', [payee, 1n, '0x']), 'NotOwner')
    expect(args).toEqual([alice.account.address, owner])
    await send(asOwner, 'performCall', [payee, parseEther('1'), '0x'])
    expect(await publicClient.getBalance({ address: payee })).toBe(parseEther('1'))
    const transfer = encodeFunctionData({ abi: openTokenAbi, functionName: 'transfer', args: [payee, parseEther('4')] })
    const { result } = await send(asOwner, 'performCall', [open, 0n, transfer])
    expect(result).toBe(toHex(1n, { size: 32 }))
    expect(await read({ address: open, abi: openTokenAbi, functionName: 'balanceOf', args: [payee] })).toBe(parseEther('4'))
  })

  it('performCall bubbles the callee’s revert', async () => {
    const mint = encodeFunctionData({ abi: verifiedContributorAbi, functionName: 'mint', args: [payee, 1n] })
    await expectRevert(send(asOwner, 'performCall', [topology.verifiedContributor.address, 0n, mint]), 'AccessControlUnauthorizedAccount')
  })

  it('performDelegateCall and multicall: each inner call checks its caller', async () => {
    await expectRevert(send(alice, 'performDelegateCall', [module, '0x']), 'NotOwner')
    const pay = (amount: bigint) => encodeFunctionData({ abi: smartAccountAbi, functionName: 'performCall', args: [payee, amount, '0x'] })
    await expectRevert(send(alice, 'multicall', [[pay(1n)]]), 'NotOwner')
    await send(asOwner, 'multicall', [[pay(1n), pay(2n)]])
    expect(await publicClient.getBalance({ address: payee })).toBe(3n)
  })

  it('another selector goes to its module, or reverts FunctionNotFound', async () => {
    const args = await expectRevert(
      write(alice, { address: account, abi: withAllErrors(openTokenAbi), functionName: 'transfer', args: [payee, 1n] }),
      'FunctionNotFound',
    )
    expect(args).toEqual([toFunctionSelector('transfer(address,uint256)')])
  })

  it('execute runs only for the accounts the owner allowed (the TrustlessManagement contracts)', async () => {
    const pay = { to: payee, value: 5n, data: '0x' as const }
    const args = await expectRevert(send(alice, 'execute', [toHex(0n, { size: 32 }), [pay], 0n]), 'NoExecutePermission')
    expect(args).toEqual([alice.account.address])

    const allow = encodeFunctionData({ abi: smartAccountTrustlessExecutionAbi, functionName: 'setExecutePermission', args: [alice.account.address, true] })
    const { receipt: allowed } = await send(asOwner, 'performDelegateCall', [module, allow])
    expect(events(smartAccountTrustlessExecutionAbi, allowed)).toMatchObject([
      { eventName: 'ExecutePermissionSet', address: account.toLowerCase(), args: { account: alice.account.address, allowed: true } },
    ])
    const { receipt } = await send(alice, 'execute', [toHex(7n, { size: 32 }), [pay], 0n])
    expect(await publicClient.getBalance({ address: payee })).toBe(5n)
    expect(events(smartAccountTrustlessExecutionAbi, receipt)).toMatchObject([
      { eventName: 'Executed', address: account.toLowerCase(), args: { actor: alice.account.address, callId: toHex(7n, { size: 32 }), failureMap: 0n } },
    ])
  })

  it('the module’s own install and permission calls only work inside an account', async () => {
    await expectRevert(
      write(alice, { address: module, abi: smartAccountTrustlessExecutionAbi, functionName: 'install', args: [[alice.account.address]] }),
      'OnlyInSmartAccount',
    )
    await expectRevert(
      write(alice, { address: module, abi: smartAccountTrustlessExecutionAbi, functionName: 'setExecutePermission', args: [alice.account.address, true] }),
      'OnlyInSmartAccount',
    )
  })
})
