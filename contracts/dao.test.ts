import {
  BaseError,
  decodeErrorResult,
  encodeFunctionData,
  getAddress,
  keccak256,
  maxUint160,
  parseEther,
  toBytes,
  toFunctionSelector,
  toHex,
  zeroAddress,
  type Address,
  type Hex,
} from 'viem'
import { beforeAll, describe, expect, it } from 'vitest'
import { daoAbi, daoBytecode, openTokenAbi, osxProxyAbi, osxProxyBytecode } from '../contracts-abi'
import { action, events, expectRevert, useDeployedPortal, type Action, type Wallet } from './test-utils'

// The Aragon OSx 1.4 DAO against a real anvil, behind its ERC-1967 proxy: the permission manager
// (ROOT grants and revokes, conditions, "any address"), execute with its failure map, deposits,
// metadata and URI, ERC-1271, standard callbacks, and UUPS upgrades. A fresh DAO per test file
// whose ROOT is held by `root`, as Aragon's DAOFactory leaves it before it hands ROOT over.

const chain = await useDeployedPortal()
const { wallets, write, read, topology, publicClient, testClient } = chain
const [deployer, root, alice, bob] = wallets as [Wallet, Wallet, Wallet, Wallet]
const open = topology.openToken.address
const payee = getAddress('0x000000000000000000000000000000000000beef')
const ANY = getAddress(`0x${maxUint160.toString(16)}`)
const ALLOW_FLAG = getAddress('0x0000000000000000000000000000000000000002')
const id = (name: string) => keccak256(toBytes(name))
const [ROOT, EXECUTE, UPGRADE, SET_METADATA, SET_FORWARDER, REGISTER_CALLBACK, VALIDATE_SIGNATURE] = [
  'ROOT_PERMISSION',
  'EXECUTE_PERMISSION',
  'UPGRADE_DAO_PERMISSION',
  'SET_METADATA_PERMISSION',
  'SET_TRUSTED_FORWARDER_PERMISSION',
  'REGISTER_STANDARD_CALLBACK_PERMISSION',
  'VALIDATE_SIGNATURE_PERMISSION',
].map(id) as [Hex, Hex, Hex, Hex, Hex, Hex, Hex]
const CALL_ID = toHex('call', { size: 32 })

let dao: Address
let initReceipt: Awaited<ReturnType<typeof publicClient.getTransactionReceipt>>
const send = (wallet: Wallet, functionName: string, args: readonly unknown[] = [], value?: bigint) =>
  write(wallet, { address: dao, abi: daoAbi, functionName, args, value })
const view = <T>(functionName: string, args: readonly unknown[] = []) => read<T>({ address: dao, abi: daoAbi, functionName, args })
const granted = (where: Address, who: Address, permission: Hex) => view<boolean>('hasPermission', [where, who, permission, '0x'])
const execute = (wallet: Wallet, actions: Action[], allowFailureMap = 0n) => send(wallet, 'execute', [CALL_ID, actions, allowFailureMap])

/** A condition contract that supports ERC-165 and IPermissionCondition and grants every request. */
async function grantingCondition(): Promise<Address> {
  const address = getAddress('0x00000000000000000000000000000000c0dd1710')
  // Answers 0 to supportsInterface(0xffffffff) and 1 to any other call: ERC-165 needs exactly that.
  // PUSH1 4 CALLDATALOAD PUSH4 0xffffffff PUSH1 224 SHL EQ ISZERO PUSH1 0 MSTORE PUSH1 32 PUSH1 0 RETURN
  await testClient.setCode({ address, bytecode: '0x60043563ffffffff60e01b1415600052602060' + '00f3' as Hex })
  return address
}

beforeAll(async () => {
  const init = encodeFunctionData({ abi: daoAbi, functionName: 'initialize', args: [toHex('ipfs://bafkreidao'), root.account.address, zeroAddress, 'https://dao.example'] })
  const hash = await deployer.deployContract({ abi: osxProxyAbi, bytecode: osxProxyBytecode, args: [topology.implementations.dao.address, init] })
  initReceipt = await publicClient.waitForTransactionReceipt({ hash })
  dao = getAddress(initReceipt.contractAddress!)
  await write(deployer, { address: open, abi: openTokenAbi, functionName: 'transfer', args: [dao, parseEther('100')] })
})
chain.isolateEachTest()

describe('set-up', () => {
  it('is initialized once, by its proxy’s deployment: ROOT to the initial owner, metadata and URI announced', async () => {
    expect(events(daoAbi, initReceipt).map((e) => e.eventName)).toEqual([
      'Upgraded',
      'StandardCallbackRegistered',
      'StandardCallbackRegistered',
      'StandardCallbackRegistered',
      'MetadataSet',
      'TrustedForwarderSet',
      'NewURI',
      'Granted',
      'Initialized',
    ])
    expect(events(daoAbi, initReceipt).find((e) => e.eventName === 'Granted')).toMatchObject({
      args: { permissionId: ROOT, where: dao, who: root.account.address, condition: ALLOW_FLAG },
    })
    expect(events(daoAbi, initReceipt).find((e) => e.eventName === 'Initialized')).toMatchObject({ args: { version: 3 } })
    expect(await view('daoURI')).toBe('https://dao.example')
    expect(await view('protocolVersion')).toEqual([1, 4, 0])
    await expectRevert(send(root, 'initialize', ['0x', alice.account.address, zeroAddress, '']), 'Initializable: contract is already initialized')
    await expectRevert(send(root, 'initializeFrom', [[1, 3, 0], '0x']), 'Initializable: contract is already initialized')
    // The implementation itself cannot be initialized either.
    await expectRevert(
      write(alice, { address: topology.implementations.dao.address, abi: daoAbi, functionName: 'initialize', args: ['0x', alice.account.address, zeroAddress, ''] }),
      'Initializable: contract is already initialized',
    )
  })

  it('answers ERC-165 for itself, ERC-1271 and the token receivers', async () => {
    for (const interfaceId of ['0x01ffc9a7', '0x1626ba7e', '0x150b7a02', '0x4e2312e0']) {
      expect(await view('supportsInterface', [interfaceId]), interfaceId).toBe(true)
    }
    expect(await view('supportsInterface', ['0xffffffff'])).toBe(false)
  })
})

describe('permissions', () => {
  it('only ROOT grants and revokes; each change is announced once', async () => {
    const args = await expectRevert(send(alice, 'grant', [dao, alice.account.address, EXECUTE]), 'Unauthorized')
    expect(args).toEqual([dao, alice.account.address, ROOT])
    const { receipt } = await send(root, 'grant', [dao, alice.account.address, EXECUTE])
    expect(events(daoAbi, receipt)).toMatchObject([
      { eventName: 'Granted', args: { permissionId: EXECUTE, here: root.account.address, where: dao, who: alice.account.address, condition: ALLOW_FLAG } },
    ])
    expect(await granted(dao, alice.account.address, EXECUTE)).toBe(true)
    expect(events(daoAbi, (await send(root, 'grant', [dao, alice.account.address, EXECUTE])).receipt)).toEqual([])
    const revoked = await send(root, 'revoke', [dao, alice.account.address, EXECUTE])
    expect(events(daoAbi, revoked.receipt)).toMatchObject([
      { eventName: 'Revoked', args: { permissionId: EXECUTE, here: root.account.address, where: dao, who: alice.account.address } },
    ])
    expect(await granted(dao, alice.account.address, EXECUTE)).toBe(false)
    expect(events(daoAbi, (await send(root, 'revoke', [dao, alice.account.address, EXECUTE])).receipt)).toEqual([])
  })

  it('"any address" needs a condition, never for EXECUTE, never for both who and where', async () => {
    const condition = await grantingCondition()
    await expectRevert(send(root, 'grant', [dao, ANY, EXECUTE]), 'PermissionsForAnyAddressDisallowed')
    await expectRevert(send(root, 'grantWithCondition', [dao, ANY, EXECUTE, condition]), 'PermissionsForAnyAddressDisallowed')
    await expectRevert(send(root, 'grantWithCondition', [ANY, ANY, id('CUSTOM'), condition]), 'AnyAddressDisallowedForWhoAndWhere')
    await send(root, 'grantWithCondition', [payee, ANY, id('CUSTOM'), condition])
    expect(await granted(payee, bob.account.address, id('CUSTOM'))).toBe(true)
    expect(await granted(dao, bob.account.address, id('CUSTOM'))).toBe(false)
  })

  it('a condition must be a contract that supports IPermissionCondition, and cannot be silently replaced', async () => {
    await expectRevert(send(root, 'grantWithCondition', [dao, alice.account.address, EXECUTE, bob.account.address]), 'ConditionNotAContract')
    await expectRevert(send(root, 'grantWithCondition', [dao, alice.account.address, EXECUTE, open]), 'ConditionInterfacNotSupported')
    const condition = await grantingCondition()
    const { receipt } = await send(root, 'grantWithCondition', [dao, alice.account.address, SET_METADATA, condition])
    expect(events(daoAbi, receipt)).toMatchObject([{ eventName: 'Granted', args: { condition } }])
    expect(await granted(dao, alice.account.address, SET_METADATA)).toBe(true)
    const args = await expectRevert(send(root, 'grant', [dao, alice.account.address, SET_METADATA]), 'PermissionAlreadyGrantedForDifferentCondition')
    expect(args).toEqual([dao, alice.account.address, SET_METADATA, condition, ALLOW_FLAG])
  })

  it('applies lists of grants and revokes; conditions only in the multi-target form', async () => {
    await send(root, 'applySingleTargetPermissions', [dao, [
      { operation: 0, who: alice.account.address, permissionId: EXECUTE },
      { operation: 0, who: bob.account.address, permissionId: EXECUTE },
      { operation: 1, who: bob.account.address, permissionId: EXECUTE },
    ]])
    expect([await granted(dao, alice.account.address, EXECUTE), await granted(dao, bob.account.address, EXECUTE)]).toEqual([true, false])
    await expectRevert(
      send(root, 'applySingleTargetPermissions', [dao, [{ operation: 2, who: alice.account.address, permissionId: EXECUTE }]]),
      'GrantWithConditionNotSupported',
    )
    const condition = await grantingCondition()
    await send(root, 'applyMultiTargetPermissions', [[
      { operation: 2, where: dao, who: bob.account.address, condition, permissionId: SET_METADATA },
      { operation: 1, where: dao, who: alice.account.address, condition: zeroAddress, permissionId: EXECUTE },
    ]])
    expect([await granted(dao, bob.account.address, SET_METADATA), await granted(dao, alice.account.address, EXECUTE)]).toEqual([true, false])
  })
})

describe('execute', () => {
  const pay = (amount: bigint) => action(open, openTokenAbi, 'transfer', [payee, amount])

  it('runs actions as the DAO for a holder of EXECUTE, and only for one', async () => {
    const args = await expectRevert(execute(alice, [pay(1n)]), 'Unauthorized')
    expect(args).toEqual([dao, alice.account.address, EXECUTE])
    await send(root, 'grant', [dao, alice.account.address, EXECUTE])
    const { receipt, result } = await execute(alice, [pay(parseEther('3'))])
    expect(await read({ address: open, abi: openTokenAbi, functionName: 'balanceOf', args: [payee] })).toBe(parseEther('3'))
    expect(result).toEqual([[toHex(1n, { size: 32 })], 0n])
    expect(events(daoAbi, receipt)).toMatchObject([
      { eventName: 'Executed', args: { actor: alice.account.address, callId: CALL_ID, actions: [pay(parseEther('3'))], allowFailureMap: 0n, failureMap: 0n } },
    ])
  })

  it('a failing action reverts everything (ActionFailed) unless its failure is allowed', async () => {
    await send(root, 'grant', [dao, alice.account.address, EXECUTE])
    const failing = pay(parseEther('1000'))
    const args = await expectRevert(execute(alice, [pay(1n), failing]), 'ActionFailed')
    expect(args).toEqual([1n])
    const { receipt } = await execute(alice, [pay(1n), failing], 0b10n)
    expect(events(daoAbi, receipt)).toMatchObject([{ eventName: 'Executed', args: { allowFailureMap: 0b10n, failureMap: 0b10n } }])
    expect(await read({ address: open, abi: openTokenAbi, functionName: 'balanceOf', args: [payee] })).toBe(1n)
  })

  it('at most 256 actions, and no re-entry', async () => {
    await send(root, 'grant', [dao, alice.account.address, EXECUTE])
    await expectRevert(execute(alice, Array.from({ length: 257 }, () => pay(0n))), 'TooManyActions')
    await send(root, 'grant', [dao, dao, EXECUTE])
    const reenter = action(dao, daoAbi, 'execute', [CALL_ID, [pay(1n)], 0n])
    const { result } = await execute(alice, [reenter], 1n)
    expect(result).toEqual([[toFunctionSelector('ReentrantCall()')], 1n])
  })
})

describe('treasury, metadata, signatures, callbacks', () => {
  it('takes deposits of ETH and ERC-20s, and plain transfers', async () => {
    await expectRevert(send(alice, 'deposit', [zeroAddress, 0n, 'gift'], 0n), 'ZeroAmount')
    const mismatch = await expectRevert(send(alice, 'deposit', [zeroAddress, 5n, 'gift'], 4n), 'NativeTokenDepositAmountMismatch')
    expect(mismatch).toEqual([5n, 4n])
    const native = await send(alice, 'deposit', [zeroAddress, 5n, 'gift'], 5n)
    expect(events(daoAbi, native.receipt)).toMatchObject([
      { eventName: 'Deposited', args: { sender: alice.account.address, token: zeroAddress, amount: 5n, _reference: 'gift' } },
    ])
    await write(deployer, { address: open, abi: openTokenAbi, functionName: 'approve', args: [dao, 7n] })
    await send(deployer, 'deposit', [open, 7n, 'grant'])
    expect(await read({ address: open, abi: openTokenAbi, functionName: 'balanceOf', args: [dao] })).toBe(parseEther('100') + 7n)
    const hash = await alice.sendTransaction({ to: dao, value: 3n })
    expect(events(daoAbi, await publicClient.waitForTransactionReceipt({ hash }))).toMatchObject([
      { eventName: 'NativeTokenDeposited', args: { sender: alice.account.address, amount: 3n } },
    ])
  })

  it('metadata, URI and trusted forwarder change only with their permissions', async () => {
    await expectRevert(send(alice, 'setMetadata', [toHex('ipfs://x')]), 'Unauthorized')
    await send(root, 'grant', [dao, alice.account.address, SET_METADATA])
    const { receipt } = await send(alice, 'setMetadata', [toHex('ipfs://bafkreinew')])
    expect(events(daoAbi, receipt)).toMatchObject([{ eventName: 'MetadataSet', args: { metadata: toHex('ipfs://bafkreinew') } }])
    await send(alice, 'setDaoURI', ['https://new.example'])
    expect(await view('daoURI')).toBe('https://new.example')
    await expectRevert(send(alice, 'setTrustedForwarder', [bob.account.address]), 'Unauthorized')
    await send(root, 'grant', [dao, alice.account.address, SET_FORWARDER])
    await send(alice, 'setTrustedForwarder', [bob.account.address])
    expect(await view('getTrustedForwarder')).toBe(bob.account.address)
  })

  it('ERC-1271: signatures are valid for callers holding VALIDATE_SIGNATURE; the old validator setter is gone', async () => {
    const ask = () => read({ address: dao, abi: daoAbi, functionName: 'isValidSignature', args: [keccak256('0x01'), '0x'], account: alice.account.address } as never)
    expect(await ask()).toBe('0xffffffff')
    await send(root, 'grant', [dao, alice.account.address, VALIDATE_SIGNATURE])
    expect(await ask()).toBe('0x1626ba7e')
    await expectRevert(send(alice, 'setSignatureValidator', [bob.account.address]), 'FunctionRemoved')
  })

  it('answers registered callbacks with their magic number; others revert UnkownCallback', async () => {
    const onReceived = encodeFunctionData({
      abi: [{ type: 'function', name: 'onERC721Received', inputs: [{ type: 'address' }, { type: 'address' }, { type: 'uint256' }, { type: 'bytes' }], outputs: [{ type: 'bytes4' }], stateMutability: 'nonpayable' }],
      args: [alice.account.address, alice.account.address, 1n, '0x'],
    })
    const { data } = await publicClient.call({ account: alice.account.address, to: dao, data: onReceived })
    expect(data).toBe(`0x150b7a02${'00'.repeat(28)}`)
    const hash = await alice.sendTransaction({ to: dao, data: onReceived })
    expect(events(daoAbi, await publicClient.waitForTransactionReceipt({ hash }))).toMatchObject([
      { eventName: 'CallbackReceived', args: { sender: alice.account.address, sig: '0x150b7a02' } },
    ])
    const unknown = await publicClient.call({ to: dao, data: '0x12345678' }).catch((error: BaseError) => error)
    const revertData = (unknown as BaseError).walk((e) => typeof (e as { data?: unknown }).data === 'string') as unknown as { data: Hex }
    expect(decodeErrorResult({ abi: daoAbi, data: revertData.data })).toMatchObject({ errorName: 'UnkownCallback', args: ['0x12345678', '0x00000000'] })

    await expectRevert(send(alice, 'registerStandardCallback', ['0x12345678', '0x12345678', '0xcafecafe']), 'Unauthorized')
    await send(root, 'grant', [dao, alice.account.address, REGISTER_CALLBACK])
    await send(alice, 'registerStandardCallback', ['0x12345678', '0x12345678', '0xcafecafe'])
    expect((await publicClient.call({ to: dao, data: '0x12345678' })).data).toBe(`0xcafecafe${'00'.repeat(28)}`)
    expect(await view('supportsInterface', ['0x12345678'])).toBe(true)
  })
})

describe('upgrades', () => {
  it('upgrades only with UPGRADE_DAO_PERMISSION, and only to a UUPS implementation', async () => {
    const next = getAddress(await chain.deploy(deployer, daoAbi, daoBytecode))
    await expectRevert(send(alice, 'upgradeTo', [next]), 'Unauthorized')
    await send(root, 'grant', [dao, alice.account.address, UPGRADE])
    await expectRevert(send(alice, 'upgradeTo', [open]), 'ERC1967Upgrade: new implementation is not UUPS')
    const { receipt } = await send(alice, 'upgradeTo', [next])
    expect(events(daoAbi, receipt)).toMatchObject([{ eventName: 'Upgraded', args: { implementation: next } }])
    const slot = await publicClient.getStorageAt({ address: dao, slot: '0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc' })
    expect(getAddress(`0x${slot!.slice(26)}`)).toBe(next)
    // State survives: ROOT is still root's.
    expect(await granted(dao, root.account.address, ROOT)).toBe(true)
  })

  it('proxiableUUID answers on the implementation, not through the proxy', async () => {
    expect(await read({ address: topology.implementations.dao.address, abi: daoAbi, functionName: 'proxiableUUID' })).toBe(
      '0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc',
    )
    await expect(view('proxiableUUID')).rejects.toThrow(/must not be called through delegatecall/)
  })
})
