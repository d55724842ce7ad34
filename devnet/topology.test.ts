import { createPublicClient, http, keccak256, toBytes, toFunctionSelector, type Abi, type Address, type Hex } from 'viem'
import { describe, expect, it } from 'vitest'
import {
  addressTrustlessManagementAbi,
  daoAbi,
  erc721CountTrustlessManagementAbi,
  optimisticActionsAbi,
  pessimisticActionsAbi,
  smartAccountAbi,
  tagTrustlessManagementAbi,
  tagVotingAbi,
  taskDisputesAbi,
  tasksAbi,
  tokenVotingAbi,
  verifiedContributorAbi,
  verifiedContributorTagManagerAbi,
} from '../contracts-abi'
import { useAnvil } from '../test/setup'
import { deployerAccount } from './accounts'
import { DEVNET_DISPUTE_FEE, DEVNET_OPTIMISTIC_EXECUTE_DELAY, DEVNET_VOTING_MIN_DURATION, deployPortal } from './deploy'
import { addressRole, departmentTag, DEPARTMENTS } from './topology'

// The deployed devnet is the topology of shared/reference-abi/README.md: who may execute on each
// DAO, the TrustlessManagement permissions of its table (read back with isAllowed), the roles on
// the OVC and the tag manager, the fee and the delays, and that the deployer kept no power over
// any DAO. Read from a real anvil right after deployPortal.

const anvil = await useAnvil()
const client = createPublicClient({ transport: http(anvil.rpcUrl) })
const deployment = await deployPortal({ rpcUrl: anvil.rpcUrl })
const t = deployment.topology
const me = deployerAccount.address
const read = <T>(address: Address, abi: Abi, functionName: string, args: readonly unknown[] = []) =>
  client.readContract({ address, abi, functionName, args }) as Promise<T>

const id = (name: string) => keccak256(toBytes(name))
const call = (to: Address, signature: string): { to: Address; value: bigint; data: Hex } => ({ to, value: 0n, data: toFunctionSelector(signature) })
const CREATE_ACTION = 'createAction(address,uint256,(address,uint256,bytes)[],uint256,string)'
const REJECT_ACTION = 'rejectAction(uint32,string)'
const COMPLETE_BY_DISPUTE = 'completeByDispute(uint256,uint96[],uint88[])'
const CREATE_TASK = 'createTask(string,uint64,address,address,(address,uint96)[],(address,(address,uint96)[],(bool,address,uint88)[])[])'
const CANCEL_TASK = 'cancelTask(uint256,string)'
const MINT = 'mint(address,uint256)'
const BURN = 'burn(uint256)'

const hasPermission = (dao: Address, where: Address, who: Address, permission: string) =>
  read<boolean>(dao, daoAbi, 'hasPermission', [where, who, id(permission), '0x'])
const isAllowed = (manager: Address, abi: Abi, dao: Address, role: bigint, signature: [Address, string]) =>
  read<boolean>(manager, abi, 'isAllowed', [dao, role, [call(...signature)]])

describe('the devnet topology', () => {
  it('returns every address, each contract under the key the app and indexer read it by', () => {
    expect(deployment.contracts).toEqual({
      tasks: t.tasks,
      rfps: t.rfps,
      taskDisputes: t.taskDisputes,
      taskDrafts: t.taskDrafts,
      verifiedContributor: t.verifiedContributor,
      tagManager: t.tagManager,
      dao: t.openmeshDao,
      tokenVoting: t.tokenVoting,
      optimisticActions: t.optimisticActions,
      pessimisticActions: t.pessimisticActions,
      addressTrustlessManagement: t.addressTrustlessManagement,
      erc721CountTrustlessManagement: t.erc721CountTrustlessManagement,
      tagTrustlessManagement: t.tagTrustlessManagement,
      openToken: t.openToken,
      usdc: t.usdc,
    })
    expect(Object.values(t.departments).map((d) => [d.name, d.tag])).toEqual(DEPARTMENTS.map((name) => [name, keccak256(toBytes(name))]))
  })

  it('the Openmesh DAO: TokenVoting over the OVC, and the two TrustlessManagements may execute', async () => {
    const dao = t.openmeshDao.address
    expect(await read(t.tokenVoting.address, tokenVotingAbi, 'dao')).toBe(dao)
    expect(await read(t.tokenVoting.address, tokenVotingAbi, 'getVotingToken')).toBe(t.verifiedContributor.address)
    expect(await read(t.tokenVoting.address, tokenVotingAbi, 'minDuration')).toBe(BigInt(DEVNET_VOTING_MIN_DURATION))
    for (const executor of [t.tokenVoting, t.addressTrustlessManagement, t.erc721CountTrustlessManagement]) {
      expect(await hasPermission(dao, dao, executor.address, 'EXECUTE_PERMISSION')).toBe(true)
    }
    expect(await hasPermission(dao, dao, t.tagTrustlessManagement.address, 'EXECUTE_PERMISSION')).toBe(false)
    expect(await hasPermission(dao, t.tokenVoting.address, dao, 'UPDATE_VOTING_SETTINGS_PERMISSION')).toBe(true)
  })

  it('any OVC holder may create and reject optimistic actions on the Openmesh DAO, which may only mint OVCs', async () => {
    const dao = t.openmeshDao.address
    const count = (signature: [Address, string]) => isAllowed(t.erc721CountTrustlessManagement.address, erc721CountTrustlessManagementAbi, dao, 1n, signature)
    expect(await count([t.optimisticActions.address, CREATE_ACTION])).toBe(true)
    expect(await count([t.optimisticActions.address, REJECT_ACTION])).toBe(true)
    expect(await count([t.verifiedContributor.address, MINT])).toBe(false)
    const execution = (signature: [Address, string]) =>
      isAllowed(t.addressTrustlessManagement.address, addressTrustlessManagementAbi, dao, addressRole(t.optimisticActions.address), signature)
    expect(await execution([t.verifiedContributor.address, MINT])).toBe(true)
    expect(await execution([t.verifiedContributor.address, BURN])).toBe(false)
    expect(await execution([t.tasks.address, CREATE_TASK])).toBe(false)
    expect(await read(t.optimisticActions.address, optimisticActionsAbi, 'getOptimisticAction', [dao, 0])).toEqual({ executableFrom: 0n })
  })

  it('each department: a DAO with TagVoting on its tag, owning a smart account whose tag holders may propose optimistic Tasks calls', async () => {
    for (const department of Object.values(t.departments)) {
      const [dao, tagVoting, smartAccount, tag] = [department.dao.address, department.tagVoting.address, department.smartAccount.address, department.tag]
      expect(tag).toBe(departmentTag(department.name))
      expect(await read(tagVoting, tagVotingAbi, 'tag')).toBe(tag)
      expect(await read(tagVoting, tagVotingAbi, 'tagManager')).toBe(t.tagManager.address)
      expect(await hasPermission(dao, dao, tagVoting, 'EXECUTE_PERMISSION')).toBe(true)
      expect(await read(smartAccount, smartAccountAbi, 'owner')).toBe(dao)
      expect(await read(t.tagManager.address, verifiedContributorTagManagerAbi, 'hasRole', [tag, smartAccount])).toBe(true)

      const byTag = (signature: [Address, string]) => isAllowed(t.tagTrustlessManagement.address, tagTrustlessManagementAbi, smartAccount, BigInt(tag), signature)
      expect(await byTag([t.optimisticActions.address, CREATE_ACTION])).toBe(true)
      expect(await byTag([t.optimisticActions.address, REJECT_ACTION])).toBe(true)
      expect(await byTag([t.tasks.address, CANCEL_TASK])).toBe(false)
      const optimistic = (signature: [Address, string]) =>
        isAllowed(t.addressTrustlessManagement.address, addressTrustlessManagementAbi, smartAccount, addressRole(t.optimisticActions.address), signature)
      expect(await optimistic([t.tasks.address, CANCEL_TASK])).toBe(true)
      expect(await optimistic([t.tasks.address, CREATE_TASK])).toBe(true)
      expect(await optimistic([t.verifiedContributor.address, MINT])).toBe(false)
      // Drafts (a devnet addition): TaskDrafts may queue, and what it queues may only create tasks.
      const drafts = (signature: [Address, string]) =>
        isAllowed(t.addressTrustlessManagement.address, addressTrustlessManagementAbi, smartAccount, addressRole(t.taskDrafts.address), signature)
      expect(await drafts([t.pessimisticActions.address, CREATE_ACTION])).toBe(true)
      expect(await drafts([t.tasks.address, CREATE_TASK])).toBe(false)
    }
  })

  it('the Dispute smart account: TaskDisputes queues pessimistic actions that may only complete tasks by dispute (or create drafted tasks)', async () => {
    const account = t.departments.dispute.smartAccount.address
    const pessimistic = (signature: [Address, string]) =>
      isAllowed(t.addressTrustlessManagement.address, addressTrustlessManagementAbi, account, addressRole(t.pessimisticActions.address), signature)
    expect(await pessimistic([t.tasks.address, COMPLETE_BY_DISPUTE])).toBe(true)
    expect(await pessimistic([t.tasks.address, CANCEL_TASK])).toBe(false)
    const disputes = (dao: Address) =>
      isAllowed(t.addressTrustlessManagement.address, addressTrustlessManagementAbi, dao, addressRole(t.taskDisputes.address), [t.pessimisticActions.address, CREATE_ACTION])
    expect(await disputes(account)).toBe(true)
    expect(await disputes(t.departments.expert.smartAccount.address)).toBe(false)
    expect(await read(t.taskDisputes.address, taskDisputesAbi, 'getCost', [account])).toBe(DEVNET_DISPUTE_FEE)
    expect(await read(t.taskDisputes.address, taskDisputesAbi, 'tasks')).toBe(t.tasks.address)
    expect(await read(t.pessimisticActions.address, pessimisticActionsAbi, 'getAction', [account, 0])).toMatchObject({ executed: false, actions: [] })
  })

  it('roles: the Openmesh DAO holds MINT and BURN on the OVC; the deployer, as the Openmesh admin, the admin roles', async () => {
    const ovc = t.verifiedContributor.address
    const role = (name: string) => keccak256(toBytes(name))
    expect(await read(ovc, verifiedContributorAbi, 'hasRole', [role('MINT'), t.openmeshDao.address])).toBe(true)
    expect(await read(ovc, verifiedContributorAbi, 'hasRole', [role('BURN'), t.openmeshDao.address])).toBe(true)
    expect(await read(ovc, verifiedContributorAbi, 'hasRole', [`0x${'00'.repeat(32)}`, me])).toBe(true)
    expect(await read(t.tagManager.address, verifiedContributorTagManagerAbi, 'hasRole', [`0x${'00'.repeat(32)}`, me])).toBe(true)
  })

  it('every DAO holds ROOT over itself; the deployer holds no permission on any DAO any more', async () => {
    for (const dao of [t.openmeshDao, ...Object.values(t.departments).map((d) => d.dao)].map((d) => d.address)) {
      expect(await hasPermission(dao, dao, dao, 'ROOT_PERMISSION')).toBe(true)
      for (const permission of ['ROOT_PERMISSION', 'EXECUTE_PERMISSION', 'UPGRADE_DAO_PERMISSION']) {
        expect(await hasPermission(dao, dao, me, permission), `${dao} ${permission}`).toBe(false)
      }
    }
  })

  it('optimistic actions wait the devnet delay on the Openmesh DAO and on every department', async () => {
    // The delay is only readable through an action's executableFrom: the events of the set-up say it.
    const logs = await client.getContractEvents({ address: t.optimisticActions.address, abi: optimisticActionsAbi, eventName: 'OptimisticExecuteDelaySet', fromBlock: 0n })
    expect(logs.map((log) => [log.args.dao, log.args.executeDelay])).toEqual(
      [t.openmeshDao, ...Object.values(t.departments).map((d) => d.smartAccount)].map((d) => [d.address, BigInt(DEVNET_OPTIMISTIC_EXECUTE_DELAY)]),
    )
  })

  it('every start block is where the contract’s code appeared', async () => {
    const entries: { address: Address; startBlock: number }[] = [
      t.tasks, t.rfps, t.taskDisputes, t.taskDrafts, t.verifiedContributor, t.tagManager, t.openmeshDao, t.tokenVoting,
      t.optimisticActions, t.pessimisticActions, t.addressTrustlessManagement, t.erc721CountTrustlessManagement, t.tagTrustlessManagement,
      ...Object.values(t.departments).flatMap((d) => [d.dao, d.tagVoting, d.smartAccount]),
    ]
    for (const entry of entries) {
      expect(await client.getCode({ address: entry.address, blockNumber: BigInt(entry.startBlock) }), entry.address).not.toBeUndefined()
      expect(await client.getCode({ address: entry.address, blockNumber: BigInt(entry.startBlock - 1) }), entry.address).toBeUndefined()
    }
    expect(await read(t.tasks.address, tasksAbi, 'taskCount')).toBe(0n)
  })
})
