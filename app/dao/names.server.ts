import { devnetAccounts } from '#devnet/accounts'
import { getGoverningBodies } from './bodies.server'
import { contractLabels, type KnownContracts } from './decode-action.server'

const DEVNET_CHAIN_ID = 31337

/**
 * Display names by lowercase address: the portal's own contracts on any chain (the Openmesh DAO
 * and each department by name: its smart account is how it acts), and the devnet's seeded
 * contributors only on the local devnet (elsewhere the same well-known addresses belong to strangers).
 */
export function getAddressNames(chainId: number, known: KnownContracts): Record<string, string> {
  const names: Record<string, string> = {}
  for (const [address, kind] of known) names[address] = contractLabels[kind]
  for (const body of getGoverningBodies(chainId)) {
    names[body.account] = body.name
    if (body.dao && body.dao !== body.account) names[body.dao] = `${body.name} (Aragon DAO)`
    if (body.plugin) names[body.plugin] = `${body.name} voting`
  }
  if (chainId === DEVNET_CHAIN_ID) {
    for (const account of devnetAccounts) names[account.address.toLowerCase()] = account.name
  }
  return names
}
