import type { KnownTokens } from './tokens'

export type TaskContracts = {
  chainId: number
  tasks: `0x${string}`
  /** The portal's OPEN token, when deployed on this chain. */
  openToken: `0x${string}` | null
  /** The DAO: the default dispute manager, and the executor of dispute proposals. */
  dao: `0x${string}` | null
  /** Where a dispute proposal is created. */
  tokenVoting: `0x${string}` | null
}

/** What every task write form needs to know about the task and the chain. */
export type TaskWriteContext = {
  chainId: number
  taskId: number
  contracts: TaskContracts
  /** The block the page's data reflects (loader), for the "visible" step of a write. */
  pageBlock: number | null
  known: KnownTokens
  /** The task's ERC-20 budget tokens, in the contract's order. */
  budgetTokens: string[]
}
