import {
  createPublicClient,
  createWalletClient,
  getContractAddress,
  http,
  parseEther,
  encodeFunctionData,
  toFunctionSelector,
  type Abi,
  type Address,
  type Hash,
  type Hex,
} from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { foundry } from 'viem/chains'
import {
  daoAbi,
  daoBytecode,
  openTokenAbi,
  openTokenBytecode,
  optimisticActionsAbi,
  optimisticActionsBytecode,
  tasksAbi,
  tasksBytecode,
  tokenVotingAbi,
  tokenVotingBytecode,
  verifiedContributorAbi,
  verifiedContributorBytecode,
} from '../contracts-abi'
import type { Deployment } from '../config/deployment'
import { DEVNET_CHAIN_ID } from './anvil'
import { deployerAccount } from './accounts'

/** OPEN minted to the deployer at deployment (the devnet's treasury float for seeding). */
export const OPEN_INITIAL_SUPPLY = parseEther('10000000')

/**
 * Governance durations. On the devnet they are minutes so a demo (or an e2e test) can watch a vote
 * close and an optimistic action become executable; elsewhere they are those of the Openmesh DAO.
 * - a proposal's minimum voting period: devnet 5 minutes (mainnet 1 day)
 * - an optimistic action's delay before it can execute: devnet 10 minutes (mainnet 7 days)
 */
export const DEVNET_VOTING_MIN_DURATION = 5 * 60
export const DEVNET_OPTIMISTIC_EXECUTE_DELAY = 10 * 60
const PRODUCTION_VOTING_MIN_DURATION = 24 * 60 * 60
const PRODUCTION_OPTIMISTIC_EXECUTE_DELAY = 7 * 24 * 60 * 60

/** Aragon ratios are parts per million. */
export const RATIO_BASE = 1_000_000
export const VotingMode = { Standard: 0, EarlyExecution: 1, VoteReplacement: 2 } as const
/** Support above 50% of yes+no, at least 20% of the voting power taking part, 1 OVC to propose. */
export function votingSettings(chainId: number) {
  return {
    votingMode: VotingMode.EarlyExecution,
    supportThreshold: 500_000,
    minParticipation: 200_000,
    minDuration: BigInt(chainId === DEVNET_CHAIN_ID ? DEVNET_VOTING_MIN_DURATION : PRODUCTION_VOTING_MIN_DURATION),
    minProposerVotingPower: 1n,
  } as const
}

/**
 * Deploys the portal's contracts from anvil account 0 and returns where they are. All deployment
 * transactions are sent back to back with explicit nonces (addresses are known in advance) and
 * awaited together, so a deployment takes a few hundred milliseconds on anvil.
 */
export async function deployPortal(args: { rpcUrl: string; chainId?: number }): Promise<Deployment> {
  const transport = http(args.rpcUrl)
  const publicClient = createPublicClient({ transport })
  const chainId = args.chainId ?? (await publicClient.getChainId())
  const chain = { ...foundry, id: chainId }
  const account = privateKeyToAccount(deployerAccount.privateKey)
  const wallet = createWalletClient({ account, chain, transport })

  let nonce = await publicClient.getTransactionCount({ address: account.address, blockTag: 'pending' })
  const sent: { key: keyof Deployment['contracts'] | undefined; address: Address | undefined; hash: Hash }[] = []

  const deploy = async (
    key: keyof Deployment['contracts'] | undefined,
    abi: Abi,
    bytecode: Hex,
    constructorArgs: readonly unknown[] = [],
  ): Promise<Address> => {
    const address = getContractAddress({ from: account.address, nonce: BigInt(nonce) })
    const hash = await wallet.deployContract({ abi, bytecode, args: constructorArgs, nonce: nonce++, gas: 15_000_000n })
    sent.push({ key, address, hash })
    return address
  }

  await deploy('openToken', openTokenAbi, openTokenBytecode, [
    account.address,
    OPEN_INITIAL_SUPPLY,
    chainId === DEVNET_CHAIN_ID,
  ])
  await deploy('tasks', tasksAbi, tasksBytecode)
  const dao = await deploy('dao', daoAbi, daoBytecode, [account.address])
  const ovc = await deploy('verifiedContributor', verifiedContributorAbi, verifiedContributorBytecode, [dao])
  const tokenVoting = await deploy('tokenVoting', tokenVotingAbi, tokenVotingBytecode, [
    dao,
    votingSettings(chainId),
    ovc,
  ])
  const optimisticActions = await deploy('optimisticActions', optimisticActionsAbi, optimisticActionsBytecode, [
    dao,
    ovc,
    BigInt(chainId === DEVNET_CHAIN_ID ? DEVNET_OPTIMISTIC_EXECUTE_DELAY : PRODUCTION_OPTIMISTIC_EXECUTE_DELAY),
  ])

  // Wiring: the DAO holds OVC's roles (granted in OVC's constructor); TokenVoting may make the DAO
  // do anything, OptimisticActions only mint OVC; then the deployer gives up its setup rights.
  const callDao = async (data: Hex) => {
    const hash = await wallet.sendTransaction({ to: dao, data, nonce: nonce++, gas: 200_000n })
    sent.push({ key: undefined, address: undefined, hash })
  }
  await callDao(encodeFunctionData({ abi: daoAbi, functionName: 'setPluginFullAccess', args: [tokenVoting, true] }))
  await callDao(
    encodeFunctionData({
      abi: daoAbi,
      functionName: 'setPluginCallPermission',
      args: [optimisticActions, ovc, toFunctionSelector('mint(address,uint256)'), true],
    }),
  )
  await callDao(encodeFunctionData({ abi: daoAbi, functionName: 'finishSetup' }))

  const contracts: Partial<Record<keyof Deployment['contracts'], { address: Address; startBlock: number }>> = {}
  for (const { key, address, hash } of sent) {
    const receipt = await publicClient.waitForTransactionReceipt({ hash, pollingInterval: 50 })
    if (receipt.status !== 'success') throw new Error(`deployment transaction ${hash} reverted`)
    if (key && address) contracts[key] = { address, startBlock: Number(receipt.blockNumber) }
  }
  if (!contracts.tasks) throw new Error('Tasks was not deployed')
  return { chainId, contracts: { ...contracts, tasks: contracts.tasks } }
}
