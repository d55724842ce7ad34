// The chains the portal knows: a name for the chain badge and the native currency its budgets
// and fees are paid in. The real chains are those Openmesh deployed on
// (../shared/reference-abi/README.md, "Tokens and native currency"); the two devnet chains are
// the anvils `npm start` runs (devnet/chains.ts): a Polygon-like one with the DAO and an
// Ethereum-like one with OpenR&D only. Both devnets pay in anvil's ether, so they say ETH.

export type NativeCurrency = { symbol: string; name: string; decimals: 18 }

export type ChainInfo = {
  chainId: number
  /** Full name, e.g. for a title or a screen reader. */
  name: string
  /** The chain badge on the task board. */
  shortName: string
  nativeCurrency: NativeCurrency
  testnet: boolean
}

const ETH: NativeCurrency = { symbol: 'ETH', name: 'Ether', decimals: 18 }

const known: ChainInfo[] = [
  { chainId: 1, name: 'Ethereum', shortName: 'Ethereum', nativeCurrency: ETH, testnet: false },
  { chainId: 137, name: 'Polygon', shortName: 'Polygon', nativeCurrency: { symbol: 'POL', name: 'POL', decimals: 18 }, testnet: false },
  { chainId: 11155111, name: 'Sepolia', shortName: 'Sepolia', nativeCurrency: { symbol: 'SepoliaETH', name: 'Sepolia Ether', decimals: 18 }, testnet: true },
  { chainId: 421614, name: 'Arbitrum Sepolia', shortName: 'Arb Sepolia', nativeCurrency: ETH, testnet: true },
  { chainId: 31337, name: 'Devnet Polygon (anvil)', shortName: 'Devnet Polygon', nativeCurrency: ETH, testnet: true },
  { chainId: 31338, name: 'Devnet Ethereum (anvil)', shortName: 'Devnet Ethereum', nativeCurrency: ETH, testnet: true },
]

const byId = new Map(known.map((chain) => [chain.chainId, chain]))

/** What the portal shows for a chain; an unknown chain is named by its id and pays in "ETH" (18 decimals, like every EVM chain's gas token). */
export function chainInfo(chainId: number): ChainInfo {
  return byId.get(chainId) ?? { chainId, name: `Chain ${chainId}`, shortName: `Chain ${chainId}`, nativeCurrency: ETH, testnet: true }
}

export function isKnownChain(chainId: number): boolean {
  return byId.has(chainId)
}
