import { parseEther } from 'viem'
import { tasksAbi } from '../../contracts-abi'
import type { WorldKit } from './kit'
import { acceptanceFeedback, backgrounds, cancelReasons, rejectionFeedback, submissionTexts } from './specs/people'
import type { TaskSpec } from './specs/tasks'

// One OpenR&D task played to its scenario, as the openrd-frontend makes each step: its documents
// stored first, then the call. Every task's dispute manager is the Dispute department's smart
// account, the only one the frontends offer. A 'disputed' task ends taken with a submission; its
// dispute is opened by ./disputes.ts.

const DAY = 24 * 60 * 60

export type SeededTask = { taskId: number; spec: TaskSpec; executor: number | null; eth: bigint; open: bigint }

export async function seedTask(kit: WorldKit, spec: TaskSpec, index: number, from: number): Promise<SeededTask> {
  const { topology: t, send, doc, address } = kit
  const tasks = t.tasks.address
  const taskId = kit.ids.task()
  const manager = spec.creator
  const eth = spec.eth ? parseEther(spec.eth) : 0n
  const open = spec.open ? parseEther(spec.open) : 0n
  const seeded: SeededTask = { taskId, spec, executor: null, eth, open }
  // An overdue task gets a five-minute deadline; the clock later moves past it.
  const deadline = spec.scenario === 'overdue' ? from + 5 * 60 : from + spec.deadlineDays * DAY
  const rewardFor = (applicant: number, share: bigint) => ({
    nativeReward: eth ? [{ to: address(applicant), amount: (eth * share) / 100n }] : [],
    reward: open ? [{ nextToken: true, to: address(applicant), amount: (open * share) / 100n }] : [],
  })
  const taskDoc = await doc('task', {
    title: spec.title,
    tags: spec.tags.map((tag) => ({ tag })),
    projectSize: spec.projectSize,
    teamSize: spec.teamSize,
    description: `${spec.summary}\n\n## Deliverables\n${spec.deliverables.map((d) => `- ${d}`).join('\n')}\n\n## How to apply\nTell us how you would approach it, how long it would take, and what you have built before.`,
    resources: spec.resources,
    links: spec.links,
    ...(spec.requiredCourse ? { requiredCourse: spec.requiredCourse } : {}),
  })
  const preapproved = spec.scenario === 'preapproved'
  await send(spec.creator, tasks, tasksAbi, 'createTask', [
    taskDoc,
    BigInt(deadline),
    address(manager),
    t.departments.dispute.smartAccount.address,
    open ? [{ tokenContract: t.openToken.address, amount: open }] : [],
    preapproved ? [{ applicant: address(spec.applicants[0]!), ...rewardFor(spec.applicants[0]!, 100n) }] : [],
  ], { value: eth, label: `create task "${spec.title}"` })
  if (preapproved || spec.scenario === 'open') return seeded

  if (spec.scenario === 'cancelled') {
    await send(manager, tasks, tasksAbi, 'cancelTask', [taskId, await doc('cancel', { reason: cancelReasons.open })])
    return seeded
  }

  for (const [n, applicant] of spec.applicants.entries()) {
    const { nativeReward, reward } = rewardFor(applicant, n === 0 ? 100n : 90n)
    const application = await doc('application', {
      teamSize: spec.teamSize,
      plan: `${spec.deliverables.map((d, k) => `${k + 1}. ${d}`).join('\n')}\n\nI would start with the first item and share a draft within a week${n > 0 ? ', and I can do it for 10% less than the budget' : ''}.`,
      background: backgrounds[applicant] ?? '',
    })
    await send(applicant, tasks, tasksAbi, 'applyForTask', [taskId, application, nativeReward, reward])
  }
  if (spec.scenario === 'applied') return seeded

  const executor = spec.applicants[0]!
  await send(manager, tasks, tasksAbi, 'acceptApplications', [taskId, [0]])
  if (spec.scenario === 'accepted') return seeded

  seeded.executor = executor
  await send(executor, tasks, tasksAbi, 'takeTask', [taskId, 0])
  const submit = async (n: number) =>
    send(executor, tasks, tasksAbi, 'createSubmission', [
      taskId,
      await doc('submission', {
        explanation: `${submissionTexts[(index + n) % submissionTexts.length]}\n\nPR: https://github.com/Openmesh-Network/openmesh-portal/pull/${100 + index * 3 + n}`,
      }),
    ])
  const review = async (submissionId: number, judgement: 1 | 2, feedback: string) =>
    send(manager, tasks, tasksAbi, 'reviewSubmission', [taskId, submissionId, judgement, await doc('review', { feedback })])
  const share = (percent: bigint) => [eth ? [(eth * percent) / 100n] : [], open ? [(open * percent) / 100n] : []] as const

  switch (spec.scenario) {
    case 'taken':
    case 'overdue':
      break
    case 'submitted':
    case 'disputed':
      await submit(0)
      break
    case 'resubmitted':
      await submit(0)
      await review(0, 2, rejectionFeedback)
      await submit(1)
      break
    case 'completed':
      await submit(0)
      await review(0, 1, acceptanceFeedback[index % acceptanceFeedback.length]!)
      break
    case 'cancel-requested':
      await send(manager, tasks, tasksAbi, 'cancelTask', [taskId, await doc('cancel', { reason: cancelReasons.requested })])
      break
    case 'cancel-executed':
      await send(manager, tasks, tasksAbi, 'cancelTask', [taskId, await doc('cancel', { reason: cancelReasons.requested })])
      await send(executor, tasks, tasksAbi, 'acceptRequest', [taskId, 0, 0, false])
      await send(manager, tasks, tasksAbi, 'executeRequest', [taskId, 0, 0])
      break
    case 'partially-paid': {
      const [native, erc20] = share(40n)
      await send(manager, tasks, tasksAbi, 'partialPayment', [taskId, native, erc20])
      break
    }
  }
  return seeded
}
