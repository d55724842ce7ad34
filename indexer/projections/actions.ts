import { decodeAbiParameters, decodeFunctionData, type Abi, type AbiFunction, type Hex } from 'viem'
import { tasksAbi } from '#contracts-abi/index'
import type { DecodedAction, DecodedArg, JsonValue } from '#db/schema/chain'
import { actionAbis, type ActionTargetKind } from '../decode/abis'
import { lower, str } from './context'

// Proposal and optimistic actions are calls the DAO will make. When the target is one of the
// portal's contracts, the calldata is decoded here — the only place it is — into the function and
// its arguments (named and typed as in the ABI), stored on the row for the pages to describe.
// Anything else stays raw calldata.

export function decodeActions(actions: readonly { to: string; value: bigint; data: Hex }[], targets: Map<string, string>): DecodedAction[] {
  return actions.map((action) => decodeAction(action, targets, true))
}

/** `nested`: a smart account's performCall gets its inner call decoded too (one level: a department's proposal). */
function decodeAction(action: { to: string; value: bigint; data: Hex }, targets: Map<string, string>, nested: boolean): DecodedAction {
  const to = lower(action.to)
  const decoded: DecodedAction = { to, value: str(action.value), data: action.data }
  const contract = targets.get(to) as ActionTargetKind | undefined
  const abi: Abi | undefined = contract ? actionAbis[contract] : undefined
  if (contract && abi && action.data.length >= 10) {
    try {
      const call = decodeFunctionData({ abi, data: action.data })
      const values = (call.args ?? []) as readonly unknown[]
      const inputs = functionInputs(abi, call.functionName, values.length)
      decoded.contract = contract
      decoded.functionName = call.functionName
      decoded.args = values.map((value, i): DecodedArg => ({ name: inputs[i]?.name || `arg${i}`, type: inputs[i]?.type ?? 'unknown', value: toJson(value) }))
      if (nested && contract === 'smartAccount' && call.functionName === 'performCall') {
        const [innerTo, innerValue, innerData] = values as [string, bigint, Hex]
        decoded.inner = decodeAction({ to: innerTo, value: innerValue, data: innerData }, targets, false)
      }
    } catch {
      // Not a function of that contract: shown raw.
    }
  }
  return decoded
}

/**
 * A Tasks call queued by TaskDisputes (completeByDispute) or TaskDrafts (createTask), decoded with
 * its arguments by name; undefined when the calldata is not that function's.
 */
export function decodeTasksCall(data: Hex, functionName: 'completeByDispute' | 'createTask'): Record<string, unknown> | undefined {
  try {
    const call = decodeFunctionData({ abi: tasksAbi, data })
    if (call.functionName !== functionName) return undefined
    const values = (call.args ?? []) as readonly unknown[]
    const inputs = functionInputs(tasksAbi, functionName, values.length)
    return Object.fromEntries(values.map((value, i) => [(inputs[i]?.name ?? '').replace(/^_/, '') || `arg${i}`, value]))
  } catch {
    return undefined
  }
}

/** The task id Tasks.createTask returned (an executed action's return value), or null if it is not one. */
export function decodeTaskIdResult(returned: Hex | undefined): number | null {
  if (!returned || returned.length !== 66) return null
  const [taskId] = decodeAbiParameters([{ type: 'uint256' }], returned)
  return taskId > BigInt(Number.MAX_SAFE_INTEGER) ? null : Number(taskId)
}

function functionInputs(abi: Abi, name: string, count: number): AbiFunction['inputs'] {
  const item = abi.find((entry): entry is AbiFunction => entry.type === 'function' && entry.name === name && entry.inputs.length === count)
  return item?.inputs ?? []
}

/** A decoded ABI value as JSON: bigints as decimal strings, addresses lowercase, structures recursively. */
export function toJson(value: unknown): JsonValue {
  if (typeof value === 'bigint') return value.toString()
  if (typeof value === 'string') return value.startsWith('0x') && value.length === 42 ? value.toLowerCase() : value
  if (typeof value === 'number' || typeof value === 'boolean') return value
  if (Array.isArray(value)) return value.map(toJson)
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJson(v)]))
  return null
}
