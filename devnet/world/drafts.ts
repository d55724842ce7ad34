import { taskDraftsAbi } from '../../contracts-abi'
import { addressRole } from '../topology'
import { departmentTaskInfo } from './department-tasks'
import type { WorldKit } from './kit'
import { draftSpecs } from './specs/departments'

// Task drafts: anyone calls TaskDrafts.createDraftTask on a department, which queues
// Tasks.createTask (paid from the department's smart account) as a PessimisticActions action;
// the department's vote approves it (./department-votes.ts). The openrd-frontend has no draft
// form, so the draft's own metadata is an action document {title, summary}, as for optimistic actions.

/** The PessimisticActions action id of each draft, by draft title. */
export type Drafts = Map<string, number>

export async function seedDrafts(kit: WorldKit, now: number): Promise<Drafts> {
  const { topology: t } = kit
  const drafts: Drafts = new Map()
  for (const spec of draftSpecs) {
    const department = t.departments[spec.department]
    const account = department.smartAccount.address
    const taskInfo = await departmentTaskInfo(kit, department, spec.task, now)
    await kit.send(spec.drafter, t.taskDrafts.address, taskDraftsAbi, 'createDraftTask', [
      account,
      await kit.doc('action', { title: spec.title, summary: spec.summary }),
      { manager: t.addressTrustlessManagement.address, role: addressRole(t.taskDrafts.address), trustlessActions: t.pessimisticActions.address },
      { manager: t.addressTrustlessManagement.address, role: addressRole(t.pessimisticActions.address) },
      taskInfo,
    ], { label: `draft "${spec.title}"` })
    drafts.set(spec.title, kit.ids.action(t.pessimisticActions.address, account))
  }
  return drafts
}
