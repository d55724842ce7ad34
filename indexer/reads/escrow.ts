import { decodeFunctionResult, encodeFunctionData, erc20Abi, type Hex } from 'viem'
import { tasksAbi } from '../../contracts-abi'

// After BudgetChanged the indexer reads what the task's escrow holds (native balance and each
// budget token's balance), pinned to the event's block hash: the event carries no amounts on purpose.

export type EscrowBalances = { native: string; tokens: { token: string; amount: string }[] }
export type TaskEscrowInfo = { escrow: Hex; tokens: Hex[]; blockNumber: number }

/** Escrow and budget tokens of a task: fixed at creation, so cached; invalidated on reorg. */
export function createTaskInfoCache() {
  const map = new Map<string, TaskEscrowInfo>()
  return {
    get: (taskId: string) => map.get(taskId),
    set: (taskId: string, info: TaskEscrowInfo) => map.set(taskId, info),
    /** Forgets what blocks above `blockNumber` taught (they are being rolled back). */
    forgetAbove(blockNumber: number) {
      for (const [key, info] of map) if (info.blockNumber > blockNumber) map.delete(key)
    },
  }
}
export type TaskInfoCache = ReturnType<typeof createTaskInfoCache>

export function getTaskCall(tasks: Hex, taskId: bigint, blockHash: Hex) {
  return { method: 'eth_call', params: [{ to: tasks, data: encodeFunctionData({ abi: tasksAbi, functionName: 'getTask', args: [taskId] }) }, { blockHash }] }
}

export function decodeTaskInfo(result: Hex, blockNumber: number): TaskEscrowInfo {
  const task = decodeFunctionResult({ abi: tasksAbi, functionName: 'getTask', data: result })
  return { escrow: task.escrow.toLowerCase() as Hex, tokens: task.budget.map((b) => b.tokenContract.toLowerCase() as Hex), blockNumber }
}

/** The JSON-RPC calls that read an escrow's balances: native first, then each token in budget order. */
export function balanceCalls(info: TaskEscrowInfo, blockHash: Hex) {
  return [
    { method: 'eth_getBalance', params: [info.escrow, { blockHash }] },
    ...info.tokens.map((token) => ({
      method: 'eth_call',
      params: [{ to: token, data: encodeFunctionData({ abi: erc20Abi, functionName: 'balanceOf', args: [info.escrow] }) }, { blockHash }],
    })),
  ]
}

export function decodeBalances(info: TaskEscrowInfo, results: Hex[]): EscrowBalances {
  const [native, ...balances] = results
  return {
    native: BigInt(native!).toString(),
    tokens: info.tokens.map((token, i) => ({
      token,
      amount: decodeFunctionResult({ abi: erc20Abi, functionName: 'balanceOf', data: balances[i]! }).toString(),
    })),
  }
}
