import { devnetAccounts } from '#devnet/accounts'
import { contractLabels, type KnownContracts } from './decode-action.server'

const DEVNET_CHAIN_ID = 31337

/**
 * Display names by lowercase address: the portal's own contracts on any chain, and the devnet's
 * seeded contributors only on the local devnet (elsewhere the same well-known addresses belong
 * to strangers).
 */
export function getAddressNames(chainId: number, known: KnownContracts): Record<string, string> {
  const names: Record<string, string> = {}
  for (const [address, kind] of known) names[address] = kind === 'dao' ? 'The DAO' : contractLabels[kind]
  if (chainId === DEVNET_CHAIN_ID) {
    for (const account of devnetAccounts) names[account.address.toLowerCase()] = account.name
  }
  return names
}
