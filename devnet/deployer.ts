import {
  createPublicClient,
  createWalletClient,
  encodeDeployData,
  encodeFunctionData,
  getContractAddress,
  http,
  parseGwei,
  type Abi,
  type Address,
  type ContractFunctionArgs,
  type ContractFunctionName,
  type Hash,
  type Hex,
} from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { foundry } from 'viem/chains'
import { deployerAccount } from './accounts'
import { replayRevertReason } from './revert-reason'

// Sends the deployer's transactions back to back: signed locally with tracked nonces and fixed
// gas, so nothing waits for a receipt or an estimate (anvil mines each transaction as it arrives,
// in nonce order, so every transaction sees the ones before it). Addresses of contracts are known
// before they exist (sender + nonce). `settle()` checks every receipt at the end and names the
// step that failed, with the revert decoded from a replay of its call.

const DEPLOY_GAS = 15_000_000n
const CALL_GAS = 5_000_000n
const MAX_FEE = parseGwei('50')
const PRIORITY_FEE = parseGwei('1')

export type Deployed = { address: Address; startBlock: number }

type Sent = { label: string; hash: Hash; to?: Address; data: Hex; value: bigint }

export type Deployer = Awaited<ReturnType<typeof createDeployer>>

export async function createDeployer(args: { rpcUrl: string; chainId?: number; errorAbi: Abi }) {
  const transport = http(args.rpcUrl)
  const publicClient = createPublicClient({ transport })
  const chainId = args.chainId ?? (await publicClient.getChainId())
  const account = privateKeyToAccount(deployerAccount.privateKey)
  const wallet = createWalletClient({ account, chain: { ...foundry, id: chainId }, transport })
  let nonce = await publicClient.getTransactionCount({ address: account.address, blockTag: 'pending' })
  const sent: Sent[] = []
  const deployments = new Map<Hash, Address>()

  async function send(label: string, tx: { to?: Address; data: Hex; value?: bigint; gas: bigint }): Promise<Hash> {
    const value = tx.value ?? 0n
    const hash = await wallet.sendTransaction({
      ...(tx.to ? { to: tx.to } : {}),
      data: tx.data,
      value,
      gas: tx.gas,
      nonce: nonce++,
      maxFeePerGas: MAX_FEE,
      maxPriorityFeePerGas: PRIORITY_FEE,
    })
    sent.push({ label, hash, to: tx.to, data: tx.data, value })
    return hash
  }

  /** Deploys a contract and returns the address it will have. */
  async function deploy(label: string, abi: Abi, bytecode: Hex, constructorArgs: readonly unknown[] = []): Promise<Address> {
    const address = getContractAddress({ from: account.address, nonce: BigInt(nonce) })
    const data = encodeDeployData({ abi, bytecode, args: constructorArgs } as never)
    deployments.set(await send(label, { data, gas: DEPLOY_GAS }), address)
    return address
  }

  /** Calls a contract as the deployer. */
  async function call<const abi extends Abi, name extends ContractFunctionName<abi, 'nonpayable' | 'payable'>>(
    label: string,
    to: Address,
    abi: abi,
    functionName: name,
    functionArgs: ContractFunctionArgs<abi, 'nonpayable' | 'payable', name>,
    value?: bigint,
  ): Promise<void> {
    const data = encodeFunctionData({ abi, functionName, args: functionArgs } as never)
    await send(label, { to, data, value, gas: CALL_GAS })
  }

  /** Waits for every transaction sent; throws on the first that failed. Returns start blocks by address. */
  async function settle(): Promise<Map<Address, number>> {
    const blocks = new Map<Address, number>()
    for (const tx of sent.splice(0)) {
      const receipt = await publicClient.waitForTransactionReceipt({ hash: tx.hash, pollingInterval: 50 })
      if (receipt.status !== 'success') {
        throw new Error(`deployment step "${tx.label}" reverted: ${await replayRevertReason(publicClient, { ...tx, from: account.address }, receipt.blockNumber, args.errorAbi)}`)
      }
      const address = deployments.get(tx.hash)
      if (address) blocks.set(address, Number(receipt.blockNumber))
    }
    return blocks
  }

  return { address: account.address, chainId, publicClient, deploy, call, settle }
}
