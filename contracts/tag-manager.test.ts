import { keccak256, toBytes } from 'viem'
import { beforeAll, describe, expect, it } from 'vitest'
import { verifiedContributorAbi, verifiedContributorTagManagerAbi } from '../contracts-abi'
import { events, expectRevert, useDeployedPortal, type Wallet } from './test-utils'
import { useTopologyHelpers } from './topology-helpers'

// VerifiedContributorTagManager: tags on OVC tokens, added and removed by the holder of the tag's
// role (the department smart account), counted per tag, and held by an account through its
// default token (its first tagged token, or the one it chose) while it still owns it.

const chain = await useDeployedPortal()
const { wallets, write, read, topology, impersonate } = chain
const helpers = useTopologyHelpers(chain)
const tagManager = topology.tagManager.address
const ovc = topology.verifiedContributor.address
const { dispute, expert } = topology.departments

const [deployer, alice, bob] = wallets as [Wallet, Wallet, Wallet]
const view = <T>(functionName: string, args: readonly unknown[] = []) =>
  read<T>({ address: tagManager, abi: verifiedContributorTagManagerAbi, functionName, args })
const asRoleHolder = async (department: typeof dispute) => impersonate(department.smartAccount.address)
const send = (wallet: Wallet, functionName: string, args: readonly unknown[]) =>
  write(wallet, { address: tagManager, abi: verifiedContributorTagManagerAbi, functionName, args })

let aliceToken: bigint
beforeAll(async () => {
  aliceToken = await helpers.makeMember(alice)
})
chain.isolateEachTest()

describe('VerifiedContributorTagManager', () => {
  it('the tags are keccak256 of the department names, and each smart account holds its own tag’s role', async () => {
    expect(dispute.tag).toBe(keccak256(toBytes('DISPUTE')))
    expect(await view('hasRole', [dispute.tag, dispute.smartAccount.address])).toBe(true)
    expect(await view('hasRole', [dispute.tag, expert.smartAccount.address])).toBe(false)
    expect(await view('hasRole', [`0x${'00'.repeat(32)}`, deployer.account.address])).toBe(true)
  })

  it('adds a tag only for the holder of the tag’s role', async () => {
    const args = await expectRevert(send(alice, 'addTag', [aliceToken, dispute.tag]), 'AccessControlUnauthorizedAccount')
    expect(args).toEqual([alice.account.address, dispute.tag])
    await expectRevert(send(await asRoleHolder(expert), 'addTag', [aliceToken, dispute.tag]), 'AccessControlUnauthorizedAccount')

    const { receipt } = await send(await asRoleHolder(dispute), 'addTag', [aliceToken, dispute.tag])
    expect(events(verifiedContributorTagManagerAbi, receipt)).toMatchObject([
      { eventName: 'TagAdded', args: { tokenId: aliceToken, tag: dispute.tag } },
    ])
    expect(await view('hasTag', [alice.account.address, dispute.tag])).toBe(true)
    expect(await view('tokenHasTag', [aliceToken, dispute.tag])).toBe(true)
    expect(await view('totalTagHavers', [dispute.tag])).toBe(1n)
    expect(await view('hasTag', [bob.account.address, dispute.tag])).toBe(false)
    await expectRevert(send(await asRoleHolder(dispute), 'addTag', [aliceToken, dispute.tag]), 'AlreadyTagged')
  })

  it('an account has the tags of its default token: the first tagged, or the one it sets', async () => {
    const second = await helpers.makeMember(alice)
    await helpers.tag(dispute, aliceToken)
    await helpers.tag(expert, second)
    expect(await view('hasTag', [alice.account.address, dispute.tag])).toBe(true)
    expect(await view('hasTag', [alice.account.address, expert.tag])).toBe(false)
    await send(alice, 'setId', [second])
    expect(await view('hasTag', [alice.account.address, dispute.tag])).toBe(false)
    expect(await view('hasTag', [alice.account.address, expert.tag])).toBe(true)
    // Naming a token one does not own gains nothing.
    const bobs = await helpers.makeMember(bob)
    await helpers.tag(expert, bobs)
    await send(alice, 'setId', [bobs])
    expect(await view('hasTag', [alice.account.address, expert.tag])).toBe(false)
    expect(await view('hasTag', [bob.account.address, expert.tag])).toBe(true)
  })

  it('removes tags: the role holder any time, anyone once the token is burned', async () => {
    await helpers.tag(dispute, aliceToken)
    await expectRevert(send(bob, 'removeTagFromBurnedToken', [aliceToken, dispute.tag]), 'TokenNotBurned')
    await write(alice, { address: ovc, abi: verifiedContributorAbi, functionName: 'burn', args: [aliceToken] })
    expect(await view('hasTag', [alice.account.address, dispute.tag])).toBe(false)
    expect(await view('totalTagHavers', [dispute.tag])).toBe(1n)
    const { receipt } = await send(bob, 'removeTagFromBurnedToken', [aliceToken, dispute.tag])
    expect(events(verifiedContributorTagManagerAbi, receipt)).toMatchObject([
      { eventName: 'TagRemoved', args: { tokenId: aliceToken, tag: dispute.tag } },
    ])
    expect(await view('totalTagHavers', [dispute.tag])).toBe(0n)
    await expectRevert(send(await asRoleHolder(dispute), 'removeTag', [aliceToken, dispute.tag]), 'NotTagged')

    const bobs = await helpers.makeDepartmentMember(bob, expert)
    await expectRevert(send(alice, 'removeTag', [bobs, expert.tag]), 'AccessControlUnauthorizedAccount')
    await send(await asRoleHolder(expert), 'removeTag', [bobs, expert.tag])
    expect(await view('hasTag', [bob.account.address, expert.tag])).toBe(false)
  })

  it('the admin of a role may hand its administration to another role', async () => {
    await expectRevert(send(alice, 'setRoleAdmin', [expert.tag, dispute.tag]), 'AccessControlUnauthorizedAccount')
    const { receipt } = await send(deployer, 'setRoleAdmin', [expert.tag, dispute.tag])
    expect(events(verifiedContributorTagManagerAbi, receipt)).toMatchObject([
      { eventName: 'RoleAdminChanged', args: { role: expert.tag, newAdminRole: dispute.tag } },
    ])
    expect(await view('getRoleAdmin', [expert.tag])).toBe(dispute.tag)
  })
})
