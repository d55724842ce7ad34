import { createPublicClient, http, type Address } from 'viem'
import { taskDisputesAbi } from '#contracts-abi/TaskDisputes'
import { getEnv } from '~/env.server'

// The fee TaskDisputes charges to open a dispute with a dispute manager (getCost), read from the
// chain when the page offers the dispute form, so the executor sees it before signing. The fee is
// the DAO's to change at any time: the form sends what this read said, and the contract refuses
// an underpayment (Underpaying) should it rise in between.

export type DisputeFee = { wei: string } | { error: string }

export async function readDisputeFee(taskDisputes: Address, disputeManager: Address): Promise<DisputeFee> {
  const env = getEnv()
  const client = createPublicClient({ transport: http(env.RPC_URL ?? `http://127.0.0.1:${env.ANVIL_PORT}`, { timeout: 5_000, retryCount: 1 }) })
  try {
    const wei = await client.readContract({ address: taskDisputes, abi: taskDisputesAbi, functionName: 'getCost', args: [disputeManager] })
    return { wei: wei.toString() }
  } catch {
    return { error: 'The chain could not be asked for the dispute fee: try again in a moment.' }
  }
}
