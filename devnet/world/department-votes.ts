import { parseEther, toHex, type Address } from 'viem'
import {
  openTokenAbi,
  pessimisticActionsAbi,
  smartAccountAbi,
  tagVotingAbi,
  taskDisputesAbi,
  tasksAbi,
  verifiedContributorTagManagerAbi,
} from '../../contracts-abi'
import { departmentMembershipTaskDocument } from '#documents/tasks'
import type { Department } from '../topology'
import { createTaskAction, departmentTaskInfo } from './department-tasks'
import type { Disputes } from './disputes'
import type { Drafts } from './drafts'
import { action, type Action, type WorldKit } from './kit'
import type { DepartmentAction, DepartmentProposalSpec } from './specs/departments'
import { VoteOption } from './token-votes'

// A department's TagVoting proposal as the ovc-frontend makes it: metadata {title, summary} as
// the UTF-8 bytes of its ipfs:// URI, every action wrapped as SmartAccount.performCall so the
// department's smart account makes the call. The proposer votes Yes when proposing; an
// 'executed' proposal runs with the last Yes vote (early execution: the rest could no longer turn
// it), which is when the tasks its actions create get their ids.

const DAY = 24 * 60 * 60

export type DepartmentVoteContext = { disputes: Disputes; drafts: Drafts; now: number }

export async function seedDepartmentProposal(kit: WorldKit, spec: DepartmentProposalSpec, context: DepartmentVoteContext): Promise<number> {
  const department = kit.topology.departments[spec.department]
  const voting = department.tagVoting.address
  const actions: Action[] = []
  let tasksCreated = 0
  for (const step of spec.actions) {
    const calls = await callsOf(kit, department, step, context)
    actions.push(...calls.map((call) => action(department.smartAccount.address, smartAccountAbi, 'performCall', [call.to, call.value, call.data])))
    if (step.kind === 'approveDraft' || step.kind === 'addMember' || step.kind === 'createTask') tasksCreated++
  }
  const uri = await kit.doc('proposal', { title: spec.title, summary: spec.summary })
  const endDate = spec.outcome === 'active' ? BigInt(context.now + (spec.activeDays ?? 3) * DAY) : 0n
  const executes = spec.outcome === 'executed'
  await kit.send(spec.proposer, voting, tagVotingAbi, 'createProposal', [toHex(uri), actions, 0n, 0n, endDate, VoteOption.yes, executes], {
    label: `${department.name} proposal "${spec.title}"`,
  })
  const proposalId = kit.ids.proposal(voting)
  for (const vote of spec.votes) {
    await kit.send(vote.voter, voting, tagVotingAbi, 'vote', [BigInt(proposalId), VoteOption[vote.option], executes], { label: `${department.name} vote on "${spec.title}"` })
  }
  // The last Yes vote ran the actions (or the proposal's creation did, with no other vote).
  if (executes) for (let i = 0; i < tasksCreated; i++) kit.ids.task()
  return proposalId
}

async function callsOf(kit: WorldKit, department: Department, step: DepartmentAction, context: DepartmentVoteContext): Promise<Action[]> {
  const t = kit.topology
  const runPessimistic = (dao: Address, id: number | undefined, what: string) => {
    if (id === undefined) throw new Error(`seeding: no ${what} to approve`)
    return action(t.pessimisticActions.address, pessimisticActionsAbi, 'executeAction', [dao, id])
  }
  switch (step.kind) {
    case 'resolveDispute':
      return [runPessimistic(t.departments.dispute.smartAccount.address, context.disputes.get(step.task), `dispute on "${step.task}"`)]
    case 'approveDraft':
      return [runPessimistic(department.smartAccount.address, context.drafts.get(step.draft), `draft "${step.draft}"`)]
    case 'addMember': {
      const member = kit.address(step.member)
      const salary = parseEther(step.salaryEth)
      const metadata = await kit.docAs(departmentMembershipTaskDocument, {
        title: `Department Membership of ${member}`,
        tags: [{ tag: 'Department Task' }],
        description: `Salary of a ${department.name} department member for 60 days.`,
      })
      return [
        action(t.tagManager.address, verifiedContributorTagManagerAbi, 'addTag', [step.tokenId, department.tag]),
        action(t.tasks.address, tasksAbi, 'createTask', [
          metadata,
          BigInt(context.now + 60 * DAY),
          department.smartAccount.address,
          t.departments.dispute.smartAccount.address,
          [],
          [{ applicant: member, nativeReward: [{ to: member, amount: salary }], reward: [] }],
        ], salary),
      ]
    }
    case 'createTask':
      return [createTaskAction(kit, await departmentTaskInfo(kit, department, step.task, context.now))]
    case 'setDisputeCost':
      return [action(t.taskDisputes.address, taskDisputesAbi, 'updateCost', [parseEther(step.eth)])]
    case 'transferOpen':
      return [action(t.openToken.address, openTokenAbi, 'transfer', [kit.address(step.to), parseEther(step.open)])]
  }
}
