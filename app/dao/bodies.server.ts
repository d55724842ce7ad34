import { resolveDeployment } from '#config/deployment'
import { departmentLabels, departmentTagOf, type DepartmentName } from '#config/departments'
import { getEnv } from '~/env.server'
import type { GoverningBody } from './bodies'

// The DAOs of Openmesh on this chain (../shared/reference-abi/README.md, "How the pieces fit"), from
// the deployment: the Openmesh DAO of every OVC holder (TokenVoting) and each department (an Aragon
// DAO voting with TagVoting, acting through its smart account). Its trustless actions are keyed by
// the account that is their `dao`: the Openmesh DAO itself, or the department's smart account.

export function getGoverningBodies(chainId: number): GoverningBody[] {
  const deployment = resolveDeployment(getEnv(), chainId)
  if (!deployment) return []
  const lower = (address: string | undefined) => (address ? address.toLowerCase() : null)
  const bodies: GoverningBody[] = []
  const { dao, tokenVoting } = deployment.contracts
  if (dao) {
    bodies.push({ slug: 'openmesh', name: 'Openmesh DAO', department: null, tag: null, dao: lower(dao.address), plugin: lower(tokenVoting?.address), account: lower(dao.address)! })
  }
  for (const d of deployment.departments) {
    bodies.push({
      slug: d.name.toLowerCase(),
      name: `${departmentLabels[d.name as DepartmentName]} department`,
      department: d.name,
      tag: departmentTagOf(d.name),
      dao: lower(d.dao?.address),
      plugin: lower(d.tagVoting?.address),
      account: lower(d.smartAccount.address)!,
    })
  }
  return bodies
}
