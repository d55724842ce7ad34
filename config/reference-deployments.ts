import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { departmentNames, type DepartmentName } from './departments'
import { parseDeployment, type DeployedContract, type DeployedDepartment, type Deployment, type DeploymentContractKey } from './deployment'

// The committed contracts-abi/deployments/<chainId>.json, derived from the reference deployments
// (contracts/reference-abi/deployments.json, the vendored copy of ../shared/reference-abi): every
// address of a chain goes where the portal reads it (a contract, a department) or, if the portal
// does not read it, under `others` by its reference name. The reference records no deployment
// block, so start blocks stay null and the indexer finds them (indexer/sync/start-blocks.ts).
// `npm run deployments:sync` writes the files; config/reference-deployments.test.ts keeps them equal.

export const referenceChainIds = [1, 137, 11155111, 421614] as const

const referenceSchema = z.object({
  chains: z.record(
    z.string(),
    z.object({ contracts: z.array(z.object({ name: z.string(), address: z.string(), block: z.number().int().min(0).nullable() })) }),
  ),
})
export type ReferenceDeployments = z.infer<typeof referenceSchema>

export function referenceDeploymentsPath(): string {
  return path.resolve('contracts', 'reference-abi', 'deployments.json')
}

export function readReferenceDeployments(file = referenceDeploymentsPath()): ReferenceDeployments {
  return referenceSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')))
}

/** Reference names of the contracts the portal reads, and where they go. */
const contractKeys: Record<string, DeploymentContractKey> = {
  Tasks: 'tasks',
  RFPs: 'rfps',
  TaskDisputes: 'taskDisputes',
  TaskDrafts: 'taskDrafts',
  VerifiedContributor: 'verifiedContributor',
  VerifiedContributorTagManager: 'tagManager',
  'OpenmeshDAO (department owner, all OVC holders)': 'dao',
  'OpenmeshDAO TokenVoting plugin': 'tokenVoting',
  OptimisticActions: 'optimisticActions',
  PessimisticActions: 'pessimisticActions',
  AddressTrustlessManagement: 'addressTrustlessManagement',
  VerifiedContributorCountTrustlessManagement: 'erc721CountTrustlessManagement',
  VerifiedContributorTagTrustlessManagement: 'tagTrustlessManagement',
  'OPEN (testnet token, 18 decimals)': 'openToken',
  'USDC (token bridge template)': 'usdc',
}

const departmentParts = { SmartAccount: 'smartAccount', DAO: 'dao', 'DAO TagVoting plugin': 'tagVoting' } as const
const departmentPattern = /^(Dispute|CoreMember|Expert)Department(SmartAccount|DAO|DAO TagVoting plugin)$/

export function deploymentFromReference(reference: ReferenceDeployments, chainId: number): Deployment {
  const entries = reference.chains[String(chainId)]?.contracts
  if (!entries) throw new Error(`the reference deployments have no chain ${chainId}`)
  const contracts: Partial<Record<DeploymentContractKey, DeployedContract>> = {}
  const departments = new Map<DepartmentName, Partial<DeployedDepartment>>()
  const others: Record<string, string> = {}
  for (const entry of entries) {
    const deployed = { address: entry.address as `0x${string}`, startBlock: entry.block }
    const key = contractKeys[entry.name]
    const department = departmentPattern.exec(entry.name)
    if (key) contracts[key] = deployed
    else if (department) {
      const name = department[1]!.toUpperCase() as DepartmentName
      const part = departmentParts[department[2] as keyof typeof departmentParts]
      departments.set(name, { ...departments.get(name), name, [part]: deployed })
    } else others[entry.name] = entry.address
  }
  return parseDeployment(
    {
      chainId,
      contracts,
      departments: departmentNames.flatMap((name) => (departments.has(name) ? [departments.get(name)] : [])),
      others,
    },
    `the reference deployment of chain ${chainId}`,
  )
}
