import { erc20Abi, type Address } from 'viem'
import { getRpcClient } from '~/models/rpc-client.server'

// What an escrow (an RFP's or a task's) holds now, or at a past block. Top-ups and donations are
// plain transfers that leave no event, so the pages ask the chain rather than the projection; a
// chain that does not answer in time (or no longer keeps that block's state) gives null, and
// the page says so rather than guess.

export type EscrowBalances = { native: bigint; tokens: { token: string; amount: bigint }[] }

export async function readEscrowBalances(escrow: Address, tokens: string[], blockNumber?: bigint): Promise<EscrowBalances | null> {
  const client = getRpcClient()
  const at = blockNumber === undefined ? {} : { blockNumber }
  try {
    const [native, ...amounts] = await Promise.all([
      client.getBalance({ address: escrow, ...at }),
      ...tokens.map((token) => client.readContract({ address: token as Address, abi: erc20Abi, functionName: 'balanceOf', args: [escrow], ...at })),
    ])
    return { native: native as bigint, tokens: tokens.map((token, index) => ({ token, amount: amounts[index] as bigint })) }
  } catch {
    return null
  }
}
