import { parseEther, parseUnits, type Abi } from 'viem'
import * as artifacts from '../contracts-abi'
import type { Deployment } from '../config/deployment'
import { DEVNET_FEED_NAMES } from '../config/price-feeds'
import { DEVNET_CHAIN_ID } from './anvil'
import { createDeployer } from './deployer'
import { deployTopology, VotingMode, type Topology, type TopologySettings, type VotingSettings } from './topology'

/** OPEN minted to the deployer at deployment (the devnet's treasury float for seeding). */
export const OPEN_INITIAL_SUPPLY = parseEther('10000000')
/** USDC (6 decimals) minted to the deployer. */
export const USDC_INITIAL_SUPPLY = parseUnits('10000000', 6)

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

/**
 * The dispute fee of the Dispute smart account. Openmesh charges 0.02 ETH on Ethereum and 10 POL
 * on Polygon (chainId wei on its testnets); the devnet charges an amount that shows in the UI.
 */
export const DEVNET_DISPUTE_FEE = parseEther('0.01')

/** Aragon ratios are parts per million. */
export const RATIO_BASE = 1_000_000
export { VotingMode }

/** Support above 50% of yes+no, at least 20% of the voting power taking part, 1 OVC (or tag) to propose. */
export function votingSettings(chainId: number): VotingSettings {
  return {
    votingMode: VotingMode.EarlyExecution,
    supportThreshold: 500_000,
    minParticipation: 200_000,
    minDuration: BigInt(chainId === DEVNET_CHAIN_ID ? DEVNET_VOTING_MIN_DURATION : PRODUCTION_VOTING_MIN_DURATION),
    minProposerVotingPower: 1n,
  }
}

export function topologySettings(chainId: number): TopologySettings {
  const devnet = chainId === DEVNET_CHAIN_ID
  return {
    voting: votingSettings(chainId),
    optimisticExecuteDelay: BigInt(devnet ? DEVNET_OPTIMISTIC_EXECUTE_DELAY : PRODUCTION_OPTIMISTIC_EXECUTE_DELAY),
    disputeFee: DEVNET_DISPUTE_FEE,
    openSupply: OPEN_INITIAL_SUPPLY,
    usdcSupply: USDC_INITIAL_SUPPLY,
    faucets: devnet,
    usdPrices: { native: parseUnits('3000', 8), open: parseUnits('0.05', 8), usdc: parseUnits('1', 8) },
  }
}

/** The portal's deployment: where the app and the indexer find the contracts, and the whole topology. */
export type PortalDeployment = Deployment & { topology: Topology }

/** Every custom error of our contracts, to name the revert of a failed deployment step. */
const errorAbi = Object.entries(artifacts)
  .filter(([name]) => name.endsWith('Abi'))
  .flatMap(([, abi]) => (abi as Abi).filter((item) => item.type === 'error')) as Abi

/**
 * Deploys Openmesh's topology (devnet/topology.ts) from anvil account 0 and returns where it is.
 * All transactions are sent back to back with explicit nonces and checked together at the end,
 * so a deployment takes a second or two on anvil.
 */
export async function deployPortal(args: { rpcUrl: string; chainId?: number }): Promise<PortalDeployment> {
  const deployer = await createDeployer({ rpcUrl: args.rpcUrl, chainId: args.chainId, errorAbi })
  const topology = await deployTopology(deployer, topologySettings(deployer.chainId))
  return { ...deploymentOf(deployer.chainId, topology), topology }
}

/** Where the app and the indexer find the topology's contracts (config/deployment.ts). */
export function deploymentOf(chainId: number, topology: Topology): Deployment {
  const department = (d: Topology['departments']['dispute']) => ({ name: d.name, smartAccount: d.smartAccount, dao: d.dao, tagVoting: d.tagVoting })
  return {
    chainId,
    contracts: {
      tasks: topology.tasks,
      rfps: topology.rfps,
      taskDisputes: topology.taskDisputes,
      taskDrafts: topology.taskDrafts,
      verifiedContributor: topology.verifiedContributor,
      tagManager: topology.tagManager,
      dao: topology.openmeshDao,
      tokenVoting: topology.tokenVoting,
      optimisticActions: topology.optimisticActions,
      pessimisticActions: topology.pessimisticActions,
      addressTrustlessManagement: topology.addressTrustlessManagement,
      erc721CountTrustlessManagement: topology.erc721CountTrustlessManagement,
      tagTrustlessManagement: topology.tagTrustlessManagement,
      openToken: topology.openToken,
      usdc: topology.usdc,
    },
    departments: [department(topology.departments.dispute), department(topology.departments.coreMember), department(topology.departments.expert)],
    others: {
      SmartAccountTrustlessExecution: topology.smartAccountTrustlessExecution.address,
      [DEVNET_FEED_NAMES.native]: topology.priceFeeds.nativeUsd.address,
      [DEVNET_FEED_NAMES.openToken]: topology.priceFeeds.openUsd.address,
      [DEVNET_FEED_NAMES.usdc]: topology.priceFeeds.usdcUsd.address,
    },
  }
}
