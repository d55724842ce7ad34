import { encodeFunctionData } from 'viem'
import {
  erc721CountTrustlessManagementAbi,
  optimisticActionsAbi,
  tagTrustlessManagementAbi,
  verifiedContributorAbi,
} from '../../contracts-abi'
import { addressRole } from '../topology'
import { createTaskAction, departmentTaskInfo } from './department-tasks'
import { action, type Action, type From, type WorldKit } from './kit'
import type { DepartmentOptimisticSpec } from './specs/departments'
import type { OptimisticSpec } from './specs/governance'

// Optimistic actions as the ovc-frontend makes them: a member asks their DAO's creation
// TrustlessManagement to act as the DAO — asDAO(dao, role, [OptimisticActions.createAction(
// AddressTrustlessManagement, uint160(OptimisticActions), actions, 0, "ipfs://<{title, summary}>")], 0) —
// so the DAO files the action under its own address. A rejection is the same asDAO around
// rejectAction(id, "ipfs://<{reason}>"); anyone executes once the delay has passed.
// - the Openmesh DAO: any OVC holder (ERC721CountTrustlessManagement, role 1); the action mints an OVC;
// - a department's smart account: its tag holders (TagTrustlessManagement, role = the tag); the
//   action calls Tasks (here: creates a task paid by the department).

type Target = { dao: `0x${string}`; manager: `0x${string}`; role: bigint; abi: typeof erc721CountTrustlessManagementAbi | typeof tagTrustlessManagementAbi }

function openmeshDao(kit: WorldKit): Target {
  const t = kit.topology
  return { dao: t.openmeshDao.address, manager: t.erc721CountTrustlessManagement.address, role: 1n, abi: erc721CountTrustlessManagementAbi }
}

function department(kit: WorldKit, key: DepartmentOptimisticSpec['department']): Target {
  const t = kit.topology
  const d = t.departments[key]
  return { dao: d.smartAccount.address, manager: t.tagTrustlessManagement.address, role: BigInt(d.tag), abi: tagTrustlessManagementAbi }
}

async function asDao(kit: WorldKit, from: From, target: Target, inner: Action, label: string): Promise<void> {
  await kit.send(from, target.manager, target.abi, 'asDAO', [target.dao, target.role, [inner], 0n], { label })
}

async function create(kit: WorldKit, from: From, target: Target, actions: Action[], metadata: string, label: string): Promise<number> {
  const t = kit.topology
  const inner = action(t.optimisticActions.address, optimisticActionsAbi, 'createAction', [
    t.addressTrustlessManagement.address,
    addressRole(t.optimisticActions.address),
    actions,
    0n,
    metadata,
  ])
  await asDao(kit, from, target, inner, label)
  return kit.ids.action(t.optimisticActions.address, target.dao)
}

async function reject(kit: WorldKit, from: From, target: Target, id: number, reason: string): Promise<void> {
  const metadata = await kit.doc('rejection', { reason })
  await asDao(kit, from, target, action(kit.topology.optimisticActions.address, optimisticActionsAbi, 'rejectAction', [id, metadata]), `reject optimistic action ${id}`)
}

export type SeededAction = { dao: `0x${string}`; id: number }

/** An Openmesh DAO action minting an OVC; rejected at once when that is its outcome. */
export async function seedOvcMintAction(kit: WorldKit, spec: OptimisticSpec): Promise<SeededAction> {
  const target = openmeshDao(kit)
  const mint = {
    to: kit.topology.verifiedContributor.address,
    value: 0n,
    data: encodeFunctionData({ abi: verifiedContributorAbi, functionName: 'mint', args: [kit.address(spec.member), spec.tokenId] }),
  }
  const metadata = await kit.doc('action', { title: spec.title, summary: spec.summary })
  const id = await create(kit, spec.creator, target, [mint], metadata, `optimistic "${spec.title}"`)
  if (spec.outcome === 'rejected') await reject(kit, spec.rejectedBy!, target, id, spec.rejectReason!)
  return { dao: target.dao, id }
}

/** A department action creating a task paid by the department; rejected at once when that is its outcome. */
export async function seedDepartmentAction(kit: WorldKit, spec: DepartmentOptimisticSpec, now: number): Promise<SeededAction> {
  const target = department(kit, spec.department)
  const info = await departmentTaskInfo(kit, kit.topology.departments[spec.department], spec.task, now)
  const metadata = await kit.doc('action', { title: spec.title, summary: spec.summary })
  const id = await create(kit, spec.creator, target, [createTaskAction(kit, info)], metadata, `${spec.department} optimistic "${spec.title}"`)
  if (spec.outcome === 'rejected') await reject(kit, spec.rejectedBy!, target, id, spec.rejectReason!)
  return { dao: target.dao, id }
}

/** Runs an action whose delay has passed (anyone may); `createsTask` when its call creates one. */
export async function executeAction(kit: WorldKit, from: From, seeded: SeededAction, createsTask: boolean): Promise<void> {
  await kit.send(from, kit.topology.optimisticActions.address, optimisticActionsAbi, 'executeAction', [seeded.dao, seeded.id], {
    label: `execute optimistic action ${seeded.id} of ${seeded.dao}`,
  })
  if (createsTask) kit.ids.task()
}
