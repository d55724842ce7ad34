import { devnetAccounts } from '#devnet/accounts'
import type { DevWalletAccount } from './dev-wallet-provider'

const DEVNET_CHAIN_ID = 31337

/**
 * The accounts the dev wallet offers: the devnet's seeded contributors, whose keys come from
 * anvil's published mnemonic. Only on the local devnet, and never any other key.
 */
export function getDevWalletAccounts(chainId: number): DevWalletAccount[] {
  if (chainId !== DEVNET_CHAIN_ID) return []
  return devnetAccounts.map(({ name, address, privateKey }) => ({ name, address, privateKey }))
}
