import { resolveDeployment, type DeploymentContractKey } from '#config/deployment'
import { getEnv } from '~/env.server'
import { daoContractKinds, type DaoContractKind, type KnownContracts } from './decode-action.server'

/** The portal's contracts on this chain by lowercase address (empty when nothing is deployed), departments' included. */
export function getKnownContracts(chainId: number): KnownContracts {
  const known: KnownContracts = new Map()
  const deployment = resolveDeployment(getEnv(), chainId)
  if (!deployment) return known
  for (const kind of daoContractKinds) {
    const address = deployment.contracts[kind as DeploymentContractKey]?.address
    if (address) known.set(address.toLowerCase(), kind)
  }
  const add = (address: string | undefined, kind: DaoContractKind) => address && known.set(address.toLowerCase(), kind)
  for (const d of deployment.departments) {
    add(d.smartAccount.address, 'smartAccount')
    add(d.dao?.address, 'dao')
    add(d.tagVoting?.address, 'tagVoting')
  }
  return known
}
