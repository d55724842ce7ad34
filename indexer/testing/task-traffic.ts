import { parseEther, type Hex } from 'viem'
import { openTokenAbi, tasksAbi } from '#contracts-abi/index'
import { call, type Tx } from './chain'
import { address, documentUri, eventsOfLatestBlock, fund, inOneBlock, type Traffic } from './world'

// A cohort of tasks through their whole life, many per block: created (some with preapproved
// applicants, half with an OPEN budget), applied for, accepted, edited, extended, cancelled while
// open, taken, budgets and rewards raised, submitted, paid in part, reviewed (accepted or
// rejected), handed to another manager, cancelled by agreement.

export type TaskTrafficOptions = {
  tasksPerCohort?: number
  /** Share of tasks created with preapproved applicants (1 + 2k events in one transaction). */
  preapprovedShare?: number
  preapprovedCount?: number
}

type People = { managers: Hex[]; applicants: Hex[] }

/** The managers and applicants of a workload, funded, the managers holding OPEN approved for the Tasks contract. */
export async function taskPeople(traffic: Traffic): Promise<People> {
  const { world, seedTag } = traffic
  const tasks = world.deployment.contracts.tasks.address.toLowerCase() as Hex
  const open = world.deployment.contracts.openToken!.address.toLowerCase() as Hex
  const managers = Array.from({ length: 5 }, (_, i) => address(`manager-${seedTag}-${i}`))
  const applicants = Array.from({ length: 40 }, (_, i) => address(`applicant-${seedTag}-${i}`))
  await fund(world, [...managers, ...applicants, world.dao])
  await inOneBlock(
    world,
    managers.flatMap((m) => [
      { from: world.deployer, to: open, data: call(openTokenAbi, 'transfer', [m, parseEther('100000')]), gas: 100_000n },
      { from: m, to: open, data: call(openTokenAbi, 'approve', [tasks, 2n ** 255n]), gas: 100_000n },
    ]),
  )
  return { managers, applicants }
}

/** Runs one cohort. */
export async function taskCohort(traffic: Traffic, people: People, options: TaskTrafficOptions): Promise<void> {
  const { world, rand, pick, seedTag } = traffic
  const { managers, applicants } = people
  const tasks = world.deployment.contracts.tasks.address.toLowerCase() as Hex
  const open = world.deployment.contracts.openToken!.address.toLowerCase() as Hex

  const perCohort = options.tasksPerCohort ?? 150
  const creates: Tx[] = []
  for (let i = 0; i < perCohort; i++) {
    const manager = pick(managers)
    const preapproved = rand() < (options.preapprovedShare ?? 0.2) ? Array.from({ length: options.preapprovedCount ?? 10 }, () => pick(applicants)) : []
    const withToken = rand() < 0.5
    const uri = await documentUri(world, { title: `Task ${seedTag}-${traffic.tasks + i}`, description: `Generated task ${i}`, tags: [{ tag: 'bench' }] })
    const budget = withToken ? [{ tokenContract: open, amount: parseEther('100') }] : []
    const reward = (who: Hex) => ({
      applicant: who,
      nativeReward: [{ to: who, amount: parseEther('0.001') }],
      reward: withToken ? [{ nextToken: true, to: who, amount: parseEther('1') }] : [],
    })
    creates.push({
      from: manager,
      to: tasks,
      data: call(tasksAbi, 'createTask', [uri, BigInt(2_000_000_000 + i), manager, manager, budget, preapproved.map(reward)]),
      value: parseEther('0.02'),
      gas: 600_000n + 250_000n * BigInt(preapproved.length),
    })
    traffic.events += 1 + 2 * preapproved.length
  }
  await inOneBlock(world, creates)
  const created = (await eventsOfLatestBlock(world, tasksAbi, 'TaskCreated')).map((a) => ({
    taskId: a.taskId as bigint,
    manager: (a.manager as string).toLowerCase() as Hex,
    withToken: (a.budget as unknown[]).length > 0,
  }))
  traffic.tasks += created.length

  // Applications (to every task: preapproved ones too, they stay open until taken).
  const applies: Tx[] = []
  for (const t of created) {
    const n = 1 + Math.floor(rand() * 3)
    for (let j = 0; j < n; j++) {
      const who = pick(applicants)
      const uri = await documentUri(world, { plan: `Plan ${t.taskId}-${j}`, teamSize: '1', background: 'generated' })
      applies.push({
        from: who,
        to: tasks,
        data: call(tasksAbi, 'applyForTask', [
          t.taskId,
          uri,
          [{ to: who, amount: parseEther('0.002') }],
          t.withToken ? [{ nextToken: true, to: who, amount: parseEther('2') }] : [],
        ]),
        gas: 500_000n,
      })
      traffic.events++
    }
  }
  await inOneBlock(world, applies)
  const applications = (await eventsOfLatestBlock(world, tasksAbi, 'ApplicationCreated')).map((a) => ({
    taskId: a.taskId as bigint,
    applicationId: Number(a.applicationId),
    applicant: (a.applicant as string).toLowerCase() as Hex,
  }))

  // Accept, edit, extend; cancel some open tasks outright.
  const round3: Tx[] = []
  const takers: { taskId: bigint; manager: Hex; applicant: Hex; applicationId: number; withToken: boolean }[] = []
  for (const t of created) {
    const mine = applications.filter((a) => a.taskId === t.taskId)
    if (rand() < 0.1) {
      round3.push({ from: t.manager, to: tasks, data: call(tasksAbi, 'cancelTask', [t.taskId, await documentUri(world, { reason: 'not needed' })]), gas: 400_000n })
      traffic.events++
      continue
    }
    const accepted = mine.slice(0, 2)
    round3.push({ from: t.manager, to: tasks, data: call(tasksAbi, 'acceptApplications', [t.taskId, accepted.map((a) => a.applicationId)]), gas: 300_000n })
    traffic.events += accepted.length
    if (rand() < 0.2) {
      round3.push({ from: t.manager, to: tasks, data: call(tasksAbi, 'editMetadata', [t.taskId, await documentUri(world, { title: `Task ${t.taskId} (edited)` })]), gas: 300_000n })
      traffic.events++
    }
    if (rand() < 0.2) {
      round3.push({ from: t.manager, to: tasks, data: call(tasksAbi, 'extendDeadline', [t.taskId, 3600n]), gas: 100_000n })
      traffic.events++
    }
    takers.push({ taskId: t.taskId, manager: t.manager, applicant: accepted[0]!.applicant, applicationId: accepted[0]!.applicationId, withToken: t.withToken })
  }
  await inOneBlock(world, round3)

  // Take; raise budgets and rewards.
  const round4: Tx[] = []
  for (const t of takers) {
    round4.push({ from: t.applicant, to: tasks, data: call(tasksAbi, 'takeTask', [t.taskId, t.applicationId]), gas: 200_000n })
    traffic.events++
    if (rand() < 0.3) {
      round4.push({
        from: t.manager,
        to: tasks,
        data: call(tasksAbi, 'increaseBudget', [t.taskId, t.withToken ? [parseEther('10')] : []]),
        value: parseEther('0.01'),
        gas: 300_000n,
      })
      traffic.events++
    }
  }
  await inOneBlock(world, round4)

  // Submit; partial payments, reward increases, management transfers.
  const round5: Tx[] = []
  for (const t of takers) {
    round5.push({ from: t.applicant, to: tasks, data: call(tasksAbi, 'createSubmission', [t.taskId, await documentUri(world, { explanation: `Done ${t.taskId}` })]), gas: 400_000n })
    traffic.events++
    const roll = rand()
    if (roll < 0.2) {
      round5.push({
        from: t.manager,
        to: tasks,
        data: call(tasksAbi, 'partialPayment', [t.taskId, [parseEther('0.0005')], t.withToken ? [parseEther('0.5')] : []]),
        gas: 400_000n,
      })
      traffic.events += 2
    } else if (roll < 0.35) {
      round5.push({
        from: t.manager,
        to: tasks,
        data: call(tasksAbi, 'increaseReward', [t.taskId, t.applicationId, [parseEther('0.0001')], t.withToken ? [parseEther('0.1')] : []]),
        gas: 300_000n,
      })
      traffic.events++
    }
  }
  await inOneBlock(world, round5)

  // Review (most accepted: pays out and closes) or ask to cancel.
  const round6: Tx[] = []
  const cancelRequests: typeof takers = []
  for (const t of takers) {
    const roll = rand()
    if (roll < 0.75) {
      round6.push({ from: t.manager, to: tasks, data: call(tasksAbi, 'reviewSubmission', [t.taskId, 0, 1, await documentUri(world, { feedback: 'great' })]), gas: 600_000n })
      traffic.events += 2
    } else if (roll < 0.9) {
      round6.push({ from: t.manager, to: tasks, data: call(tasksAbi, 'reviewSubmission', [t.taskId, 0, 2, await documentUri(world, { feedback: 'again' })]), gas: 300_000n })
      round6.push({ from: t.manager, to: tasks, data: call(tasksAbi, 'cancelTask', [t.taskId, await documentUri(world, { reason: 'changed plans' })]), gas: 400_000n })
      traffic.events += 2
      cancelRequests.push(t)
    } else {
      round6.push({ from: t.manager, to: tasks, data: call(tasksAbi, 'transferManagement', [t.taskId, pick(managers)]), gas: 100_000n })
      traffic.events++
    }
  }
  await inOneBlock(world, round6)
  await inOneBlock(
    world,
    cancelRequests.map((t) => ({ from: t.applicant, to: tasks, data: call(tasksAbi, 'acceptRequest', [t.taskId, 0, 0, true]), gas: 500_000n })),
  )
  traffic.events += cancelRequests.length * 3
}
