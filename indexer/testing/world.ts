import { decodeEventLog, keccak256, parseEther, stringToHex, toHex, type Abi, type Hex } from 'viem'
import { canonicalJsonBytes, cidForBytes } from '#db/content-store'
import { deployPortal, type PortalDeployment } from '#devnet/deploy'
import { assertMined, createSender, mine, rpc, type Sender, type Tx } from './chain'

// The chain tests and the benchmark send traffic to: the portal's contracts deployed on an anvil,
// with anvil's accounts impersonated, and the few helpers every kind of traffic uses (accounts by
// label, a seeded random source, a block of transactions at once, the events of the last block).

export type World = {
  rpcUrl: string
  deployment: PortalDeployment
  deployer: Hex
  dao: Hex
  sender: Sender
  documents: Map<string, unknown>
  /** The departments' tag holders so far, over every workload: a department vote needs more than half of them. */
  voters: { dispute: Hex[]; coreMember: Hex[] }
}

const DEPLOYER: Hex = '0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266'

export async function deployWorld(rpcUrl: string): Promise<World> {
  const deployment = await deployPortal({ rpcUrl })
  await rpc(rpcUrl, 'evm_setBlockGasLimit', [toHex(10_000_000_000n)])
  await rpc(rpcUrl, 'anvil_autoImpersonateAccount', [true])
  return {
    rpcUrl,
    deployment,
    deployer: DEPLOYER,
    dao: deployment.contracts.dao!.address.toLowerCase() as Hex,
    sender: createSender(rpcUrl),
    documents: new Map(),
    voters: { dispute: [], coreMember: [] },
  }
}

/** Sends `txs` and mines them in one block (automine off meanwhile); throws if any reverts. */
export async function inOneBlock(world: World, txs: Tx[]): Promise<void> {
  if (txs.length === 0) return
  await rpc(world.rpcUrl, 'evm_setAutomine', [false])
  try {
    const hashes = await world.sender.send(txs)
    await mine(world.rpcUrl)
    await assertMined(world.rpcUrl, hashes)
  } finally {
    await rpc(world.rpcUrl, 'evm_setAutomine', [true])
  }
}

/** A stable address for a label (not an anvil account: impersonated, funded with `fund`). */
export function address(label: string): Hex {
  return `0x${keccak256(stringToHex(label)).slice(26)}` as Hex
}

export async function fund(world: World, accounts: Hex[]) {
  for (const a of accounts) await rpc(world.rpcUrl, 'anvil_setBalance', [a, toHex(parseEther('1000000'))])
}

/** A seeded random source (mulberry32): the same seed sends the same traffic. */
export function random(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A metadata document's `ipfs://` URI (the document is kept in the world, not stored anywhere). */
export async function documentUri(world: World, doc: unknown): Promise<string> {
  const cid = await cidForBytes(canonicalJsonBytes(doc), 'json')
  world.documents.set(cid, doc)
  return `ipfs://${cid}`
}

/** Sends one transaction per `txs` entry in its own block, in order (each may depend on the last): throws if any reverts. */
export async function oneByOne(world: World, txs: Tx[]): Promise<void> {
  for (const tx of txs) await inOneBlock(world, [tx])
}

/** The arguments of every `name` event of `abi` in the latest block. */
export async function eventsOfLatestBlock(world: World, abi: Abi, name: string): Promise<Record<string, unknown>[]> {
  const header = await rpc<{ hash: Hex }>(world.rpcUrl, 'eth_getBlockByNumber', ['latest', false])
  const logs = await rpc<{ address: string; topics: Hex[]; data: Hex }[]>(world.rpcUrl, 'eth_getLogs', [{ blockHash: header.hash }])
  const out: Record<string, unknown>[] = []
  for (const log of logs) {
    try {
      const decoded = decodeEventLog({ abi, data: log.data, topics: log.topics as [Hex, ...Hex[]] })
      if (decoded.eventName === name) out.push(decoded.args as unknown as Record<string, unknown>)
    } catch {
      // another contract's event
    }
  }
  return out
}

/** What one kind of traffic shares with the others while a workload runs. */
export type Traffic = {
  world: World
  rand: () => number
  pick: <T>(items: T[]) => T
  seedTag: number
  /** Emitted so far: events (what the workload counts up to), tasks, proposals, trustless actions, RFPs. */
  events: number
  tasks: number
  proposals: number
  actions: number
  rfps: number
  /** Next OVC token id to mint: unique across the workload's cohorts. */
  tokenSerial: number
}
