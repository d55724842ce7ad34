import type Database from 'better-sqlite3'
import type { ConfiguredContract } from '../config'
import { StateUnavailableError } from '../errors'
import type { Logger } from '../logger'
import type { Eth } from '../rpc/eth'

// Start blocks the deployment does not give (Openmesh's deployment records none): the first block
// where the contract has code, found by binary search on eth_getCode (about log2(head) calls per
// contract), printed and stored in contract_start_blocks, so each is searched once per chain.
// Indexing from there instead of block 0 skips millions of empty blocks on Polygon or Ethereum.
// Old blocks' code needs an archive node: a pruned RPC's "missing trie node" is asked of
// RPC_FALLBACK_URL by the RPC client; with neither able to answer, the error says what to set.

export class StartBlockError extends Error {}

export async function findStartBlocks({
  sqlite,
  eth,
  chainId,
  contracts,
  logger,
}: {
  sqlite: Database.Database
  eth: Eth
  chainId: number
  contracts: ConfiguredContract[]
  logger: Logger
}): Promise<Map<string, number>> {
  const found = new Map<string, number>()
  const unknown = contracts.filter((c) => c.startBlock === null)
  if (unknown.length === 0) return found
  const stored = sqlite.prepare('SELECT block_number FROM contract_start_blocks WHERE chain_id = ? AND address = ?').pluck()
  const store = sqlite.prepare(
    'INSERT INTO contract_start_blocks (chain_id, address, block_number, found_at) VALUES (?, ?, ?, ?) ON CONFLICT (chain_id, address) DO UPDATE SET block_number = excluded.block_number, found_at = excluded.found_at',
  )
  let head: number | undefined
  for (const contract of unknown) {
    const known = stored.get(chainId, contract.address) as number | undefined
    if (known !== undefined) {
      found.set(contract.address, known)
      continue
    }
    head ??= await eth.blockNumber()
    const started = Date.now()
    const block = await firstBlockWithCode(eth, contract, head)
    store.run(chainId, contract.address, block, Date.now())
    found.set(contract.address, block)
    logger.info('found the start block of a contract: the first block with its code', {
      kind: contract.kind,
      address: contract.address,
      startBlock: block,
      ms: Date.now() - started,
    })
  }
  return found
}

/** The lowest block in [0, head] at which `contract` has code; its code must be there at `head`. */
export async function firstBlockWithCode(eth: Eth, contract: Pick<ConfiguredContract, 'kind' | 'address'>, head: number): Promise<number> {
  const hasCode = async (block: number) => {
    try {
      return await eth.hasCode(contract.address, block)
    } catch (error) {
      if (error instanceof StateUnavailableError) {
        throw new StartBlockError(
          `cannot find the start block of ${contract.kind} ${contract.address}: the RPC has no state of block ${block} (${error.message}). ` +
            'Set RPC_FALLBACK_URL to an archive node, or give its startBlock in the deployment file.',
          { cause: error },
        )
      }
      throw error
    }
  }
  if (!(await hasCode(head))) {
    throw new StartBlockError(`${contract.kind} ${contract.address} has no code at the head (block ${head}): is it deployed on this chain?`)
  }
  let low = 0
  let high = head
  while (low < high) {
    const middle = Math.floor((low + high) / 2)
    if (await hasCode(middle)) high = middle
    else low = middle + 1
  }
  return low
}
