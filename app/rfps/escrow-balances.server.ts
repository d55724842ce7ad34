import { erc20Abi, type Address } from 'viem'
import { getRpcClient } from '~/models/rpc-client.server'

// What an RFP's escrow holds now. Top-ups are plain transfers that leave no event, and accepted
// projects move funds into their tasks' escrows, so the page asks the chain rather than the
// projection; a chain that does not answer in time gives null (the page then says so).

export type EscrowBalances = { native: bigint; tokens: { token: string; amount: bigint }[] }

export async function readEscrowBalances(escrow: Address, tokens: string[]): Promise<EscrowBalances | null> {
  const client = getRpcClient()
  try {
    const [native, ...amounts] = await Promise.all([
      client.getBalance({ address: escrow }),
      ...tokens.map((token) => client.readContract({ address: token as Address, abi: erc20Abi, functionName: 'balanceOf', args: [escrow] })),
    ])
    return { native: native as bigint, tokens: tokens.map((token, index) => ({ token, amount: amounts[index] as bigint })) }
  } catch {
    return null
  }
}
