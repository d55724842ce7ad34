import { decodeFunctionResult, encodeFunctionData, erc20Abi, parseAbi, type Hex } from 'viem'
import { tasksAbi } from '#contracts-abi/index'
import { balanceReaderCode } from './balance-reader-code'

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

// Many balances in one eth_call: BalanceReader's code placed at an unused address with a state
// override (supported by geth, erigon, reth, anvil and the big providers).
const readerAbi = parseAbi(['function balances(address[] holders, address[] tokens) view returns (uint256[])'])
const READER_ADDRESS = '0x00000000000000000000000000000000000b0a1a' as const
const NATIVE = '0x0000000000000000000000000000000000000000'
const FAILED = 2n ** 256n - 1n

/** One eth_call reading every escrow's balances at `blockHash`. */
export function batchedBalancesCall(infos: TaskEscrowInfo[], blockHash: Hex) {
  const holders: Hex[] = []
  const tokens: Hex[] = []
  for (const info of infos) {
    holders.push(info.escrow)
    tokens.push(NATIVE)
    for (const token of info.tokens) {
      holders.push(info.escrow)
      tokens.push(token)
    }
  }
  return {
    method: 'eth_call',
    params: [
      { to: READER_ADDRESS, data: encodeFunctionData({ abi: readerAbi, functionName: 'balances', args: [holders, tokens] }) },
      { blockHash },
      { [READER_ADDRESS]: { code: balanceReaderCode } },
    ],
  }
}

/** Splits the batched answer back per escrow; a failed token read makes that escrow's result an error. */
export function decodeBatchedBalances(infos: TaskEscrowInfo[], result: Hex): (EscrowBalances | { error: string })[] {
  const values = decodeFunctionResult({ abi: readerAbi, functionName: 'balances', data: result })
  let i = 0
  return infos.map((info) => {
    const native = values[i++]!
    const amounts = info.tokens.map(() => values[i++]!)
    if (amounts.some((a) => a === FAILED)) return { error: 'balanceOf failed' }
    return { native: native.toString(), tokens: info.tokens.map((token, j) => ({ token, amount: amounts[j]!.toString() })) }
  })
}
