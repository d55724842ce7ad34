import { defineChain, type Chain } from 'viem'
import { arbitrum, base, baseSepolia, foundry, mainnet, optimism, polygon, polygonAmoy, sepolia } from 'viem/chains'

// The one chain the portal runs on, as a viem Chain (for wagmi, ENS support, and the
// "add network" request a wallet gets when it does not know the chain yet).

const knownChains: Chain[] = [mainnet, sepolia, polygon, polygonAmoy, base, baseSepolia, arbitrum, optimism]

export function portalChain(env: { CHAIN_ID: number; RPC_URL: string | null }): Chain {
  const rpcUrls = env.RPC_URL ? { default: { http: [env.RPC_URL] } } : undefined
  if (env.CHAIN_ID === foundry.id) {
    return { ...foundry, name: 'Openmesh devnet', rpcUrls: rpcUrls ?? foundry.rpcUrls }
  }
  const known = knownChains.find((chain) => chain.id === env.CHAIN_ID)
  if (known) return rpcUrls ? { ...known, rpcUrls } : known
  return defineChain({
    id: env.CHAIN_ID,
    name: `Chain ${env.CHAIN_ID}`,
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: rpcUrls ?? { default: { http: [] } },
  })
}

/** ENS names resolve on chains with ENS contracts (mainnet, Sepolia); elsewhere, short addresses. */
export function hasEns(chain: Chain): boolean {
  return Boolean(chain.contracts?.ensUniversalResolver)
}
