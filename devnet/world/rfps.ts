import { parseEther, parseUnits } from 'viem'
import { rfpsAbi, tasksAbi } from '../../contracts-abi'
import type { WorldKit } from './kit'
import type { RfpSpec } from './specs/rfps'

// RFPs as the openrd-frontend makes them: createRFP moves the budget into the RFP's own escrow
// (ETH as value, OPEN and USDC approved beforehand); representatives submit projects (their
// metadata is a task document, which an accepted project's task gets); the manager accepts a
// project with the amounts it asked for, and the escrow creates the task (the representative
// preapproved); emptyRFP returns what is left to the creator.

const DAY = 24 * 60 * 60

export type SeededRfp = { rfpId: number; spec: RfpSpec; tasks: number[] }

export async function seedRfp(kit: WorldKit, spec: RfpSpec, now: number): Promise<SeededRfp> {
  const t = kit.topology
  const rfps = t.rfps.address
  const budget = [
    ...(spec.open !== '0' ? [{ tokenContract: t.openToken.address, amount: parseEther(spec.open) }] : []),
    ...(spec.usdc !== '0' ? [{ tokenContract: t.usdc.address, amount: parseUnits(spec.usdc, 6) }] : []),
  ]
  const metadata = await kit.doc('rfp', {
    title: spec.title,
    tags: spec.tags.map((tag) => ({ tag })),
    maxProjectFunding: spec.maxProjectFunding,
    maxAwardedProjects: spec.maxAwardedProjects,
    description: spec.description,
    projectRequirements: spec.projectRequirements,
    links: spec.links,
  })
  await kit.send(spec.creator, rfps, rfpsAbi, 'createRFP', [
    metadata,
    BigInt(now + spec.deadlineDays * DAY),
    budget,
    kit.address(spec.manager),
    t.departments.dispute.smartAccount.address,
    kit.address(spec.manager),
  ], { value: parseEther(spec.eth), label: `RFP "${spec.title}"` })
  const rfpId = kit.ids.rfp()
  const seeded: SeededRfp = { rfpId, spec, tasks: [] }

  for (const project of spec.projects) {
    const representative = kit.address(project.representative)
    const nativeReward = [{ to: representative, amount: parseEther(project.eth) }]
    // One reward entry per budget token, in the RFP's order; each ends its token (nextToken).
    const reward = budget.map((token) => ({
      nextToken: true,
      to: representative,
      amount: token.tokenContract === t.openToken.address ? parseEther(project.open) : 0n,
    }))
    const projectMetadata = await kit.doc('project', {
      title: project.title,
      tags: project.tags.map((tag) => ({ tag })),
      projectSize: project.projectSize,
      teamSize: project.teamSize,
      description: project.description,
      resources: '',
      links: [],
    })
    await kit.send(project.representative, rfps, rfpsAbi, 'submitProject', [
      BigInt(rfpId),
      projectMetadata,
      BigInt(now + project.deadlineDays * DAY),
      nativeReward,
      reward,
    ], { label: `project "${project.title}"` })
    const projectId = kit.ids.project(rfpId)
    if (project.outcome === 'submitted') continue
    await kit.send(spec.manager, rfps, rfpsAbi, 'acceptProject', [BigInt(rfpId), projectId, nativeReward.map((r) => r.amount), reward.map((r) => r.amount)], {
      label: `accept project "${project.title}"`,
    })
    const taskId = kit.ids.task()
    seeded.tasks.push(taskId)
    if (project.outcome === 'taken') await kit.send(project.representative, t.tasks.address, tasksAbi, 'takeTask', [BigInt(taskId), 0])
  }
  if (spec.outcome === 'emptied') await kit.send(spec.manager, rfps, rfpsAbi, 'emptyRFP', [BigInt(rfpId)], { label: `empty RFP "${spec.title}"` })
  return seeded
}
