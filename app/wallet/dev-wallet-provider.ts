import {
  createPublicClient,
  createWalletClient,
  hexToBigInt,
  hexToNumber,
  http,
  isAddressEqual,
  numberToHex,
  type Address,
  type Chain,
  type Hex,
  type TypedDataDefinition,
} from 'viem'
import { privateKeyToAccount, type PrivateKeyAccount } from 'viem/accounts'

// The dev wallet's EIP-1193 provider: signs in the page with the devnet's public keys and
// forwards everything else to the chain's RPC. It only ever holds the keys the server offered
// (the devnet's, see dev-accounts.server.ts).

export type DevWalletAccount = { name: string; address: Address; privateKey: Hex }

type RequestArguments = { method: string; params?: unknown }
export type DevWalletProvider = {
  request(args: RequestArguments): Promise<unknown>
  on(event: string, listener: (...args: unknown[]) => void): void
  removeListener(event: string, listener: (...args: unknown[]) => void): void
}

type TransactionParams = {
  to?: Address
  data?: Hex
  value?: Hex
  gas?: Hex
  nonce?: Hex
  gasPrice?: Hex
  maxFeePerGas?: Hex
  maxPriorityFeePerGas?: Hex
}

class ProviderRpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message)
  }
}

export function createDevWalletProvider(args: {
  chain: Chain
  rpcUrl: string
  getAccount: () => DevWalletAccount | undefined
}): DevWalletProvider {
  const rpc = createPublicClient({ chain: args.chain, transport: http(args.rpcUrl) })
  const sender = createWalletClient({ chain: args.chain, transport: http(args.rpcUrl) })

  function signer(address?: unknown): PrivateKeyAccount {
    const account = args.getAccount()
    if (!account) throw new ProviderRpcError(4100, 'The dev wallet is not connected.')
    if (typeof address === 'string' && !isAddressEqual(address as Address, account.address)) {
      throw new ProviderRpcError(4100, `The dev wallet's current account is ${account.address}, not ${address}.`)
    }
    return privateKeyToAccount(account.privateKey)
  }

  async function request({ method, params }: RequestArguments): Promise<unknown> {
    const list = (Array.isArray(params) ? params : []) as unknown[]
    switch (method) {
      case 'eth_accounts':
      case 'eth_requestAccounts': {
        const account = args.getAccount()
        return account ? [account.address] : []
      }
      case 'eth_chainId':
        return numberToHex(args.chain.id)
      case 'personal_sign':
        return signer(list[1]).signMessage({ message: { raw: list[0] as Hex } })
      case 'eth_signTypedData_v4': {
        const typedData = (typeof list[1] === 'string' ? JSON.parse(list[1]) : list[1]) as TypedDataDefinition
        return signer(list[0]).signTypedData(typedData)
      }
      case 'eth_sendTransaction': {
        const tx = (list[0] ?? {}) as TransactionParams & { from?: Address }
        const optional = <T,>(value: Hex | undefined, parse: (hex: Hex) => T) => (value === undefined ? undefined : parse(value))
        return sender.sendTransaction({
          account: signer(tx.from),
          chain: args.chain,
          to: tx.to,
          data: tx.data,
          value: optional(tx.value, hexToBigInt),
          gas: optional(tx.gas, hexToBigInt),
          nonce: optional(tx.nonce, hexToNumber),
          ...(tx.maxFeePerGas
            ? { maxFeePerGas: hexToBigInt(tx.maxFeePerGas), maxPriorityFeePerGas: optional(tx.maxPriorityFeePerGas, hexToBigInt) }
            : { gasPrice: optional(tx.gasPrice, hexToBigInt) }),
        } as Parameters<typeof sender.sendTransaction>[0])
      }
      case 'wallet_switchEthereumChain': {
        const target = (list[0] as { chainId?: Hex } | undefined)?.chainId
        if (target && hexToNumber(target) === args.chain.id) return null
        throw new ProviderRpcError(4902, 'The dev wallet only knows the local devnet.')
      }
      case 'wallet_getPermissions':
      case 'wallet_requestPermissions':
        return [{ parentCapability: 'eth_accounts' }]
      case 'eth_sign':
      case 'eth_signTransaction':
        throw new ProviderRpcError(4200, `The dev wallet does not support ${method}.`)
      default:
        return rpc.request({ method, params } as never)
    }
  }

  // wagmi hears about account changes from the connector itself; events are accepted and ignored.
  return { request, on() {}, removeListener() {} }
}
