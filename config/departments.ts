import { keccak256, toBytes, type Hex } from 'viem'

// Openmesh's three departments (../shared/reference-abi/README.md, "Department DAOs and TagVoting").
// A department's tag on the VerifiedContributorTagManager is keccak256 of its name's bytes; it is
// also its TagTrustlessManagement role, as a uint256.

export const departmentNames = ['DISPUTE', 'COREMEMBER', 'EXPERT'] as const
export type DepartmentName = (typeof departmentNames)[number]

/** How the pages name a department (and its URL segment, lowercased). */
export const departmentLabels: Record<DepartmentName, string> = { DISPUTE: 'Dispute', COREMEMBER: 'CoreMember', EXPERT: 'Expert' }

export function departmentTagOf(name: DepartmentName): Hex {
  return keccak256(toBytes(name))
}
