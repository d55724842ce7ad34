import { formatAbiItem } from 'viem/utils'
import { toHex, type Abi, type Hex, type TransactionReceipt } from 'viem'
import { smartAccountAbi, tagVotingAbi, verifiedContributorAbi, verifiedContributorTagManagerAbi } from '../contracts-abi'
import { allContractErrors } from '../devnet/contract-errors'
import type { Department } from '../devnet/topology'
import { action, type Action, type DeployedPortal, type Wallet } from './test-utils'

// Steps the topology tests share: making OVC members and department members, running a
// department vote to its execution, and decoding reverts that bubble up from nested contracts.

type AbiError = Extract<Abi[number], { type: 'error' }>

export const Vote = { None: 0, Abstain: 1, Yes: 2, No: 3 } as const

const allErrors = allContractErrors as AbiError[]

/** `abi` plus the errors of every other contract (those `abi` declares itself win). */
export function withAllErrors(abi: Abi): Abi {
  const own = new Set(abi.filter((item) => item.type === 'error').map((item) => formatAbiItem(item as AbiError)))
  return [...abi, ...allErrors.filter((item) => !own.has(formatAbiItem(item)))]
}

export function useTopologyHelpers(chain: DeployedPortal) {
  const { topology, wallets, write, impersonate } = chain
  const deployer = wallets[0]!
  const ovc = topology.verifiedContributor.address
  let nextTokenId = 1n

  /** Mints an OVC to `wallet` (as the Openmesh admin, which holds MINT) and delegates its vote to itself. */
  async function makeMember(wallet: Wallet, options: { delegate?: boolean } = {}): Promise<bigint> {
    const tokenId = nextTokenId++
    await write(deployer, { address: ovc, abi: verifiedContributorAbi, functionName: 'mint', args: [wallet.account.address, tokenId] })
    if (options.delegate ?? true) {
      await write(wallet, { address: ovc, abi: verifiedContributorAbi, functionName: 'delegate', args: [wallet.account.address] })
    }
    return tokenId
  }

  /** Tags `tokenId` for the department, as its smart account (which holds the tag's role). */
  async function tag(department: Department, tokenId: bigint): Promise<TransactionReceipt> {
    const account = await impersonate(department.smartAccount.address)
    const { receipt } = await write(account, {
      address: topology.tagManager.address,
      abi: verifiedContributorTagManagerAbi,
      functionName: 'addTag',
      args: [tokenId, department.tag],
    })
    return receipt
  }

  /** An OVC holder with the department's tag. */
  async function makeDepartmentMember(wallet: Wallet, department: Department): Promise<bigint> {
    const tokenId = await makeMember(wallet)
    await tag(department, tokenId)
    return tokenId
  }

  /** `inner`, performed by the department's smart account when its DAO executes this action. */
  function throughAccount(department: Department, inner: Action): Action {
    return action(department.smartAccount.address, smartAccountAbi, 'performCall', [inner.to, inner.value, inner.data])
  }

  /**
   * A TagVoting proposal of `proposer` (who votes Yes) that `voters` then vote Yes on with early
   * execution, until it has run. Returns its id and the receipt of the vote that executed it.
   */
  async function passDepartmentVote(
    department: Department,
    proposer: Wallet,
    voters: Wallet[],
    actions: Action[],
    metadata: Hex = toHex('ipfs://bafkreidepartmentproposal'),
  ) {
    const voting = department.tagVoting.address
    const abi = withAllErrors(tagVotingAbi)
    const created = await write(proposer, {
      address: voting,
      abi,
      functionName: 'createProposal',
      args: [metadata, actions, 0n, 0n, 0n, Vote.Yes, true],
    })
    const proposalId = created.result as bigint
    let receipt = created.receipt
    for (const voter of voters) {
      receipt = (await write(voter, { address: voting, abi, functionName: 'vote', args: [proposalId, Vote.Yes, true] })).receipt
      const [, executed] = (await chain.read({ address: voting, abi: tagVotingAbi, functionName: 'getProposal', args: [proposalId] })) as [boolean, boolean]
      if (executed) return { proposalId, receipt }
    }
    throw new Error(`proposal ${proposalId} of ${department.name} did not execute`)
  }

  return { makeMember, tag, makeDepartmentMember, throughAccount, passDepartmentVote }
}
