import type { PortalContracts, WriteTarget } from '~/chain-writes/write-context'
import type { KnownTokens } from '~/utils/tokens'

/** What every task write form needs to know about the task and the chain. */
export type TaskWriteContext = WriteTarget & {
  taskId: number
  contracts: PortalContracts
  known: KnownTokens
  /** The task's ERC-20 budget tokens, in the contract's order. */
  budgetTokens: string[]
}
