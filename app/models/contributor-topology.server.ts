import { sql } from 'drizzle-orm'
import type { Db } from '#db/client'
import { departmentLabels, departmentNames, departmentTagOf, type DepartmentName } from '#config/departments'
import { addressKey } from '~/utils/address'
import { listTagHolders } from './department-members.server'

// What the profiles, the directory and the inbox read of Openmesh's wider topology: the
// departments (tags on the VerifiedContributorTagManager, held by `hasTag`'s rule:
// department-members.server.ts), RFP projects and task disputes, from the indexer's projections.

/** A department by the tag the tag manager records (keccak256 of its name, e.g. "DISPUTE"). */
export type Department = { tag: string; name: string; slug: string }

const departments: Department[] = departmentNames.map((name: DepartmentName) => ({
  tag: departmentTagOf(name).toLowerCase(),
  name: departmentLabels[name],
  slug: name.toLowerCase(),
}))

/** Openmesh's departments (fixed by the protocol: config/departments.ts). */
export function listDepartments(): Department[] {
  return departments
}

/** The departments whose tag the address holds now (the profile's tags). */
export function listDepartmentTags(db: Db, { chainId, address }: { chainId: number; address: string }): Department[] {
  const key = addressKey(address)
  const held = new Set(listTagHolders(db, chainId).filter((holder) => holder.address === key).map((holder) => holder.tag))
  return departments.filter((department) => held.has(department.tag))
}

/** The lowercase addresses holding a department's tag: the directory's department filter. */
export function listDepartmentMembers(db: Db, { chainId, tag }: { chainId: number; tag: string }): string[] {
  return [...new Set(listTagHolders(db, chainId, tag).map((holder) => holder.address))]
}

/** How many projects the address submitted to RFPs (as the project's representative). */
export function countRfpProjects(db: Db, { chainId, address }: { chainId: number; address: string }): number {
  return db.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM rfp_projects WHERE chain_id = ${chainId} AND representative = ${addressKey(address)}`)?.n ?? 0
}
