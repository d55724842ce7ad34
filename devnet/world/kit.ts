import {
  createPublicClient,
  encodeFunctionData,
  http,
  parseGwei,
  toHex,
  type Abi,
  type Address,
  type Hex,
} from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import type { Db } from '#db/client'
import { putJsonDocument } from '#db/content-store'
import type { DocumentKind } from '#documents/kinds'
import { writtenAs, writtenDocument, type Writable } from '#documents/write'
import { devnetAccounts } from '../accounts'
import { allContractErrors } from '../contract-errors'
import { replayRevertReason } from '../revert-reason'
import type { Topology } from '../topology'

// The plumbing every part of the seeded world shares: who the people are, sending their
// transactions, storing the documents those transactions point at, and the chain's clock.
//
// Speed: anvil mines each transaction as it arrives, in arrival order, so transactions are signed
// locally with tracked nonces and fixed gas and sent without waiting for receipts; `settle()`
// checks them all at once, at the end of a phase. Ids (tasks, proposals, actions per DAO) are
// sequential, so the seeding modules count them (`ids`) instead of reading them back.

const GAS = 5_000_000n
const MAX_FEE = parseGwei('50')
const PRIORITY_FEE = parseGwei('1')

/** A person (an index into devnetAccounts) or a contract address the devnet impersonates. */
export type From = number | Address
export type Action = { to: Address; value: bigint; data: Hex }
type Sent = { hash: Hex; label: string; from: Address; to: Address; data: Hex; value: bigint }

export type WorldKit = Awaited<ReturnType<typeof createWorldKit>>

export async function createWorldKit(args: { rpcUrl: string; chainId: number; topology: Topology; db: Db }) {
  const { chainId, topology, db } = args
  const client = createPublicClient({ transport: http(args.rpcUrl), pollingInterval: 10 })
  const rpc = <T>(method: string, params: unknown[] = []) => client.request({ method, params } as never) as Promise<T>
  const accounts = devnetAccounts.map((a) => privateKeyToAccount(a.privateKey))
  const nonces = new Map<Address, number>()
  const impersonated = new Set<Address>()
  const pending: Sent[] = []
  const counts = { transactions: 0, documents: 0 }

  const address = (who: From): Address => (typeof who === 'number' ? accounts[who]!.address : who)

  async function nextNonce(of: Address): Promise<number> {
    const known = nonces.get(of) ?? (await client.getTransactionCount({ address: of, blockTag: 'pending' }))
    nonces.set(of, known + 1)
    return known
  }

  /** Sends a transaction from a person (signed here) or from an impersonated contract. */
  async function sendRaw(from: From, to: Address, data: Hex, value: bigint, label: string): Promise<void> {
    let hash: Hex
    if (typeof from === 'number') {
      const account = accounts[from]!
      const signed = await account.signTransaction({
        chainId,
        type: 'eip1559',
        to,
        data,
        value,
        nonce: await nextNonce(account.address),
        gas: GAS,
        maxFeePerGas: MAX_FEE,
        maxPriorityFeePerGas: PRIORITY_FEE,
      })
      hash = await rpc<Hex>('eth_sendRawTransaction', [signed])
    } else {
      if (!impersonated.has(from)) {
        await rpc('anvil_impersonateAccount', [from])
        impersonated.add(from)
      }
      hash = await rpc<Hex>('eth_sendTransaction', [{ from, to, data, value: toHex(value), gas: toHex(GAS) }])
    }
    counts.transactions++
    pending.push({ hash, label, from: address(from), to, data, value })
  }

  function send(
    from: From,
    to: Address,
    abi: Abi,
    functionName: string,
    fnArgs: readonly unknown[],
    options: { value?: bigint; label?: string } = {},
  ): Promise<void> {
    const data = encodeFunctionData({ abi, functionName, args: fnArgs } as never)
    return sendRaw(from, to, data, options.value ?? 0n, options.label ?? functionName)
  }

  /** A plain transfer of ETH. */
  function transfer(from: From, to: Address, value: bigint, label: string): Promise<void> {
    return sendRaw(from, to, '0x', value, label)
  }

  /** Waits for every sent transaction; a revert fails the seed with the call and its decoded error. */
  async function settle(): Promise<void> {
    const batch = pending.splice(0)
    const receipts = await Promise.all(batch.map((s) => client.waitForTransactionReceipt({ hash: s.hash })))
    for (const [i, receipt] of receipts.entries()) {
      if (receipt.status === 'success') continue
      const sent = batch[i]!
      throw new Error(`seeding failed: "${sent.label}" (tx ${sent.hash}) reverted: ${await replayRevertReason(client, sent, receipt.blockNumber, allContractErrors)}`)
    }
  }

  /**
   * Stores a metadata document as the frontends upload it — rich-text fields (written here as
   * markdown) become editor HTML, keys in the frontends' order, checked by the kind's schema — and
   * answers its `ipfs://` URI.
   */
  async function doc(kind: DocumentKind, value: Record<string, unknown>): Promise<string> {
    counts.documents++
    return `ipfs://${await putJsonDocument(db, writtenDocument(kind, value))}`
  }

  /** The same for a variant with a definition of its own (the ovc-frontend's membership task). */
  async function docAs(definition: Writable, value: Record<string, unknown>): Promise<string> {
    counts.documents++
    return `ipfs://${await putJsonDocument(db, writtenAs(definition, value))}`
  }

  async function now(): Promise<number> {
    return Number((await client.getBlock()).timestamp)
  }

  async function increaseTime(seconds: number): Promise<void> {
    await rpc('evm_increaseTime', [seconds])
    await rpc('evm_mine')
  }

  async function setBalance(of: Address, wei: bigint): Promise<void> {
    await rpc('anvil_setBalance', [of, toHex(wei)])
  }

  async function stopImpersonating(): Promise<void> {
    for (const account of impersonated) await rpc('anvil_stopImpersonatingAccount', [account])
    impersonated.clear()
  }

  return { client, topology, address, send, transfer, settle, doc, docAs, now, increaseTime, setBalance, stopImpersonating, counts, ids: createIds() }
}

/** `action(to, abi, fn, args, value)`: one call a DAO, a smart account or a trustless action makes. */
export function action(to: Address, abi: Abi, functionName: string, args: readonly unknown[], value = 0n): Action {
  return { to, value, data: encodeFunctionData({ abi, functionName, args } as never) }
}

/**
 * The next id of each sequence, counted as the transactions that take them are sent: tasks
 * (Tasks.taskCount, also taken by the votes and actions that create a task), RFPs, proposals per
 * voting plugin, and trustless actions per (contract, dao).
 */
function createIds() {
  const counters = new Map<string, number>()
  const take = (key: string) => {
    const id = counters.get(key) ?? 0
    counters.set(key, id + 1)
    return id
  }
  return {
    task: () => take('task'),
    rfp: () => take('rfp'),
    proposal: (plugin: Address) => take(`proposal:${plugin}`),
    action: (contract: Address, dao: Address) => take(`action:${contract}:${dao}`),
    project: (rfpId: number) => take(`project:${rfpId}`),
  }
}
