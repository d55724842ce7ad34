import { encodeFunctionData, type Abi, type Hex } from 'viem'

// Raw JSON-RPC helpers for tests and the benchmark: many transactions sent in JSON-RPC batches
// from anvil's unlocked (or auto-impersonated) accounts, mined into as few blocks as possible.

export async function rpc<T = unknown>(url: string, method: string, params: unknown[] = []): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  })
  const body = (await res.json()) as { result?: T; error?: { message: string } }
  if (body.error) throw new Error(`${method}: ${body.error.message}`)
  return body.result as T
}

async function rpcBatch<T = unknown>(url: string, calls: { method: string; params: unknown[] }[]): Promise<T[]> {
  if (calls.length === 0) return []
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(calls.map((c, i) => ({ jsonrpc: '2.0', id: i, ...c }))),
  })
  const body = (await res.json()) as { id: number; result?: T; error?: { message: string } }[]
  const byId = new Map(body.map((r) => [r.id, r]))
  return calls.map((c, i) => {
    const r = byId.get(i)
    if (!r || r.error) throw new Error(`${c.method}: ${r?.error?.message ?? 'no answer'}`)
    return r.result as T
  })
}

export type Tx = { from: Hex; to: Hex; data: Hex; value?: bigint; gas: bigint }

export function call<A extends Abi>(abi: A, functionName: string, args: readonly unknown[] = []): Hex {
  return encodeFunctionData({ abi, functionName, args } as never)
}

/** Sends transactions with explicit nonces, gas and price so nothing is estimated against pending state. */
export function createSender(url: string) {
  const nonces = new Map<string, number>()
  async function nonceOf(address: string): Promise<number> {
    const key = address.toLowerCase()
    let n = nonces.get(key)
    if (n === undefined) {
      n = Number.parseInt(await rpc<string>(url, 'eth_getTransactionCount', [address, 'pending']), 16)
    }
    nonces.set(key, n + 1)
    return n
  }
  return {
    async send(txs: Tx[], batchSize = 250): Promise<Hex[]> {
      const hashes: Hex[] = []
      for (let i = 0; i < txs.length; i += batchSize) {
        const chunk = txs.slice(i, i + batchSize)
        const calls = []
        for (const tx of chunk) {
          calls.push({
            method: 'eth_sendTransaction',
            params: [
              {
                from: tx.from,
                to: tx.to,
                data: tx.data,
                value: `0x${(tx.value ?? 0n).toString(16)}`,
                gas: `0x${tx.gas.toString(16)}`,
                gasPrice: '0x77359400',
                nonce: `0x${(await nonceOf(tx.from)).toString(16)}`,
              },
            ],
          })
        }
        hashes.push(...(await rpcBatch<Hex>(url, calls)))
      }
      return hashes
    },
    forget: () => nonces.clear(),
  }
}

export type Sender = ReturnType<typeof createSender>

export async function mine(url: string, blocks = 1): Promise<void> {
  for (let i = 0; i < blocks; i++) await rpc(url, 'evm_mine')
}

/**
 * Checks all of `hashes` made it into the latest block without reverting. Every generated
 * transaction emits a log and a reverted one emits none, so the block's logs tell (receipts would
 * too, but anvil builds them slowly for big blocks).
 */
export async function assertMined(url: string, hashes: Hex[]): Promise<void> {
  const logs = await rpc<{ transactionHash: Hex }[]>(url, 'eth_getLogs', [{ fromBlock: 'latest', toBlock: 'latest' }])
  const logged = new Set(logs.map((l) => l.transactionHash.toLowerCase()))
  for (const hash of hashes) {
    if (!logged.has(hash.toLowerCase())) throw new Error(`transaction ${hash} reverted or was not mined in the latest block`)
  }
}

export async function blockNumber(url: string): Promise<number> {
  return Number.parseInt(await rpc<string>(url, 'eth_blockNumber'), 16)
}

/**
 * The receipt of a transaction sent with automine on. Anvil mines it on its own task, so right
 * after eth_sendTransaction the receipt may not exist yet (a loaded machine shows it): poll ~10 s.
 */
export async function receiptOf<R extends object>(url: string, hash: Hex): Promise<R> {
  for (let i = 0; i < 1000; i++) {
    const receipt = await rpc<R | null>(url, 'eth_getTransactionReceipt', [hash])
    if (receipt) return receipt
    await new Promise((r) => setTimeout(r, 10))
  }
  throw new Error(`transaction ${hash} was not mined (is automine off?)`)
}

/** One transaction with automine on: sent, mined, and checked not to have reverted. */
export async function transact(url: string, tx: Omit<Tx, 'gas'> & { gas?: bigint }): Promise<Hex> {
  const hash = await rpc<Hex>(url, 'eth_sendTransaction', [
    { from: tx.from, to: tx.to, data: tx.data, value: `0x${(tx.value ?? 0n).toString(16)}`, gas: `0x${(tx.gas ?? 3_000_000n).toString(16)}` },
  ])
  const receipt = await receiptOf<{ status: string }>(url, hash)
  if (receipt.status !== '0x1') throw new Error(`transaction ${hash} reverted`)
  return hash
}
