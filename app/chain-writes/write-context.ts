// What a write from the browser needs to know, whatever feature it belongs to.

/** Where a write goes and what the page shows: for the "indexed → visible" steps of its progress. */
export type WriteTarget = {
  chainId: number
  /** The block the page's data reflects (loader), for the "visible" step of a write. */
  pageBlock: number | null
}

/** The portal's contracts the pages write to on one chain. */
export type PortalContracts = {
  chainId: number
  tasks: `0x${string}`
  /** The portal's OPEN token, when deployed on this chain. */
  openToken: `0x${string}` | null
  /** The DAO: the default dispute manager, and the executor of dispute proposals. */
  dao: `0x${string}` | null
  /** Where a DAO proposal is created. */
  tokenVoting: `0x${string}` | null
  /** OpenR&D's extensions (null where not deployed): disputes, drafts and RFPs, and the trustless
   * actions and management contracts their calls name. */
  taskDisputes: `0x${string}` | null
  taskDrafts: `0x${string}` | null
  rfps: `0x${string}` | null
  pessimisticActions: `0x${string}` | null
  addressTrustlessManagement: `0x${string}` | null
  /** The Dispute department's smart account: the dispute manager the real frontends offer. */
  disputeAccount: `0x${string}` | null
}
