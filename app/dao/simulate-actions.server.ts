import { BaseError, decodeErrorResult, RawContractError, type Abi, type Hex } from 'viem'
import * as abis from '#contracts-abi/index'
import { describeErrorName } from '~/chain-writes/write-errors'
import { getRpcClient } from '~/models/rpc-client.server'

// "Would it work if executed now?" answered before anyone signs: each of a proposal's or an
// optimistic action's calls is run as an eth_call from the DAO's own address (the account that
// makes them when it executes), and a revert is told in words. Calls are simulated one by one on
// the current state, so a call that depends on an earlier one of the same batch may be misjudged;
// the page says so. The execute transaction itself is simulated again by the wallet flow.

export type { Simulation } from './simulation'
import type { Simulation } from './simulation'

const allErrors: Abi = (Object.values(abis as Record<string, unknown>).filter((value) => Array.isArray(value)) as Abi[]).flatMap((abi) =>
  abi.filter((item) => item.type === 'error'),
)

function revertData(error: unknown): Hex | undefined {
  if (!(error instanceof BaseError)) return undefined
  const raw = error.walk((e) => e instanceof RawContractError) as RawContractError | null
  const data = raw?.data
  return typeof data === 'string' ? data : undefined
}

function revertInWords(error: unknown): string {
  const data = revertData(error)
  if (data && data !== '0x') {
    try {
      const decoded = decodeErrorResult({ abi: allErrors, data })
      if (decoded.errorName === 'Error' && typeof decoded.args?.[0] === 'string') return `it reverts: ${decoded.args[0]}`
      return describeErrorName(decoded.errorName) ?? `it reverts with ${decoded.errorName}`
    } catch {
      return `it reverts with unknown data ${data.slice(0, 10)}`
    }
  }
  return error instanceof BaseError ? `it reverts (${error.shortMessage})` : 'it reverts'
}

export async function simulateFromDao(dao: string, actions: { to: string; value: string; data: string }[]): Promise<Simulation> {
  const client = getRpcClient()
  for (const [index, action] of actions.entries()) {
    try {
      await client.call({ account: dao as Hex, to: action.to as Hex, data: action.data as Hex, value: BigInt(action.value || '0') })
    } catch (error) {
      if (error instanceof BaseError && error.walk((e) => e instanceof RawContractError) === null && /timeout|fetch|ECONN/i.test(error.message)) {
        return { ok: null, reason: 'The chain could not be asked right now.' }
      }
      return { ok: false, index, reason: revertInWords(error) }
    }
  }
  return { ok: true }
}
