import type { Hex } from 'viem'
import type { RequestOptions, RpcClient } from './client'
import { RetryableError } from '../errors'

// Typed eth_* calls on top of the RPC client. Hex quantities become numbers (block numbers,
// indexes and timestamps fit in 2^53); addresses and hashes are lowercased once, here.

export type BlockHeader = { number: number; hash: Hex; parentHash: Hex; timestamp: number }

export type RpcLog = {
  address: Hex
  topics: Hex[]
  data: Hex
  blockHash: Hex
  blockNumber: number
  /** Present when the node includes it (anvil, recent geth/reth); else filled from the header. */
  blockTimestamp?: number
  transactionHash: Hex
  transactionIndex: number
  logIndex: number
}

/** A log with its block's timestamp, as it is indexed. */
export type IndexedLog = RpcLog & { blockTimestamp: number }

export type LogFilter = { fromBlock: number; toBlock: number; address: Hex[] }

const toHex = (n: number) => `0x${n.toString(16)}`
const num = (hex: unknown) => Number.parseInt(String(hex), 16)

export function createEth(rpc: RpcClient) {
  return {
    rpc,
    async chainId(options?: { maxAttempts?: number; timeoutMs?: number }): Promise<number> {
      return num(await rpc.request<string>('eth_chainId', [], options))
    },
    async blockNumber(): Promise<number> {
      return num(await rpc.request<string>('eth_blockNumber', []))
    },
    async header(block: number | 'latest' | 'finalized'): Promise<BlockHeader | undefined> {
      const tag = typeof block === 'number' ? toHex(block) : block
      const raw = await rpc.request<RawBlock | null>('eth_getBlockByNumber', [tag, false])
      return raw ? toHeader(raw) : undefined
    },
    /** Headers of consecutive blocks, in batches; a missing block (beyond the head) is a retryable error. */
    async headers(from: number, to: number, batchSize = 100): Promise<BlockHeader[]> {
      const out: BlockHeader[] = []
      for (let start = from; start <= to; start += batchSize) {
        const end = Math.min(to, start + batchSize - 1)
        const calls = []
        for (let n = start; n <= end; n++) calls.push({ method: 'eth_getBlockByNumber', params: [toHex(n), false] })
        const raws = await rpc.batch<RawBlock | null>(calls)
        raws.forEach((raw, i) => {
          if (!raw) throw new RetryableError(`block ${start + i} not available yet`, { method: 'eth_getBlockByNumber' })
          out.push(toHeader(raw))
        })
      }
      return out
    },
    async getLogs(filter: LogFilter, options?: RequestOptions): Promise<RpcLog[]> {
      const raw = await rpc.request<RawLog[]>(
        'eth_getLogs',
        [{ fromBlock: toHex(filter.fromBlock), toBlock: toHex(filter.toBlock), address: filter.address }],
        options,
      )
      if (!Array.isArray(raw)) throw new RetryableError('eth_getLogs: result is not an array', { method: 'eth_getLogs' })
      return raw.map(toLog)
    },
    /** eth_call pinned to a block hash (EIP-1898) so the answer belongs to exactly that block. */
    async call(to: Hex, data: Hex, blockHash: Hex): Promise<Hex> {
      return rpc.request<Hex>('eth_call', [{ to, data }, { blockHash }])
    },
    /** Whether `address` has code at block `block` (a number: the search for a start block walks old blocks). */
    async hasCode(address: Hex, block: number): Promise<boolean> {
      const code = await rpc.request<string>('eth_getCode', [address, toHex(block)])
      return typeof code === 'string' && code !== '0x' && code.length > 2
    },
    async balance(address: Hex, blockHash: Hex): Promise<bigint> {
      return BigInt(await rpc.request<string>('eth_getBalance', [address, { blockHash }]))
    },
  }
}

export type Eth = ReturnType<typeof createEth>

type RawBlock = { number: string; hash: string; parentHash: string; timestamp: string }
type RawLog = {
  address: string
  topics: string[]
  data: string
  blockHash: string
  blockNumber: string
  blockTimestamp?: string
  transactionHash: string
  transactionIndex: string
  logIndex: string
  removed?: boolean
}

function toHeader(raw: RawBlock): BlockHeader {
  return {
    number: num(raw.number),
    hash: raw.hash.toLowerCase() as Hex,
    parentHash: raw.parentHash.toLowerCase() as Hex,
    timestamp: num(raw.timestamp),
  }
}

function toLog(raw: RawLog): RpcLog {
  return {
    address: raw.address.toLowerCase() as Hex,
    topics: raw.topics.map((t) => t.toLowerCase() as Hex),
    data: raw.data.toLowerCase() as Hex,
    blockHash: raw.blockHash.toLowerCase() as Hex,
    blockNumber: num(raw.blockNumber),
    blockTimestamp: raw.blockTimestamp ? num(raw.blockTimestamp) : undefined,
    transactionHash: raw.transactionHash.toLowerCase() as Hex,
    transactionIndex: num(raw.transactionIndex),
    logIndex: num(raw.logIndex),
  }
}
