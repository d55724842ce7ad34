import { parseEther, type Address } from 'viem'
import { tasksAbi } from '../../contracts-abi'
import type { Department } from '../topology'
import { action, type Action, type WorldKit } from './kit'
import type { DepartmentTaskSpec } from './specs/departments'

// A task a department creates and pays from its smart account: the Tasks.createTask call its
// votes, optimistic actions and approved drafts make. The department manages it; disputes go to
// the Dispute department, as for every task.

const DAY = 24 * 60 * 60

export type TaskInfo = {
  metadata: string
  deadline: bigint
  manager: Address
  disputeManager: Address
  nativeBudget: bigint
  budget: { tokenContract: Address; amount: bigint }[]
  preapproved: { applicant: Address; nativeReward: { to: Address; amount: bigint }[]; reward: never[] }[]
}

export async function departmentTaskInfo(kit: WorldKit, department: Department, spec: DepartmentTaskSpec, now: number): Promise<TaskInfo> {
  const metadata = await kit.doc('task', {
    title: spec.title,
    tags: spec.tags.map((tag) => ({ tag })),
    projectSize: spec.projectSize,
    teamSize: 1,
    description: spec.description,
    resources: '',
    links: [],
  })
  const budget = parseEther(spec.eth)
  return {
    metadata,
    deadline: BigInt(now + spec.deadlineDays * DAY),
    manager: department.smartAccount.address,
    disputeManager: kit.topology.departments.dispute.smartAccount.address,
    nativeBudget: budget,
    budget: [],
    preapproved: spec.preapproved === undefined ? [] : [{ applicant: kit.address(spec.preapproved), nativeReward: [{ to: kit.address(spec.preapproved), amount: budget }], reward: [] }],
  }
}

/** The createTask call (with its ETH budget as value) for a task's info. */
export function createTaskAction(kit: WorldKit, info: TaskInfo): Action {
  return action(kit.topology.tasks.address, tasksAbi, 'createTask', [info.metadata, info.deadline, info.manager, info.disputeManager, info.budget, info.preapproved], info.nativeBudget)
}
