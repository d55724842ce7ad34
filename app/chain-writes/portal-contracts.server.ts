import { resolveDeployment } from '#config/deployment'
import { getEnv } from '~/env.server'
import type { PortalContracts } from './write-context'

/** The contracts the pages write to, or null when nothing is deployed (yet) on this chain. */
export function getPortalContracts(chainId: number): PortalContracts | null {
  const deployment = resolveDeployment(getEnv(), chainId)
  if (!deployment) return null
  const { contracts } = deployment
  return {
    chainId,
    tasks: contracts.tasks.address,
    openToken: contracts.openToken?.address ?? null,
    dao: contracts.dao?.address ?? null,
    tokenVoting: contracts.tokenVoting?.address ?? null,
    taskDisputes: contracts.taskDisputes?.address ?? null,
    taskDrafts: contracts.taskDrafts?.address ?? null,
    rfps: contracts.rfps?.address ?? null,
    pessimisticActions: contracts.pessimisticActions?.address ?? null,
    addressTrustlessManagement: contracts.addressTrustlessManagement?.address ?? null,
    disputeAccount: deployment.departments.find((d) => d.name === 'DISPUTE')?.smartAccount.address ?? null,
  }
}
