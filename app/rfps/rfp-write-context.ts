import type { PortalContracts, WriteTarget } from '~/chain-writes/write-context'
import type { KnownTokens } from '~/utils/tokens'

/** What every RFP write form needs to know about the RFP and the chain. */
export type RfpWriteContext = WriteTarget & {
  rfpId: number
  contracts: PortalContracts & { rfps: `0x${string}` }
  known: KnownTokens
  /** The RFP's ERC-20 budget tokens, in the contract's order. */
  budgetTokens: string[]
  /** The RFP's own escrow: top-ups are plain transfers to it. */
  escrow: `0x${string}`
}
