import { getPortalContracts } from '~/chain-writes/portal-contracts.server'
import type { GoverningBody } from '~/dao/bodies'
import { getGoverningBodies } from '~/dao/bodies.server'
import { getDb } from '~/db.server'
import { listTagHolders } from '~/models/department-members.server'

// Who may draft a task for which department: the department must be deployed here with the
// contracts a draft names (TaskDrafts, PessimisticActions, AddressTrustlessManagement), and the
// drafter must hold its tag (TaskDrafts itself lets anyone call; the portal offers it to members,
// whose vote then decides).

export type DraftDepartment = {
  body: GoverningBody & { department: NonNullable<GoverningBody['department']>; tag: string }
  contracts: { taskDrafts: `0x${string}`; pessimisticActions: `0x${string}`; addressTrustlessManagement: `0x${string}`; disputeAccount: `0x${string}` | null }
}

export function draftDepartment(chainId: number, slug: string | null | undefined): DraftDepartment | null {
  const body = getGoverningBodies(chainId).find((b) => b.slug === slug && b.department !== null && b.tag !== null)
  const contracts = getPortalContracts(chainId)
  if (!body || !contracts?.taskDrafts || !contracts.pessimisticActions || !contracts.addressTrustlessManagement) return null
  return {
    body: body as DraftDepartment['body'],
    contracts: {
      taskDrafts: contracts.taskDrafts,
      pessimisticActions: contracts.pessimisticActions,
      addressTrustlessManagement: contracts.addressTrustlessManagement,
      disputeAccount: contracts.disputeAccount,
    },
  }
}

export function isDepartmentMember(chainId: number, department: DraftDepartment, address: string | null): boolean {
  if (!address) return false
  return listTagHolders(getDb(), chainId, department.body.tag).some((holder) => holder.address.toLowerCase() === address.toLowerCase())
}

/** The departments the address may draft for (for the links on /tasks/new). */
export function draftDepartmentsOf(chainId: number, address: string | null): { slug: string; name: string }[] {
  if (!address) return []
  return getGoverningBodies(chainId)
    .map((b) => draftDepartment(chainId, b.slug))
    .filter((d): d is DraftDepartment => d !== null && isDepartmentMember(chainId, d, address))
    .map((d) => ({ slug: d.body.slug, name: d.body.name }))
}
