import {
  BaseError,
  ContractFunctionRevertedError,
  createPublicClient,
  createTestClient,
  createWalletClient,
  encodeFunctionData,
  http,
  parseEventLogs,
  type Abi,
  type Account,
  type Address,
  type Chain,
  type Hex,
  type PublicClient,
  type TestClient,
  type TransactionReceipt,
  type Transport,
  type WalletClient,
} from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { foundry } from 'viem/chains'
import { afterEach, beforeEach, expect } from 'vitest'
import type { Deployment } from '../config/deployment'
import { devnetAccounts } from '../devnet/accounts'
import { deployPortal, type PortalDeployment } from '../devnet/deploy'
import { useAnvil } from '../test/setup'

// Shared set-up of the contract tests: one anvil per test file with the topology deployed on it,
// viem clients for anvil's ten accounts, and helpers that simulate before sending so a revert
// surfaces as a decoded custom error instead of a mined failed transaction.

export type Wallet = WalletClient<Transport, Chain, Account>

export type ContractCall = {
  address: Address
  abi: Abi
  functionName: string
  args?: readonly unknown[]
  value?: bigint
}

export type DeployedPortal = Awaited<ReturnType<typeof useDeployedPortal>>

export async function useDeployedPortal() {
  const anvil = await useAnvil()
  const transport = http(anvil.rpcUrl)
  const chain = foundry
  const publicClient: PublicClient<Transport, Chain> = createPublicClient({ chain, transport, pollingInterval: 10 })
  const testClient: TestClient<'anvil', Transport, Chain> = createTestClient({ chain, mode: 'anvil', transport })
  const wallets: Wallet[] = devnetAccounts.map((a) =>
    createWalletClient({ account: privateKeyToAccount(a.privateKey), chain, transport }),
  )
  const deployment: PortalDeployment = await deployPortal({ rpcUrl: anvil.rpcUrl })
  const { topology } = deployment
  const contract = (key: keyof Deployment['contracts']): Address => {
    const entry = deployment.contracts[key]
    if (!entry) throw new Error(`${key} is not deployed`)
    return entry.address
  }

  /** Simulates (decoding any revert), sends, waits; returns the receipt and the call's result. */
  async function write(wallet: Wallet, call: ContractCall): Promise<{ receipt: TransactionReceipt; result: unknown }> {
    const { request, result } = await publicClient.simulateContract({ account: wallet.account, ...call } as never)
    // anvil's own estimate for impersonated senders sometimes falls short; estimate and pad.
    const gas = await publicClient.estimateContractGas({ account: wallet.account, ...call } as never)
    const hash = await wallet.writeContract({ ...(request as object), gas: (gas * 5n) / 4n } as never)
    const receipt = await publicClient.waitForTransactionReceipt({ hash })
    if (receipt.status !== 'success') {
      const tx = await publicClient.getTransaction({ hash })
      throw new Error(`${call.functionName} reverted on chain (gas ${receipt.gasUsed} of ${tx.gas})`)
    }
    return { receipt, result }
  }

  function read<T = unknown>(call: Omit<ContractCall, 'value'>): Promise<T> {
    return publicClient.readContract(call as never) as Promise<T>
  }

  async function deploy(wallet: Wallet, abi: Abi, bytecode: Hex, args: readonly unknown[] = []): Promise<Address> {
    const hash = await wallet.deployContract({ abi, bytecode, args } as never)
    const receipt = await publicClient.waitForTransactionReceipt({ hash })
    if (!receipt.contractAddress) throw new Error('deployment failed')
    return receipt.contractAddress
  }

  async function increaseTime(seconds: number): Promise<void> {
    await testClient.increaseTime({ seconds })
    await testClient.mine({ blocks: 1 })
  }

  async function now(): Promise<bigint> {
    return (await publicClient.getBlock()).timestamp
  }

  /**
   * A wallet that sends as `address` (anvil impersonation). An address with less than 1 ETH is
   * given 100 ETH for gas; one with more keeps its balance, so tests can count what it receives.
   */
  async function impersonate(address: Address): Promise<Wallet> {
    await testClient.impersonateAccount({ address })
    const balance = await publicClient.getBalance({ address })
    if (balance < 10n ** 18n) await testClient.setBalance({ address, value: balance + 10n ** 20n })
    return createWalletClient({ account: { address, type: 'json-rpc' } as Account, chain, transport })
  }

  /** Each test starts from the same chain state and leaves none behind. */
  function isolateEachTest(): void {
    let snapshot: Hex | undefined
    beforeEach(async () => {
      snapshot = await testClient.snapshot()
    })
    afterEach(async () => {
      if (snapshot) await testClient.revert({ id: snapshot })
    })
  }

  return {
    anvil,
    publicClient,
    testClient,
    wallets,
    deployment,
    topology,
    contract,
    write,
    read,
    deploy,
    increaseTime,
    now,
    impersonate,
    isolateEachTest,
  }
}

export type Action = { to: Address; value: bigint; data: Hex }

/** One `(to, value, data)` action, as DAOs, proposals and trustless actions carry them. */
export function action(to: Address, abi: Abi, functionName: string, args: readonly unknown[] = [], value = 0n): Action {
  return { to, value, data: encodeFunctionData({ abi, functionName, args } as never) }
}

/**
 * Awaits `action` and asserts it reverted with the custom error `errorName` (or, for a plain
 * `revert("…")`, with that reason); returns the error's args.
 */
export async function expectRevert(action: Promise<unknown>, errorName: string): Promise<readonly unknown[]> {
  let error: unknown
  try {
    await action
  } catch (caught) {
    error = caught
  }
  if (!error) throw new Error(`expected a revert with ${errorName}, but the call succeeded`)
  if (!(error instanceof BaseError)) throw error
  const reverted = error.walk((e) => e instanceof ContractFunctionRevertedError) as ContractFunctionRevertedError | null
  const name = reverted?.data?.errorName === 'Error' ? reverted.reason : reverted?.data?.errorName
  expect(name ?? reverted?.shortMessage ?? error.shortMessage).toBe(errorName)
  return reverted?.data?.args ?? []
}

/** The names of the events in a receipt that `abi` knows, in emission order. */
export function eventNames(abi: Abi, receipt: TransactionReceipt): string[] {
  return parseEventLogs({ abi, logs: receipt.logs }).map((log) => log.eventName)
}

export function events(abi: Abi, receipt: TransactionReceipt) {
  return parseEventLogs({ abi, logs: receipt.logs })
}
