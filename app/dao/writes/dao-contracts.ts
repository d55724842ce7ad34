// What the browser needs to write to Openmesh's governance on one chain (the server builds it
// from the deployment, dao-contracts.server.ts): the OVC, the voting plugins, the trustless
// actions and managements, and every governing body with the account it acts through.

export type Hex20 = `0x${string}`

export type DaoBodyTarget = {
  slug: string
  name: string
  /** The DAO's TagVoting/TokenVoting plugin (null where not deployed). */
  plugin: Hex20 | null
  /** The `dao` of its trustless actions: the Openmesh DAO or the department's smart account. */
  account: Hex20
  /** The department's tag (bytes32); null for the Openmesh DAO. */
  tag: Hex20 | null
}

export type DaoContracts = {
  chainId: number
  verifiedContributor: Hex20 | null
  tagManager: Hex20 | null
  tasks: Hex20
  optimisticActions: Hex20 | null
  pessimisticActions: Hex20 | null
  addressTrustlessManagement: Hex20 | null
  erc721CountTrustlessManagement: Hex20 | null
  tagTrustlessManagement: Hex20 | null
  openToken: Hex20 | null
  bodies: DaoBodyTarget[]
}

/** What the new-proposal form offers to pick from (app/models/dao-form-choices.server.ts). */
export type FormChoices = {
  members: { address: string; tokenId: string | null }[]
  tokens: { address: string; symbol: string; decimals: number }[]
  disputes: { actionId: number; title: string; taskId: number | null }[]
  names: Record<string, string>
}
