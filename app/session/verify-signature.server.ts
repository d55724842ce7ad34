import { createPublicClient, http, type Address, type Hex } from 'viem'

/** The chain could not be asked: sign-in fails closed rather than trusting an unverified signature. */
export class RpcUnavailableError extends Error {
  override name = 'RpcUnavailableError'
}

/**
 * Whether `signature` is `address`'s signature of `message`, checked through the chain: viem's
 * ERC-6492 validator (run with eth_call) covers plain keys, deployed smart-contract wallets
 * (ERC-1271) and not-yet-deployed ones (ERC-6492). The RPC is asked for its chain id first, so
 * an unreachable or misconfigured RPC is an error, never a silent "valid".
 */
export async function verifySignature(args: {
  rpcUrl: string
  chainId: number
  address: Address
  message: string
  signature: Hex
}): Promise<boolean> {
  const client = createPublicClient({ transport: http(args.rpcUrl, { timeout: 5_000, retryCount: 1 }) })
  let rpcChainId: number
  try {
    rpcChainId = await client.getChainId()
  } catch {
    throw new RpcUnavailableError('the chain RPC is unreachable')
  }
  if (rpcChainId !== args.chainId) {
    throw new RpcUnavailableError(`the chain RPC serves chain ${rpcChainId}, not chain ${args.chainId}`)
  }
  try {
    return await client.verifyMessage({ address: args.address, message: args.message, signature: args.signature })
  } catch {
    throw new RpcUnavailableError('the chain RPC failed while verifying the signature')
  }
}
