import path from 'node:path'
import { createPublicClient, createWalletClient, http, type Address, type Hash } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { foundry } from 'viem/chains'
import { devnetDeploymentPath, readDeploymentFile } from '../config/deployment'
import { tasksAbi } from '../contracts-abi/Tasks'
import { openDatabase } from '../db/client'
import { cidForBytes, putJsonDocument } from '../db/content-store'
import { contentBlobs } from '../db/schema'
import { E2E_RPC_URL, resolveAccount, type AccountRef } from './fixtures'

// The Node side of the task specs that need what the UI refuses to make: metadata documents
// with hostile or broken content, written straight into the portal's content store, and tasks
// created on chain with them. The portal then indexes them like any task from another app.

/** The e2e portal's data dir (playwright.config.ts); E2E_DATA_DIR points elsewhere for local runs. */
const DATA_DIR = process.env.E2E_DATA_DIR ?? '.data/e2e'

const publicClient = createPublicClient({ chain: foundry, transport: http(E2E_RPC_URL) })

export function tasksAddress(): Address {
  const deployment = readDeploymentFile(devnetDeploymentPath(DATA_DIR))
  if (!deployment) throw new Error(`no devnet deployment in ${DATA_DIR}`)
  return deployment.contracts.tasks.address
}

/** Stores a JSON document in the portal's content store; answers its ipfs:// URI. */
export async function storeDocument(document: unknown): Promise<string> {
  const handle = openDatabase(path.join(DATA_DIR, 'portal.sqlite'), { migrate: false })
  try {
    return `ipfs://${await putJsonDocument(handle.db, document)}`
  } finally {
    handle.close()
  }
}

/** Stores bytes that are not JSON under their CID (a document the indexer must reject). */
export async function storeRawBytes(text: string): Promise<string> {
  const bytes = new TextEncoder().encode(text)
  const cid = await cidForBytes(bytes, 'json')
  const handle = openDatabase(path.join(DATA_DIR, 'portal.sqlite'), { migrate: false })
  try {
    handle.db.insert(contentBlobs).values({ cid, bytes: Buffer.from(bytes) }).onConflictDoNothing().run()
  } finally {
    handle.close()
  }
  return `ipfs://${cid}`
}

/** Sends a Tasks call as a devnet account and waits for it; answers the receipt. */
export async function sendTasks(
  who: AccountRef,
  functionName: string,
  args: readonly unknown[],
  value?: bigint,
): Promise<{ hash: Hash; blockNumber: bigint; logs: { topics: readonly string[] }[] }> {
  const account = privateKeyToAccount(resolveAccount(who).privateKey)
  const wallet = createWalletClient({ account, chain: foundry, transport: http(E2E_RPC_URL) })
  const hash = await wallet.writeContract({ address: tasksAddress(), abi: tasksAbi, functionName, args, value } as never)
  const receipt = await publicClient.waitForTransactionReceipt({ hash })
  if (receipt.status !== 'success') throw new Error(`${functionName} reverted`)
  return { hash, blockNumber: receipt.blockNumber, logs: receipt.logs }
}

export async function taskCount(): Promise<number> {
  return Number(await publicClient.readContract({ address: tasksAddress(), abi: tasksAbi, functionName: 'taskCount' }))
}

/** Waits until the portal's indexer has passed `block`. */
export async function waitForIndexer(baseURL: string, block: bigint) {
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    const status = (await (await fetch(`${baseURL}/indexer-status`)).json()) as { indexedBlock: number | null }
    if (status.indexedBlock !== null && BigInt(status.indexedBlock) >= block) return
    await new Promise((resolve) => setTimeout(resolve, 300))
  }
  throw new Error(`the indexer did not reach block ${block}`)
}

export const inAMonth = () => BigInt(Math.floor(Date.now() / 1000) + 30 * 86_400 + 3_600)
