import { resolveDeployment } from '#config/deployment'
import { getEnv } from '~/env.server'
import { getGoverningBodies } from '../bodies.server'
import type { DaoContracts, Hex20 } from './dao-contracts'

/** The governance contracts the DAO pages write to, or null when nothing is deployed on this chain. */
export function getDaoContracts(chainId: number): DaoContracts | null {
  const deployment = resolveDeployment(getEnv(), chainId)
  if (!deployment) return null
  const c = deployment.contracts
  const at = (contract: { address: Hex20 } | undefined) => contract?.address ?? null
  return {
    chainId,
    verifiedContributor: at(c.verifiedContributor),
    tagManager: at(c.tagManager),
    tasks: c.tasks.address,
    optimisticActions: at(c.optimisticActions),
    pessimisticActions: at(c.pessimisticActions),
    addressTrustlessManagement: at(c.addressTrustlessManagement),
    erc721CountTrustlessManagement: at(c.erc721CountTrustlessManagement),
    tagTrustlessManagement: at(c.tagTrustlessManagement),
    openToken: at(c.openToken),
    bodies: getGoverningBodies(chainId).map((body) => ({
      slug: body.slug,
      name: body.name,
      plugin: body.plugin as Hex20 | null,
      account: body.account as Hex20,
      tag: body.tag as Hex20 | null,
    })),
  }
}
