import {
  encodeFunctionData,
  getAddress,
  keccak256,
  maxUint160,
  toBytes,
  toFunctionSelector,
  zeroAddress,
  type Abi,
  type Address,
  type Hex,
} from 'viem'
import {
  addressTrustlessManagementAbi,
  addressTrustlessManagementBytecode,
  daoAbi,
  daoBytecode,
  devnetPriceFeedAbi,
  devnetPriceFeedBytecode,
  devnetUSDCAbi,
  devnetUSDCBytecode,
  erc721CountTrustlessManagementAbi,
  erc721CountTrustlessManagementBytecode,
  openTokenAbi,
  openTokenBytecode,
  optimisticActionsAbi,
  optimisticActionsBytecode,
  osxProxyAbi,
  osxProxyBytecode,
  pessimisticActionsAbi,
  pessimisticActionsBytecode,
  rfpsAbi,
  rfpsBytecode,
  smartAccountAbi,
  smartAccountBytecode,
  smartAccountTrustlessExecutionAbi,
  smartAccountTrustlessExecutionBytecode,
  tagTrustlessManagementAbi,
  tagTrustlessManagementBytecode,
  tagVotingAbi,
  tagVotingBytecode,
  taskDisputesAbi,
  taskDisputesBytecode,
  taskDraftsAbi,
  taskDraftsBytecode,
  tasksAbi,
  tasksBytecode,
  tokenVotingAbi,
  tokenVotingBytecode,
  verifiedContributorAbi,
  verifiedContributorBytecode,
  verifiedContributorTagManagerAbi,
  verifiedContributorTagManagerBytecode,
} from '../contracts-abi'
import type { Deployed, Deployer } from './deployer'

// Openmesh's contract topology in miniature (shared/reference-abi/README.md, "How the pieces fit"):
// - the Openmesh DAO of all OVC holders, governed by TokenVoting over the OVC;
// - three departments (DISPUTE, COREMEMBER, EXPERT), each an Aragon DAO governed by TagVoting over
//   its tag, owning a department smart account;
// - the TrustlessManagement permissions of the README's table: any OVC holder (ERC721Count role 1)
//   may create and reject optimistic actions on the Openmesh DAO, which may only mint OVCs; a tag
//   holder may on their department's smart account, whose optimistic actions may call anything on
//   Tasks; TaskDisputes may queue pessimistic actions on the Dispute smart account, which may only
//   call Tasks.completeByDispute (devnet addition: TaskDrafts may queue drafts on every
//   department, which may only call Tasks.createTask);
// - roles: the Openmesh DAO holds MINT and BURN on the OVC, each smart account the role of its tag
//   on the tag manager; the deployer plays the Openmesh admin (OVC and tag-manager admin, MINT).
// Every DAO is set up as Aragon's DAOFactory and DepartmentFactory do it: the deployer holds ROOT
// and a temporary EXECUTE while it wires the DAO through the DAO itself, then hands ROOT to the
// DAO and gives up both.

export const DEPARTMENTS = ['DISPUTE', 'COREMEMBER', 'EXPERT'] as const
export type DepartmentName = (typeof DEPARTMENTS)[number]

/** A department's tag on the tag manager (and its TagTrustlessManagement role as uint256). */
export function departmentTag(name: DepartmentName): Hex {
  return keccak256(toBytes(name))
}

/** The role of `account` on AddressTrustlessManagement. */
export function addressRole(account: Address): bigint {
  return BigInt(account)
}

/** A permission checker value meaning "always allowed". */
export const ALWAYS_ALLOWED: Address = getAddress(`0x${maxUint160.toString(16)}`)

export const VotingMode = { Standard: 0, EarlyExecution: 1, VoteReplacement: 2 } as const

export type VotingSettings = {
  votingMode: number
  supportThreshold: number
  minParticipation: number
  minDuration: bigint
  minProposerVotingPower: bigint
}

export type TopologySettings = {
  /** Of TokenVoting and every TagVoting. */
  voting: VotingSettings
  /** Seconds before an optimistic action may run, on the Openmesh DAO and every department. */
  optimisticExecuteDelay: bigint
  /** What TaskDisputes charges for a dispute on the Dispute smart account (wei). */
  disputeFee: bigint
  /** Minted to the deployer: 18-decimal OPEN and 6-decimal USDC. */
  openSupply: bigint
  usdcSupply: bigint
  faucets: boolean
  /** Initial answers of the USD price feeds, with 8 decimals as Chainlink's USD feeds. */
  usdPrices: { native: bigint; open: bigint; usdc: bigint }
}

export type Department = {
  name: DepartmentName
  tag: Hex
  dao: Deployed
  tagVoting: Deployed
  smartAccount: Deployed
}

export type Topology = {
  tasks: Deployed
  rfps: Deployed
  taskDisputes: Deployed
  taskDrafts: Deployed
  verifiedContributor: Deployed
  tagManager: Deployed
  openmeshDao: Deployed
  tokenVoting: Deployed
  optimisticActions: Deployed
  pessimisticActions: Deployed
  addressTrustlessManagement: Deployed
  erc721CountTrustlessManagement: Deployed
  tagTrustlessManagement: Deployed
  smartAccountTrustlessExecution: Deployed
  departments: { dispute: Department; coreMember: Department; expert: Department }
  openToken: Deployed
  usdc: Deployed
  priceFeeds: { nativeUsd: Deployed; openUsd: Deployed; usdcUsd: Deployed }
  /** What the DAO and plugin proxies point at. */
  implementations: { dao: Deployed; tokenVoting: Deployed; tagVoting: Deployed }
}

const SETUP_CALL_ID = keccak256(toBytes('DEPARTMENT_SETUP'))
const permissionId = (name: string) => keccak256(toBytes(name))
const ROOT = permissionId('ROOT_PERMISSION')
const EXECUTE = permissionId('EXECUTE_PERMISSION')
const DAO_SELF_PERMISSIONS = [
  ROOT,
  permissionId('UPGRADE_DAO_PERMISSION'),
  permissionId('SET_METADATA_PERMISSION'),
  permissionId('SET_TRUSTED_FORWARDER_PERMISSION'),
  permissionId('REGISTER_STANDARD_CALLBACK_PERMISSION'),
]
const PLUGIN_PERMISSIONS = [permissionId('UPDATE_VOTING_SETTINGS_PERMISSION'), permissionId('UPGRADE_PLUGIN_PERMISSION')]
const Operation = { Grant: 0, Revoke: 1 } as const

type Action = { to: Address; value: bigint; data: Hex }

function action(to: Address, abi: Abi, functionName: string, args: readonly unknown[], value = 0n): Action {
  return { to, value, data: encodeFunctionData({ abi, functionName, args } as never) }
}

/** An action the department DAO runs through its smart account. */
function viaAccount(account: Address, inner: Action): Action {
  return action(account, smartAccountAbi, 'performCall', [inner.to, inner.value, inner.data])
}

const selector = (signature: string) => toFunctionSelector(signature)
const CREATE_ACTION = selector('createAction(address,uint256,(address,uint256,bytes)[],uint256,string)')
const REJECT_ACTION = selector('rejectAction(uint32,string)')
const MINT = selector('mint(address,uint256)')
const COMPLETE_BY_DISPUTE = selector('completeByDispute(uint256,uint96[],uint88[])')
const CREATE_TASK = selector(
  'createTask(string,uint64,address,address,(address,uint96)[],(address,(address,uint96)[],(bool,address,uint88)[])[])',
)

/** Deploys and wires the whole topology; returns where everything is and from which block. */
export async function deployTopology(deployer: Deployer, settings: TopologySettings): Promise<Topology> {
  const me = deployer.address

  const openToken = await deployer.deploy('OPEN', openTokenAbi, openTokenBytecode, [me, settings.openSupply, settings.faucets])
  const usdc = await deployer.deploy('USDC', devnetUSDCAbi, devnetUSDCBytecode, [me, settings.usdcSupply, settings.faucets])
  const feed = (label: string, description: string, answer: bigint) =>
    deployer.deploy(label, devnetPriceFeedAbi, devnetPriceFeedBytecode, [me, 8, description, answer])
  const nativeUsd = await feed('ETH/USD feed', 'ETH / USD', settings.usdPrices.native)
  const openUsd = await feed('OPEN/USD feed', 'OPEN / USD', settings.usdPrices.open)
  const usdcUsd = await feed('USDC/USD feed', 'USDC / USD', settings.usdPrices.usdc)

  const tasks = await deployer.deploy('Tasks', tasksAbi, tasksBytecode)
  const rfps = await deployer.deploy('RFPs', rfpsAbi, rfpsBytecode, [tasks])
  const taskDisputes = await deployer.deploy('TaskDisputes', taskDisputesAbi, taskDisputesBytecode, [tasks])
  const taskDrafts = await deployer.deploy('TaskDrafts', taskDraftsAbi, taskDraftsBytecode, [tasks])
  const ovc = await deployer.deploy('VerifiedContributor', verifiedContributorAbi, verifiedContributorBytecode)
  const tagManager = await deployer.deploy('VerifiedContributorTagManager', verifiedContributorTagManagerAbi, verifiedContributorTagManagerBytecode, [ovc, me])
  const addressTm = await deployer.deploy('AddressTrustlessManagement', addressTrustlessManagementAbi, addressTrustlessManagementBytecode)
  const countTm = await deployer.deploy('ERC721CountTrustlessManagement', erc721CountTrustlessManagementAbi, erc721CountTrustlessManagementBytecode, [ovc])
  const tagTm = await deployer.deploy('TagTrustlessManagement', tagTrustlessManagementAbi, tagTrustlessManagementBytecode, [tagManager])
  const optimistic = await deployer.deploy('OptimisticActions', optimisticActionsAbi, optimisticActionsBytecode)
  const pessimistic = await deployer.deploy('PessimisticActions', pessimisticActionsAbi, pessimisticActionsBytecode)
  const execution = await deployer.deploy('SmartAccountTrustlessExecution', smartAccountTrustlessExecutionAbi, smartAccountTrustlessExecutionBytecode)
  const daoImpl = await deployer.deploy('DAO implementation', daoAbi, daoBytecode)
  const tokenVotingImpl = await deployer.deploy('TokenVoting implementation', tokenVotingAbi, tokenVotingBytecode)
  const tagVotingImpl = await deployer.deploy('TagVoting implementation', tagVotingAbi, tagVotingBytecode)

  const proxy = (label: string, implementation: Address, init: Action) =>
    deployer.deploy(label, osxProxyAbi, osxProxyBytecode, [implementation, init.data])
  const newDao = (label: string) =>
    proxy(label, daoImpl, action(daoImpl, daoAbi, 'initialize', ['0x', me, zeroAddress, '']))

  // ---- the Openmesh DAO
  const openmeshDao = await newDao('Openmesh DAO')
  const tokenVoting = await proxy(
    'Openmesh TokenVoting',
    tokenVotingImpl,
    action(tokenVotingImpl, tokenVotingAbi, 'initialize', [openmeshDao, settings.voting, ovc]),
  )
  await deployer.call('OVC: MINT to the Openmesh DAO', ovc, verifiedContributorAbi, 'grantRole', [keccak256(toBytes('MINT')), openmeshDao])
  await deployer.call('OVC: BURN to the Openmesh DAO', ovc, verifiedContributorAbi, 'grantRole', [keccak256(toBytes('BURN')), openmeshDao])
  await deployer.call('OVC: MINT to the Openmesh admin', ovc, verifiedContributorAbi, 'grantRole', [keccak256(toBytes('MINT')), me])
  await setUpDao(deployer, 'Openmesh DAO', openmeshDao, tokenVoting, [addressTm, countTm], [
    action(countTm, erc721CountTrustlessManagementAbi, 'changeFunctionAccess', [openmeshDao, 1n, optimistic, CREATE_ACTION, ALWAYS_ALLOWED]),
    action(countTm, erc721CountTrustlessManagementAbi, 'changeFunctionAccess', [openmeshDao, 1n, optimistic, REJECT_ACTION, ALWAYS_ALLOWED]),
    action(addressTm, addressTrustlessManagementAbi, 'changeFunctionAccess', [openmeshDao, addressRole(optimistic), ovc, MINT, ALWAYS_ALLOWED]),
    action(optimistic, optimisticActionsAbi, 'setExecuteDelay', [openmeshDao, settings.optimisticExecuteDelay]),
  ])

  // ---- the departments
  const departments: { name: DepartmentName; tag: Hex; dao: Address; tagVoting: Address; smartAccount: Address }[] = []
  for (const name of DEPARTMENTS) {
    const tag = departmentTag(name)
    const dao = await newDao(`${name} DAO`)
    const tagVoting = await proxy(
      `${name} TagVoting`,
      tagVotingImpl,
      action(tagVotingImpl, tagVotingAbi, 'initialize', [dao, settings.voting, tagManager, tag]),
    )
    const account = await deployer.deploy(`${name} smart account`, smartAccountAbi, smartAccountBytecode, [dao])
    await deployer.call(`tag manager: ${name} role to its smart account`, tagManager, verifiedContributorTagManagerAbi, 'grantRole', [tag, account])

    const asAccount = (inner: Action) => viaAccount(account, inner)
    const accountSetup: Action[] = [
      action(account, smartAccountAbi, 'performDelegateCall', [
        execution,
        encodeFunctionData({ abi: smartAccountTrustlessExecutionAbi, functionName: 'install', args: [[addressTm, tagTm]] }),
      ]),
      asAccount(action(tagTm, tagTrustlessManagementAbi, 'changeFunctionAccess', [account, BigInt(tag), optimistic, CREATE_ACTION, ALWAYS_ALLOWED])),
      asAccount(action(tagTm, tagTrustlessManagementAbi, 'changeFunctionAccess', [account, BigInt(tag), optimistic, REJECT_ACTION, ALWAYS_ALLOWED])),
      asAccount(action(addressTm, addressTrustlessManagementAbi, 'changeZoneAccess', [account, addressRole(optimistic), tasks, ALWAYS_ALLOWED])),
      asAccount(action(optimistic, optimisticActionsAbi, 'setExecuteDelay', [account, settings.optimisticExecuteDelay])),
      // Devnet addition (no Openmesh DAO installs drafts): drafts may create tasks once approved.
      asAccount(action(addressTm, addressTrustlessManagementAbi, 'changeFunctionAccess', [account, addressRole(taskDrafts), pessimistic, CREATE_ACTION, ALWAYS_ALLOWED])),
      asAccount(action(addressTm, addressTrustlessManagementAbi, 'changeFunctionAccess', [account, addressRole(pessimistic), tasks, CREATE_TASK, ALWAYS_ALLOWED])),
    ]
    if (name === 'DISPUTE') {
      accountSetup.push(
        asAccount(action(addressTm, addressTrustlessManagementAbi, 'changeFunctionAccess', [account, addressRole(taskDisputes), pessimistic, CREATE_ACTION, ALWAYS_ALLOWED])),
        asAccount(action(addressTm, addressTrustlessManagementAbi, 'changeFunctionAccess', [account, addressRole(pessimistic), tasks, COMPLETE_BY_DISPUTE, ALWAYS_ALLOWED])),
        asAccount(action(taskDisputes, taskDisputesAbi, 'updateCost', [settings.disputeFee])),
      )
    }
    await setUpDao(deployer, `${name} DAO`, dao, tagVoting, [], accountSetup)
    departments.push({ name, tag, dao, tagVoting, smartAccount: account })
  }

  const blocks = await deployer.settle()
  const at = (address: Address): Deployed => {
    const startBlock = blocks.get(address)
    if (startBlock === undefined) throw new Error(`no deployment block for ${address}`)
    return { address, startBlock }
  }
  const department = (name: DepartmentName): Department => {
    const d = departments.find((candidate) => candidate.name === name)!
    return { name, tag: d.tag, dao: at(d.dao), tagVoting: at(d.tagVoting), smartAccount: at(d.smartAccount) }
  }
  return {
    tasks: at(tasks),
    rfps: at(rfps),
    taskDisputes: at(taskDisputes),
    taskDrafts: at(taskDrafts),
    verifiedContributor: at(ovc),
    tagManager: at(tagManager),
    openmeshDao: at(openmeshDao),
    tokenVoting: at(tokenVoting),
    optimisticActions: at(optimistic),
    pessimisticActions: at(pessimistic),
    addressTrustlessManagement: at(addressTm),
    erc721CountTrustlessManagement: at(countTm),
    tagTrustlessManagement: at(tagTm),
    smartAccountTrustlessExecution: at(execution),
    departments: { dispute: department('DISPUTE'), coreMember: department('COREMEMBER'), expert: department('EXPERT') },
    openToken: at(openToken),
    usdc: at(usdc),
    priceFeeds: { nativeUsd: at(nativeUsd), openUsd: at(openUsd), usdcUsd: at(usdcUsd) },
    implementations: { dao: at(daoImpl), tokenVoting: at(tokenVotingImpl), tagVoting: at(tagVotingImpl) },
  }
}

/**
 * Wires a fresh DAO (the deployer holds ROOT): runs `setup` as the DAO, then gives the DAO its own
 * permissions, its plugin EXECUTE and the plugin's settings and upgrade permissions, `executors`
 * EXECUTE too, and takes the deployer's ROOT and EXECUTE away.
 */
async function setUpDao(
  deployer: Deployer,
  label: string,
  dao: Address,
  plugin: Address,
  executors: Address[],
  setup: Action[],
): Promise<void> {
  const me = deployer.address
  const grant = (where: Address, who: Address, id: Hex) => ({ operation: Operation.Grant, where, who, condition: zeroAddress, permissionId: id })
  const revoke = (where: Address, who: Address, id: Hex) => ({ operation: Operation.Revoke, where, who, condition: zeroAddress, permissionId: id })
  await deployer.call(`${label}: setup EXECUTE`, dao, daoAbi, 'grant', [dao, me, EXECUTE])
  if (setup.length) await deployer.call(`${label}: setup`, dao, daoAbi, 'execute', [SETUP_CALL_ID, setup, 0n])
  await deployer.call(`${label}: permissions`, dao, daoAbi, 'applyMultiTargetPermissions', [
    [
      ...DAO_SELF_PERMISSIONS.map((id) => grant(dao, dao, id)),
      grant(dao, plugin, EXECUTE),
      ...executors.map((executor) => grant(dao, executor, EXECUTE)),
      ...PLUGIN_PERMISSIONS.map((id) => grant(plugin, dao, id)),
      revoke(dao, me, EXECUTE),
      revoke(dao, me, ROOT),
    ],
  ])
}

