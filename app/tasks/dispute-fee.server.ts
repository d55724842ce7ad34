import { createPublicClient, http, type Address } from 'viem'
import { taskDisputesAbi } from '#contracts-abi/TaskDisputes'
import { getEnv } from '~/env.server'

// The fee TaskDisputes charges to open a dispute with a dispute manager (getCost), so the executor
// sees it before signing. The page never waits for it: it shows the fee this process last read
// (at most a minute old) and otherwise leaves the read to the form in the browser, while a read
// starts here in the background for the next visit. The fee is the DAO's to change at any time:
// the form sends what was read, and the contract refuses an underpayment (Underpaying) should it
// rise in between.

export type DisputeFee = { wei: string }

const FRESH_MS = 60_000
const TIMEOUT_MS = 5_000

const fees = new Map<string, { fee: DisputeFee | null; readAt: number; reading: boolean }>()

/** The fee last read for this dispute manager, or null (the browser reads it); never waits on the chain. */
export function getKnownDisputeFee(taskDisputes: Address, disputeManager: Address, now = Date.now()): DisputeFee | null {
  const key = `${taskDisputes.toLowerCase()}:${disputeManager.toLowerCase()}`
  let entry = fees.get(key)
  if (!entry) fees.set(key, (entry = { fee: null, readAt: -Infinity, reading: false }))
  const fresh = now - entry.readAt < FRESH_MS
  if (!fresh && !entry.reading) {
    const reading = entry
    reading.reading = true
    readDisputeFee(taskDisputes, disputeManager)
      .then((fee) => Object.assign(reading, { fee, readAt: Date.now() }))
      .catch(() => Object.assign(reading, { fee: null }))
      .finally(() => (reading.reading = false))
  }
  return fresh ? entry.fee : null
}

async function readDisputeFee(taskDisputes: Address, disputeManager: Address): Promise<DisputeFee> {
  const env = getEnv()
  const client = createPublicClient({ transport: http(env.RPC_URL ?? `http://127.0.0.1:${env.ANVIL_PORT}`, { timeout: TIMEOUT_MS, retryCount: 1 }) })
  const wei = await client.readContract({ address: taskDisputes, abi: taskDisputesAbi, functionName: 'getCost', args: [disputeManager] })
  return { wei: wei.toString() }
}
