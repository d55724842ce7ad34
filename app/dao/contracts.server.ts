import { resolveDeployment } from '#config/deployment'
import { getEnv } from '~/env.server'
import { daoContractKinds, type KnownContracts } from './decode-action.server'

/** The portal's contracts on this chain by lowercase address (empty when nothing is deployed). */
export function getKnownContracts(chainId: number): KnownContracts {
  const known: KnownContracts = new Map()
  const contracts = resolveDeployment(getEnv(), chainId)?.contracts
  if (!contracts) return known
  for (const kind of daoContractKinds) {
    const address = contracts[kind]?.address
    if (address) known.set(address.toLowerCase(), kind)
  }
  return known
}
