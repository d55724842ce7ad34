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
  it('is named OVC; the DAO holds MINT and BURN, the Openmesh admin (the deployer) the admin role and MINT', async () => {
    expect(await view('name')).toBe('Openmesh Verified Contributor')
    expect(await view('symbol')).toBe('OVC')
    const role = async (name: string) => {
      const id = await view<`0x${string}`>(`${name}_ROLE`)
      expect(id).toBe(keccak256(toHex(name)))
      return id
    }
    const [mint, burn, metadata] = [await role('MINT'), await role('BURN'), await role('METADATA')]
    const holders = async (id: `0x${string}`) =>
      [(await view('hasRole', [id, dao])) && 'dao', (await view('hasRole', [id, deployer.account.address])) && 'admin'].filter(Boolean)
    expect(await holders(mint)).toEqual(['dao', 'admin'])
    expect(await holders(burn)).toEqual(['dao'])
    expect(await holders(metadata)).toEqual([])
    expect(await holders(`0x${'00'.repeat(32)}`)).toEqual(['admin'])
    expect(await view('owner')).toBe('0xfF7e49aC5D00CbaaD0BF02165Fea31C0A411930e')
  })

  it('only MINT_ROLE mints', async () => {
    const args = await expectRevert(send(other, 'mint', [other.account.address, 2n]), 'AccessControlUnauthorizedAccount')
    expect(args[0]).toBe(other.account.address)
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

  it('serves per-token metadata under the URL prefix METADATA_ROLE sets', async () => {
    expect(await view('tokenURI', [1n])).toBe('https://erc721.openmesh.network/metadata/ovc/1')
    await expectRevert(send(holder, 'updateMetadata', ['ipfs://x/']), 'AccessControlUnauthorizedAccount')
    await send(deployer, 'grantRole', [keccak256(toHex('METADATA')), deployer.account.address])
    await send(deployer, 'updateMetadata', ['ipfs://bafyovc/'])
    expect(await view('tokenURI', [1n])).toBe('ipfs://bafyovc/1')
    await expectRevert(view('tokenURI', [99n]), 'ERC721NonexistentToken')
  })
})
