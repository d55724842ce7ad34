import { keccak256, toHex, zeroAddress } from 'viem'
import { beforeAll, describe, expect, it } from 'vitest'
import { verifiedContributorAbi } from '../contracts-abi'
import { events, expectRevert, useDeployedPortal, type Wallet } from './test-utils'

// OVC: soulbound (every transfer path reverts), votes after delegation, roles held by the DAO,
// and a holder may give up their own token.

const chain = await useDeployedPortal()
const { wallets, write, read } = chain
const ovc = chain.contract('verifiedContributor')
const dao = chain.contract('dao')
const [deployer, holder, other] = wallets as [Wallet, Wallet, Wallet]
let asDao: Wallet

const view = <T>(functionName: string, args: readonly unknown[] = []) =>
  read<T>({ address: ovc, abi: verifiedContributorAbi, functionName, args })
const send = (wallet: Wallet, functionName: string, args: readonly unknown[]) =>
  write(wallet, { address: ovc, abi: verifiedContributorAbi, functionName, args })

beforeAll(async () => {
  asDao = await chain.impersonate(dao)
  await send(asDao, 'mint', [holder.account.address, 1n])
})
chain.isolateEachTest()

describe('VerifiedContributor', () => {
  it('is named OVC and its roles belong to the DAO, not the deployer', async () => {
    expect(await view('name')).toBe('Openmesh Verified Contributor')
    expect(await view('symbol')).toBe('OVC')
    for (const role of ['MINT', 'BURN', 'METADATA']) {
      const id = await view<`0x${string}`>(`${role}_ROLE`)
      expect(id).toBe(keccak256(toHex(role)))
      expect(await view('hasRole', [id, dao])).toBe(true)
      expect(await view('hasRole', [id, deployer.account.address])).toBe(false)
    }
    expect(await view('hasRole', [`0x${'00'.repeat(32)}`, dao])).toBe(true)
  })

  it('only MINT_ROLE mints', async () => {
    const args = await expectRevert(send(deployer, 'mint', [deployer.account.address, 2n]), 'AccessControlUnauthorizedAccount')
    expect(args[0]).toBe(deployer.account.address)
  })

  it('is soulbound: transferFrom and both safeTransferFrom revert NotTransferable', async () => {
    const [from, to] = [holder.account.address, other.account.address]
    await expectRevert(send(holder, 'transferFrom', [from, to, 1n]), 'NotTransferable')
    await expectRevert(
      write(holder, { address: ovc, abi: verifiedContributorAbi.filter((i) => i.type !== 'function' || i.name !== 'safeTransferFrom' || i.inputs.length === 3), functionName: 'safeTransferFrom', args: [from, to, 1n] }),
      'NotTransferable',
    )
    await expectRevert(
      write(holder, { address: ovc, abi: verifiedContributorAbi.filter((i) => i.type !== 'function' || i.name !== 'safeTransferFrom' || i.inputs.length === 4), functionName: 'safeTransferFrom', args: [from, to, 1n, '0x'] }),
      'NotTransferable',
    )
    expect(await view('ownerOf', [1n])).toBe(from)
  })

  it('gives one vote per token once delegated; burning removes it', async () => {
    expect(await view('getVotes', [holder.account.address])).toBe(0n)
    await send(holder, 'delegate', [holder.account.address])
    expect(await view('getVotes', [holder.account.address])).toBe(1n)
    await send(asDao, 'mint', [holder.account.address, 2n])
    expect(await view('getVotes', [holder.account.address])).toBe(2n)
    await send(asDao, 'burn', [2n])
    expect(await view('getVotes', [holder.account.address])).toBe(1n)
  })

  it('a holder may burn their own token; others need BURN_ROLE', async () => {
    await expectRevert(send(other, 'burn', [1n]), 'AccessControlUnauthorizedAccount')
    const { receipt } = await send(holder, 'burn', [1n])
    expect(events(verifiedContributorAbi, receipt)).toMatchObject([
      { eventName: 'Transfer', args: { from: holder.account.address, to: zeroAddress, tokenId: 1n } },
    ])
    expect(await view('balanceOf', [holder.account.address])).toBe(0n)
  })

  it('serves the metadata set by METADATA_ROLE', async () => {
    await expectRevert(send(holder, 'updateMetadata', ['ipfs://x']), 'AccessControlUnauthorizedAccount')
    await send(asDao, 'updateMetadata', ['ipfs://bafyovc'])
    expect(await view('tokenURI', [1n])).toBe('ipfs://bafyovc')
    await expectRevert(view('tokenURI', [99n]), 'ERC721NonexistentToken')
  })
})
