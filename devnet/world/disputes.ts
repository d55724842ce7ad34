import { taskDisputesAbi } from '../../contracts-abi'
import { DEVNET_DISPUTE_FEE } from '../deploy'
import { addressRole } from '../topology'
import type { WorldKit } from './kit'
import type { SeededTask } from './tasks'

// Disputes as the openrd-frontend opens them: the executor calls TaskDisputes.createDispute on the
// task's dispute manager (the Dispute smart account), paying its fee, with the dispute document
// {title, summary, body}. TaskDisputes queues Tasks.completeByDispute as a PessimisticActions
// action on the Dispute smart account, which only the Dispute department's vote can run
// (./department-votes.ts).

/** The PessimisticActions action id of each disputed task's dispute, by task title. */
export type Disputes = Map<string, number>

export async function seedDisputes(kit: WorldKit, tasks: SeededTask[]): Promise<Disputes> {
  const { topology: t } = kit
  const disputeAccount = t.departments.dispute.smartAccount.address
  const disputes: Disputes = new Map()
  for (const task of tasks) {
    const dispute = task.spec.dispute
    if (task.spec.scenario !== 'disputed' || !dispute || task.executor === null) continue
    const metadata = await kit.doc('dispute', { title: dispute.title, summary: dispute.summary, body: dispute.body })
    await kit.send(task.executor, t.taskDisputes.address, taskDisputesAbi, 'createDispute', [
      disputeAccount,
      metadata,
      { manager: t.addressTrustlessManagement.address, role: addressRole(t.taskDisputes.address), trustlessActions: t.pessimisticActions.address },
      { manager: t.addressTrustlessManagement.address, role: addressRole(t.pessimisticActions.address) },
      {
        taskId: BigInt(task.taskId),
        partialNativeReward: task.eth ? [(task.eth * dispute.share) / 100n] : [],
        partialReward: task.open ? [(task.open * dispute.share) / 100n] : [],
      },
    ], { value: DEVNET_DISPUTE_FEE, label: `dispute "${dispute.title}"` })
    disputes.set(task.spec.title, kit.ids.action(t.pessimisticActions.address, disputeAccount))
  }
  return disputes
}
