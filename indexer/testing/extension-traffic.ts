import { parseEther, type Hex } from 'viem'
import { pessimisticActionsAbi, rfpsAbi, taskDisputesAbi, taskDraftsAbi, tasksAbi } from '#contracts-abi/index'
import { DEVNET_DISPUTE_FEE } from '#devnet/deploy'
import { call, rpc, type Tx } from './chain'
import { addressRole, passDepartmentProposal, topologyOf } from './governance-traffic'
import { address, documentUri, eventsOfLatestBlock, fund, inOneBlock, type Traffic } from './world'

// A cohort of what is built around Tasks, through the real frontends' call paths: RFPs (created
// with a native budget, projects submitted, some accepted into tasks, one emptied); disputes
// (TaskDisputes.createDispute on taken tasks whose dispute manager is the Dispute smart account,
// paying getCost; one resolved by a Dispute department vote that makes the smart account call
// PessimisticActions.executeAction); drafts (TaskDrafts.createDraftTask on the CoreMember smart
// account, one approved by a department vote into a task).

export async function extensionCohort(traffic: Traffic): Promise<void> {
  const { world, seedTag } = traffic
  const { tasks, rfps, taskDisputes, taskDrafts, pessimistic, addressTm, departments } = topologyOf(world)
  const disputeAccount = departments.dispute.smartAccount.address.toLowerCase() as Hex
  const coreAccount = departments.coreMember.smartAccount.address.toLowerCase() as Hex
  const serial = traffic.rfps
  const people = Array.from({ length: 5 }, (_, i) => address(`extension-${seedTag}-${serial}-${i}`))
  const [creator, rep1, rep2, executor, drafter] = people as [Hex, Hex, Hex, Hex, Hex]
  await fund(world, people)
  const deadline = 2_000_000_000n

  // RFPs: two with 2 ETH each; three projects on the first, two accepted; the second emptied.
  const rfpUri = await documentUri(world, { title: `RFP ${seedTag}-${serial}`, description: 'generated' })
  await inOneBlock(
    world,
    [0, 1].map(() => ({
      from: creator,
      to: rfps,
      data: call(rfpsAbi, 'createRFP', [rfpUri, deadline, [], creator, disputeAccount, creator]),
      value: parseEther('2'),
      gas: 600_000n,
    })),
  )
  const [first, second] = (await eventsOfLatestBlock(world, rfpsAbi, 'RFPCreated')).map((a) => a.rfpId as bigint)
  traffic.rfps += 2
  traffic.events += 2
  const projects: Tx[] = []
  for (const [i, rep] of [rep1, rep2, rep1].entries()) {
    const uri = await documentUri(world, { title: `Project ${seedTag}-${serial}-${i}`, description: 'generated', tags: [{ tag: 'rfp' }] })
    projects.push({ from: rep, to: rfps, data: call(rfpsAbi, 'submitProject', [first, uri, deadline, [{ to: rep, amount: parseEther('0.5') }], []]), gas: 500_000n })
  }
  await inOneBlock(world, projects)
  traffic.events += 3
  await inOneBlock(world, [0, 1].map((projectId) => ({ from: creator, to: rfps, data: call(rfpsAbi, 'acceptProject', [first, projectId, [parseEther('0.4')], []]), gas: 1_500_000n })))
  traffic.tasks += 2
  traffic.events += 2 * 4
  await inOneBlock(world, [{ from: creator, to: rfps, data: call(rfpsAbi, 'emptyRFP', [second]), gas: 300_000n }])
  traffic.events++

  // Disputes: two taken tasks disputed by their executor; the first is resolved by the Dispute department.
  const taskCount = async () => BigInt(await rpc<Hex>(world.rpcUrl, 'eth_call', [{ to: tasks, data: call(tasksAbi, 'taskCount') }, 'latest']))
  const firstTask = await taskCount()
  const taskUri = await documentUri(world, { title: `Disputed task ${seedTag}-${serial}`, description: 'generated' })
  const preapproved = [{ applicant: executor, nativeReward: [{ to: executor, amount: parseEther('0.2') }], reward: [] }]
  await inOneBlock(
    world,
    [0, 1].map(() => ({ from: creator, to: tasks, data: call(tasksAbi, 'createTask', [taskUri, deadline, creator, disputeAccount, [], preapproved]), value: parseEther('0.2'), gas: 1_000_000n })),
  )
  traffic.tasks += 2
  traffic.events += 2 * 3
  const disputed = [firstTask, firstTask + 1n]
  await inOneBlock(world, disputed.map((taskId) => ({ from: executor, to: tasks, data: call(tasksAbi, 'takeTask', [taskId, 0]), gas: 300_000n })))
  traffic.events += 2
  const disputeUri = await documentUri(world, { title: 'The work was done', summary: 'generated', body: '<p>generated</p>' })
  const managementInfo = { manager: addressTm, role: addressRole(taskDisputes), trustlessActions: pessimistic }
  const trustlessActionsInfo = { manager: addressTm, role: addressRole(pessimistic) }
  await inOneBlock(
    world,
    disputed.map((taskId) => ({
      from: executor,
      to: taskDisputes,
      data: call(taskDisputesAbi, 'createDispute', [disputeAccount, disputeUri, managementInfo, trustlessActionsInfo, { taskId, partialNativeReward: [parseEther('0.1')], partialReward: [] }]),
      value: DEVNET_DISPUTE_FEE,
      gas: 1_500_000n,
    })),
  )
  const disputeActions = (await eventsOfLatestBlock(world, taskDisputesAbi, 'TrustlessActionCreated')).map((a) => Number(a.actionId))
  traffic.actions += disputeActions.length
  traffic.events += disputeActions.length * 3
  await passDepartmentProposal(
    world,
    departments.dispute,
    world.voters.dispute,
    [{ to: pessimistic, value: 0n, data: call(pessimisticActionsAbi, 'executeAction', [disputeAccount, disputeActions[0]!]) }],
    `Resolve the dispute of task ${disputed[0]}`,
  )
  traffic.proposals++
  traffic.events += 8

  // Drafts on the CoreMember smart account: two drafted, the first approved into a task.
  const draftUri = await documentUri(world, { title: `Draft ${seedTag}-${serial}`, summary: 'generated' })
  const draftTaskUri = await documentUri(world, { title: `Drafted task ${seedTag}-${serial}`, description: 'generated' })
  const draft = {
    metadata: draftTaskUri,
    deadline,
    manager: coreAccount,
    disputeManager: disputeAccount,
    nativeBudget: 0n,
    budget: [],
    preapproved: [{ applicant: drafter, nativeReward: [], reward: [] }],
  }
  await inOneBlock(
    world,
    [0, 1].map(() => ({
      from: drafter,
      to: taskDrafts,
      data: call(taskDraftsAbi, 'createDraftTask', [coreAccount, draftUri, { manager: addressTm, role: addressRole(taskDrafts), trustlessActions: pessimistic }, trustlessActionsInfo, draft]),
      gas: 1_500_000n,
    })),
  )
  const draftActions = (await eventsOfLatestBlock(world, taskDraftsAbi, 'TrustlessActionCreated')).map((a) => Number(a.actionId))
  traffic.actions += draftActions.length
  traffic.events += draftActions.length * 3
  await passDepartmentProposal(
    world,
    departments.coreMember,
    world.voters.coreMember,
    [{ to: pessimistic, value: 0n, data: call(pessimisticActionsAbi, 'executeAction', [coreAccount, draftActions[0]!]) }],
    `Approve draft ${draftActions[0]}`,
  )
  traffic.proposals++
  traffic.tasks++
  traffic.events += 10
}
