import { useRevalidator } from '@remix-run/react'
import { useState } from 'react'
import type { Abi, Address, ContractFunctionArgs, ContractFunctionName, Hash } from 'viem'
import { useConfig, useWriteContract, type Config } from 'wagmi'
import { estimateGas, getConnection, sendTransaction, simulateContract, waitForTransactionReceipt } from 'wagmi/actions'
import { openTokenAbi } from '#contracts-abi/OpenToken'
import type { WriteTarget } from './write-context'
import { describeWriteError } from './write-errors'

// One write from the browser, with its progress: (storing the metadata) → signing → submitted
// → mined → indexed → visible. Read-your-writes: after the last receipt the hook polls
// /indexer-status until the indexer has passed the receipt's block, then revalidates the page's
// loaders; the write is "visible" once the page's own data (loader `indexedBlock`) includes it.
//
// A flow can be several transactions (an ERC-20 approve, then the write that pulls the tokens);
// each is simulated first, so a revert is reported with the contract's custom error in words
// before the wallet is even asked to sign.

export type ContractWrite = {
  address: Address
  abi: Abi
  functionName: string
  args: readonly unknown[]
  value?: bigint
}

/** A plain transfer of the native currency (no calldata), e.g. a donation to an escrow. */
export type NativeTransfer = { to: Address; value: bigint }

export type WriteStep = { label: string; write: ContractWrite | NativeTransfer }

/** A plain native-currency transfer step's write: escrows accept them and emit nothing. */
export function nativeTransfer(to: Address, value: bigint): NativeTransfer {
  return { to, value }
}

/**
 * The ERC-20 errors a budget token can revert with inside a Tasks call (OpenZeppelin 5), added
 * to every write's ABI so such a revert is decoded too, not just Tasks' own errors.
 */
const tokenErrors = openTokenAbi.filter((item) => item.type === 'error')

export function withTokenErrors(write: ContractWrite): ContractWrite {
  return { ...write, abi: [...write.abi, ...tokenErrors.filter((e) => !write.abi.some((item) => item.type === 'error' && item.name === e.name))] }
}

export type TxPhase = 'idle' | 'storing' | 'signing' | 'submitted' | 'mined' | 'indexed' | 'visible' | 'failed'

export type TxFlowState = {
  phase: TxPhase
  step: number
  steps: number
  label: string | null
  hash: Hash | null
  block: number | null
  error: string | null
}

const idle: TxFlowState = { phase: 'idle', step: 0, steps: 0, label: null, hash: null, block: null, error: null }

/** A typed contract call, erased to what the flow needs once its arguments are checked. */
export function contractWrite<
  const abi extends Abi,
  const functionName extends ContractFunctionName<abi, 'nonpayable' | 'payable'>,
>(
  abi: abi,
  address: Address,
  functionName: functionName,
  args: ContractFunctionArgs<abi, 'nonpayable' | 'payable', functionName>,
  value?: bigint,
): ContractWrite {
  return { abi, address, functionName, args: args as readonly unknown[], ...(value ? { value } : {}) }
}

export type PrepareResult = { steps: WriteStep[] } | null

export function useTxFlow({ chainId, pageBlock }: WriteTarget) {
  const config = useConfig()
  const { mutateAsync: writeContract } = useWriteContract()
  const revalidator = useRevalidator()
  const [state, setState] = useState<TxFlowState>(idle)

  /**
   * Runs a flow. `prepare` stores the metadata and builds the transactions; it answers null to
   * stop quietly (e.g. the server refused the form and its errors are shown on the fields).
   * Answers the receipts' last block once the write is indexed, or null when it did not get there.
   */
  async function run(
    prepare: () => Promise<PrepareResult>,
    { storing = true, afterIndexed }: { storing?: boolean; afterIndexed?: (receiptLogs: ReceiptLogs) => void } = {},
  ): Promise<number | null> {
    let current: TxFlowState = { ...idle, phase: storing ? 'storing' : 'signing' }
    const update = (next: Partial<TxFlowState>) => {
      current = { ...current, ...next }
      setState(current)
    }
    update({})
    try {
      const prepared = await prepare()
      if (!prepared) {
        update(idle)
        return null
      }
      const { steps } = prepared
      let logs: ReceiptLogs = []
      for (const [index, { label, write }] of steps.entries()) {
        update({ phase: 'signing', step: index + 1, steps: steps.length, label, hash: null })
        await connectionReady(config)
        let hash: Hash
        if ('abi' in write) {
          const request = { ...withTokenErrors(write), chainId } as never
          await simulateContract(config, request)
          hash = await writeContract(request)
        } else {
          // Estimating is the simulation of a plain transfer: a recipient that refuses it reverts here.
          const account = getConnection(config).address
          await estimateGas(config, { chainId, account, to: write.to, value: write.value })
          hash = await sendTransaction(config, { chainId, to: write.to, value: write.value })
        }
        update({ phase: 'submitted', hash })
        const receipt = await waitForTransactionReceipt(config, { hash, chainId })
        if (receipt.status !== 'success') throw new Error('The transaction was reverted on chain.')
        logs = receipt.logs
        update({ phase: 'mined', block: Number(receipt.blockNumber) })
      }
      await waitUntilIndexed(chainId, current.block ?? 0)
      update({ phase: 'indexed' })
      afterIndexed?.(logs)
      revalidator.revalidate()
      return current.block
    } catch (error) {
      update({ phase: 'failed', error: describeWriteError(error) })
      return null
    }
  }

  const visible = state.phase === 'indexed' && state.block !== null && pageBlock !== null && pageBlock >= state.block
  return {
    ...state,
    phase: visible ? ('visible' as const) : state.phase,
    busy: ['storing', 'signing', 'submitted', 'mined'].includes(state.phase),
    run,
    reset: () => setState(idle),
  }
}

export type TxFlow = ReturnType<typeof useTxFlow>
export type ReceiptLogs = Awaited<ReturnType<typeof waitForTransactionReceipt>>['logs']

/**
 * Waits while wagmi is still reconnecting the wallet after a page load: until then the
 * connection restored from the cookie is a stub that cannot sign (a click right after a reload
 * would otherwise fail). A wallet that is not connected at all is reported at once.
 */
async function connectionReady(config: Config): Promise<void> {
  const deadline = Date.now() + 15_000
  for (;;) {
    const connection = getConnection(config)
    const usable = typeof (connection.connector as { getChainId?: unknown } | undefined)?.getChainId === 'function'
    if (connection.status === 'connected' && usable) return
    if (connection.status === 'disconnected') throw new Error('Connect your wallet first (the button at the top right).')
    if (Date.now() > deadline) throw new Error('Your wallet did not reconnect: reload the page or connect it again.')
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

const POLL_MS = 400
const INDEX_TIMEOUT_MS = 120_000

/** Polls the indexer until it has indexed `block`; throws if it stopped or takes too long. */
async function waitUntilIndexed(chainId: number, block: number): Promise<void> {
  const deadline = Date.now() + INDEX_TIMEOUT_MS
  for (;;) {
    const response = await fetch(`/indexer-status?chainId=${chainId}`, { headers: { Accept: 'application/json' } })
    if (response.ok) {
      const status = (await response.json()) as { indexedBlock: number | null; halted: string | null }
      if (status.halted) throw new Error(`The transaction is on chain, but the indexer stopped: ${status.halted}`)
      if (status.indexedBlock !== null && status.indexedBlock >= block) return
    }
    if (Date.now() > deadline) {
      throw new Error('The transaction is on chain, but the portal has not indexed it yet. Reload the page in a moment.')
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS))
  }
}
