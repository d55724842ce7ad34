import { decodeFunctionData, type Abi, type Hex } from 'viem'
import type { DecodedAction } from '../../db/schema/chain'
import { lower, str } from './context'

// Proposal and optimistic actions are calls the DAO will make. When the target is one of the
// portal's contracts the calldata is decoded for display; anything else stays raw.

export function decodeActions(
  actions: unknown,
  contracts: Map<string, string>,
  abis: Record<string, Abi>,
): DecodedAction[] {
  return (actions as { to: string; value: bigint; data: Hex }[]).map((action) => {
    const to = lower(action.to)
    const decoded: DecodedAction = { to, value: str(action.value), data: action.data }
    const contract = contracts.get(to)
    const abi = contract ? abis[contract] : undefined
    if (contract && abi && action.data.length >= 10) {
      try {
        const call = decodeFunctionData({ abi, data: action.data })
        decoded.contract = contract
        decoded.functionName = call.functionName
        decoded.args = toJson(call.args ?? [])
      } catch {
        // Not a function of that contract: shown raw.
      }
    }
    return decoded
  })
}

/** bigint → decimal string, recursively, so the value survives JSON. */
export function toJson(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString()
  if (typeof value === 'string') return value.startsWith('0x') && value.length === 42 ? value.toLowerCase() : value
  if (Array.isArray(value)) return value.map(toJson)
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJson(v)]))
  return value
}
