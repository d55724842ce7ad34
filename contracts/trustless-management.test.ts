import { getAddress, keccak256, parseEther, toBytes, toFunctionSelector, zeroAddress, type Address, type Hex } from 'viem'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  addressTrustlessManagementAbi,
  daoAbi,
  erc721CountTrustlessManagementAbi,
  openTokenAbi,
  tagTrustlessManagementAbi,
} from '../contracts-abi'
import { action, events, expectRevert, useDeployedPortal, type Action, type Wallet } from './test-utils'
import { ALWAYS_ALLOWED as ALWAYS } from '../devnet/topology'
import { useTopologyHelpers, withAllErrors } from './topology-helpers'

// TrustlessManagement against a real anvil and a real Aragon DAO (the Openmesh DAO, which lets
// AddressTrustlessManagement and ERC721CountTrustlessManagement execute): what each kind of role
// means, how full / zone / function access and the blacklists combine, the checker values
// (0 = off, 0xfff…f = on, a contract = asked), who administers a DAO's permissions, and that
// asDAO makes the DAO itself the sender of every action.

const chain = await useDeployedPortal()
const { wallets, write, read, topology, testClient, impersonate } = chain
const helpers = useTopologyHelpers(chain)
const dao = topology.openmeshDao.address
const open = topology.openToken.address
const addressTm = topology.addressTrustlessManagement.address
const countTm = topology.erc721CountTrustlessManagement.address
const tagTm = topology.tagTrustlessManagement.address
const coreMember = topology.departments.coreMember

const [deployer, alice, bob, carol] = wallets as [Wallet, Wallet, Wallet, Wallet]
const payee = getAddress('0x000000000000000000000000000000000000beef')
const TRANSFER = toFunctionSelector('transfer(address,uint256)')
const APPROVE = toFunctionSelector('approve(address,uint256)')
const tmAbi = withAllErrors(addressTrustlessManagementAbi)
const aliceRole = BigInt(alice.account.address)

let asDao: Wallet
const pay = (amount: bigint): Action => action(open, openTokenAbi, 'transfer', [payee, amount])
const approve = (amount: bigint): Action => action(open, openTokenAbi, 'approve', [payee, amount])

/** The DAO changes its own permissions on AddressTrustlessManagement (its admin is unset). */
const change = (functionName: string, args: readonly unknown[], as: Wallet = asDao) =>
  write(as, { address: addressTm, abi: tmAbi, functionName, args: [dao, ...args] })
const asAlice = (actions: Action[], role = aliceRole, failureMap = 0n) =>
  write(alice, { address: addressTm, abi: tmAbi, functionName: 'asDAO', args: [dao, role, actions, failureMap] })
const allowed = (actions: Action[], role = aliceRole) =>
  read<boolean>({ address: addressTm, abi: addressTrustlessManagementAbi, functionName: 'isAllowed', args: [dao, role, actions] })
const balanceOf = (who: Address) => read<bigint>({ address: open, abi: openTokenAbi, functionName: 'balanceOf', args: [who] })

/** A contract whose every answer is the 32-byte word `word`: as a permission checker, true or false. */
async function checkerAnswering(word: 0 | 1): Promise<Address> {
  const address = getAddress(`0x${keccak256(toBytes(`checker-${word}`)).slice(26)}`)
  // PUSH1 word PUSH1 0 MSTORE PUSH1 32 PUSH1 0 RETURN
  await testClient.setCode({ address, bytecode: `0x60${word.toString(16).padStart(2, '0')}60005260206000f3` as Hex })
  return address
}

beforeAll(async () => {
  asDao = await impersonate(dao)
  await write(deployer, { address: open, abi: openTokenAbi, functionName: 'transfer', args: [dao, parseEther('1000')] })
})
chain.isolateEachTest()

describe('roles', () => {
  it('AddressTrustlessManagement: role uint160(account) is that account alone', async () => {
    const hasRole = (account: Address, role: bigint) =>
      read<boolean>({ address: addressTm, abi: addressTrustlessManagementAbi, functionName: 'hasRole', args: [account, role] })
    expect(await hasRole(alice.account.address, aliceRole)).toBe(true)
    expect(await hasRole(bob.account.address, aliceRole)).toBe(false)
  })

  it('ERC721CountTrustlessManagement: role n is every holder of at least n OVCs', async () => {
    const hasRole = (account: Address, role: bigint) =>
      read<boolean>({ address: countTm, abi: erc721CountTrustlessManagementAbi, functionName: 'hasRole', args: [account, role] })
    expect(await hasRole(alice.account.address, 1n)).toBe(false)
    await helpers.makeMember(alice)
    expect(await hasRole(alice.account.address, 1n)).toBe(true)
    expect(await hasRole(alice.account.address, 2n)).toBe(false)
    await helpers.makeMember(alice)
    expect(await hasRole(alice.account.address, 2n)).toBe(true)
  })

  it('TagTrustlessManagement: role uint256(tag) is every holder of the tag', async () => {
    const hasRole = (account: Address) =>
      read<boolean>({ address: tagTm, abi: tagTrustlessManagementAbi, functionName: 'hasRole', args: [account, BigInt(coreMember.tag)] })
    const tokenId = await helpers.makeMember(alice)
    expect(await hasRole(alice.account.address)).toBe(false)
    await helpers.tag(coreMember, tokenId)
    expect(await hasRole(alice.account.address)).toBe(true)
    expect(await hasRole(bob.account.address)).toBe(false)
  })

  it('asDAO refuses a caller without the role: SenderDoesNotHaveRole', async () => {
    await change('changeFullAccess', [aliceRole, ALWAYS])
    await expectRevert(
      write(bob, { address: addressTm, abi: tmAbi, functionName: 'asDAO', args: [dao, aliceRole, [pay(1n)], 0n] }),
      'SenderDoesNotHaveRole',
    )
  })
})

describe('permissions', () => {
  it('nothing is allowed until the DAO allows it: AccessDenied', async () => {
    expect(await allowed([pay(1n)])).toBe(false)
    await expectRevert(asAlice([pay(1n)]), 'AccessDenied')
  })

  it('function access: that function of that address, nothing else; the DAO is the sender', async () => {
    const { receipt: changed } = await change('changeFunctionAccess', [aliceRole, open, TRANSFER, ALWAYS])
    expect(events(addressTrustlessManagementAbi, changed)).toMatchObject([
      { eventName: 'FunctionAccessChanged', args: { dao, role: aliceRole, zone: open, functionSelector: TRANSFER, permissionChecker: ALWAYS } },
    ])
    expect(await allowed([pay(5n)])).toBe(true)
    expect(await allowed([approve(5n)])).toBe(false)

    const before = await balanceOf(dao)
    const { receipt } = await asAlice([pay(parseEther('7'))])
    expect(await balanceOf(payee)).toBe(parseEther('7'))
    expect(before - (await balanceOf(dao))).toBe(parseEther('7'))
    const [execution] = events(addressTrustlessManagementAbi, receipt)
    expect(execution).toMatchObject({
      eventName: 'Execution',
      args: { dao, role: aliceRole, sender: alice.account.address, actions: [pay(parseEther('7'))], failureMap: 0n },
    })
    expect(events(daoAbi, receipt).find((e) => e.eventName === 'Executed')).toMatchObject({
      args: { actor: getAddress(addressTm), callId: keccak256(toBytes('TRUSTLESS_MANAGEMENT')) },
    })
  })

  it('zone access: any function of the address; every action of a list must be allowed', async () => {
    await change('changeZoneAccess', [aliceRole, open, ALWAYS])
    expect(await allowed([pay(1n), approve(1n)])).toBe(true)
    const elsewhere = action(payee, openTokenAbi, 'transfer', [payee, 1n])
    expect(await allowed([pay(1n), elsewhere])).toBe(false)
    await expectRevert(asAlice([pay(1n), elsewhere]), 'AccessDenied')
    expect(await balanceOf(payee)).toBe(0n)
  })

  it('full access: anything, but blacklists still win over every access', async () => {
    await change('changeFullAccess', [aliceRole, ALWAYS])
    expect(await allowed([pay(1n), approve(1n)])).toBe(true)
    await change('changeFunctionBlacklist', [aliceRole, open, APPROVE, ALWAYS])
    expect(await allowed([pay(1n)])).toBe(true)
    expect(await allowed([approve(1n)])).toBe(false)
    await change('changeZoneBlacklist', [aliceRole, open, ALWAYS])
    expect(await allowed([pay(1n)])).toBe(false)
    await change('changeZoneBlacklist', [aliceRole, open, zeroAddress])
    expect(await allowed([pay(1n)])).toBe(true)
  })

  it('a blacklisted function stays denied even with function access to it', async () => {
    await change('changeFunctionAccess', [aliceRole, open, TRANSFER, ALWAYS])
    await change('changeFunctionBlacklist', [aliceRole, open, TRANSFER, ALWAYS])
    await expectRevert(asAlice([pay(1n)]), 'AccessDenied')
  })

  it('a checker contract is asked: its true allows, its false denies; 0 turns a permission off', async () => {
    await change('changeFunctionAccess', [aliceRole, open, TRANSFER, await checkerAnswering(1)])
    expect(await allowed([pay(1n)])).toBe(true)
    await change('changeFunctionAccess', [aliceRole, open, TRANSFER, await checkerAnswering(0)])
    expect(await allowed([pay(1n)])).toBe(false)
    await change('changeFunctionAccess', [aliceRole, open, TRANSFER, zeroAddress])
    expect(await allowed([pay(1n)])).toBe(false)
  })

  it('permissions are per DAO and per role', async () => {
    await change('changeFunctionAccess', [aliceRole, open, TRANSFER, ALWAYS])
    expect(await allowed([pay(1n)], BigInt(bob.account.address))).toBe(false)
    const other = coreMember.smartAccount.address
    expect(
      await read({ address: addressTm, abi: addressTrustlessManagementAbi, functionName: 'isAllowed', args: [other, aliceRole, [pay(1n)]] }),
    ).toBe(false)
  })

  it('passes the failure map on and reports failures', async () => {
    await change('changeZoneAccess', [aliceRole, open, ALWAYS])
    const tooMuch = pay(parseEther('1000000'))
    await expectRevert(asAlice([tooMuch]), 'ActionFailed')
    const { receipt } = await asAlice([tooMuch, pay(1n)], aliceRole, 1n)
    expect(events(addressTrustlessManagementAbi, receipt)[0]).toMatchObject({ args: { failureMap: 1n } })
    expect(await balanceOf(payee)).toBe(1n)
  })
})

describe('administration', () => {
  it('only the DAO changes its permissions while it has no admin: SenderIsNotAdmin', async () => {
    for (const [functionName, args] of [
      ['changeFullAccess', [aliceRole, ALWAYS]],
      ['changeZoneAccess', [aliceRole, open, ALWAYS]],
      ['changeZoneBlacklist', [aliceRole, open, ALWAYS]],
      ['changeFunctionAccess', [aliceRole, open, TRANSFER, ALWAYS]],
      ['changeFunctionBlacklist', [aliceRole, open, TRANSFER, ALWAYS]],
      ['setAdmin', [alice.account.address]],
    ] as const) {
      await expectRevert(change(functionName, args, alice), 'SenderIsNotAdmin')
    }
  })

  it('once the DAO sets an admin, only that admin may change them, and may hand them back', async () => {
    const { receipt } = await change('setAdmin', [carol.account.address])
    expect(events(addressTrustlessManagementAbi, receipt)).toMatchObject([
      { eventName: 'AdminSet', args: { dao, admin: carol.account.address } },
    ])
    await expectRevert(change('changeFullAccess', [aliceRole, ALWAYS]), 'SenderIsNotAdmin')
    const { receipt: changed } = await change('changeFullAccess', [aliceRole, ALWAYS], carol)
    expect(events(addressTrustlessManagementAbi, changed)).toMatchObject([
      { eventName: 'FullAccessChanged', args: { dao, role: aliceRole, permissionChecker: ALWAYS } },
    ])
    await change('setAdmin', [zeroAddress], carol)
    await change('changeFullAccess', [aliceRole, zeroAddress])
    expect(await allowed([pay(1n)])).toBe(false)
  })

  it('answers owner() with the Openmesh admin and supports ERC-165', async () => {
    expect(await read({ address: addressTm, abi: addressTrustlessManagementAbi, functionName: 'owner' })).toBe(
      '0xfF7e49aC5D00CbaaD0BF02165Fea31C0A411930e',
    )
    expect(await read({ address: addressTm, abi: addressTrustlessManagementAbi, functionName: 'supportsInterface', args: ['0x01ffc9a7'] })).toBe(true)
    expect(await read({ address: addressTm, abi: addressTrustlessManagementAbi, functionName: 'supportsInterface', args: ['0xffffffff'] })).toBe(false)
  })
})
