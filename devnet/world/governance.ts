// The devnet DAO's history: proposals voted by the five founding OVC holders (Ada, Bruno, Chen,
// Dalia, Emeka) and optimistic actions adding contributors. People are devnetAccounts indexes.

export type VoteSpec = { voter: number; option: 'yes' | 'no' | 'abstain'; reason?: string }

export type ProposalAction =
  | { kind: 'transferEth'; to: number; eth: string }
  | { kind: 'transferOpen'; to: number; open: string }
  | { kind: 'updateOvcMetadata' }
  | { kind: 'burnOvc'; tokenId: bigint }

export type ProposalSpec = {
  title: string
  summary: string
  description: string
  resources: { name: string; url: string }[]
  creator: number
  actions: ProposalAction[]
  votes: VoteSpec[]
  /**
   * past-*: created before the devnet's clock moves past the voting period.
   * executed-early: the last yes vote executes it. executed: executed after the end.
   * passed: ended with support, waiting for anyone to execute. failed: ended without support or
   * participation. active: still open (ends days from now).
   */
  outcome: 'executed-early' | 'executed' | 'passed' | 'failed' | 'active'
  /** Active proposals run longer than the minimum so the demo keeps them open. */
  activeDays?: number
}

export const proposalSpecs: ProposalSpec[] = [
  {
    title: 'Fund the docs sprint',
    summary: 'Send 2 ETH and 5,000 OPEN to Bruno, who coordinates the docs sprint, to fund its bounties.',
    description:
      '## Why\nOur docs lag behind the product. A two-week sprint with small bounties worked well last year.\n\n## What\n- 2 ETH for bounties paid in ETH\n- 5,000 OPEN for bounties paid in OPEN\n\nUnspent funds return to the treasury after the sprint.',
    resources: [{ name: 'Sprint plan', url: 'https://forum.openmesh.network/t/docs-sprint' }],
    creator: 0,
    actions: [
      { kind: 'transferEth', to: 1, eth: '2' },
      { kind: 'transferOpen', to: 1, open: '5000' },
    ],
    votes: [
      { voter: 0, option: 'yes' },
      { voter: 2, option: 'yes', reason: 'Docs are our biggest onboarding gap. Happy to review.' },
      { voter: 3, option: 'yes', reason: 'Yes — and let us reuse the bounty template from last year.' },
    ],
    outcome: 'executed-early',
  },
  {
    title: 'Refresh the OVC badge artwork',
    summary: 'Point every Verified Contributor token at the new badge metadata designed by Dalia.',
    description:
      'The current badge is a placeholder from launch. The new artwork follows the brand guide and includes alt text.\n\nThe action calls `updateMetadata` on the OVC contract.',
    resources: [{ name: 'Badge designs', url: 'https://www.figma.com/community/openmesh' }],
    creator: 3,
    actions: [{ kind: 'updateOvcMetadata' }],
    votes: [
      { voter: 3, option: 'yes' },
      { voter: 4, option: 'yes', reason: 'Looks great.' },
      { voter: 1, option: 'no', reason: 'I like it, but we should not spend a vote on artwork while the grants are pending.' },
      { voter: 2, option: 'abstain', reason: 'No strong opinion on design.' },
    ],
    outcome: 'executed',
  },
  {
    title: 'Grant 2,500 OPEN to the indexer working group',
    summary: 'A grant to Hana for the indexer working group’s next milestone: reorg handling and a public status page.',
    description:
      '## Milestone\n- Reorg handling with tests\n- Public status page showing head and lag\n\n## Payment\n2,500 OPEN on approval; the working group reports back at the next community call.',
    resources: [{ name: 'Working group notes', url: 'https://forum.openmesh.network/t/indexer-wg' }],
    creator: 2,
    actions: [{ kind: 'transferOpen', to: 7, open: '2500' }],
    votes: [
      { voter: 2, option: 'yes' },
      { voter: 0, option: 'yes', reason: 'The indexer is on the critical path for the portal.' },
      { voter: 4, option: 'no', reason: 'I would rather pay on delivery than up front.' },
    ],
    outcome: 'passed',
  },
  {
    title: 'Pay every task budget in USDC only',
    summary: 'Stop accepting ETH and OPEN budgets; require USDC for every new task.',
    description:
      'Stable budgets are easier to compare and to account for. This would change the default token in the portal and the guidance for managers.',
    resources: [],
    creator: 4,
    actions: [],
    votes: [
      { voter: 4, option: 'yes' },
      { voter: 0, option: 'no', reason: 'OPEN budgets are how contributors become stakeholders. Keep both.' },
      { voter: 1, option: 'no', reason: 'Not every chain we support has a canonical USDC.' },
      { voter: 3, option: 'abstain' },
    ],
    outcome: 'failed',
  },
  {
    title: 'Sponsor a booth at the next hackathon',
    summary: 'Spend 3 ETH from the treasury on a booth and swag at the next hackathon.',
    description: 'A booth brought in four new contributors last time. This proposal got no votes before its period ended.',
    resources: [{ name: 'Hackathon site', url: 'https://ethglobal.com' }],
    creator: 4,
    actions: [{ kind: 'transferEth', to: 4, eth: '3' }],
    votes: [],
    outcome: 'failed',
  },
  {
    title: 'Quarterly contributor grants',
    summary: 'Send 1 ETH each to Freya and Gabriel for their work on the collectors this quarter.',
    description:
      'Both shipped several tasks this quarter beyond their bounties (reviews, on-call help). These grants recognise that work.\n\n| who | for |\n| --- | --- |\n| Freya | collectors, reconnect logic |\n| Gabriel | Kraken normalizer, SDK fixes |',
    resources: [],
    creator: 0,
    actions: [
      { kind: 'transferEth', to: 5, eth: '1' },
      { kind: 'transferEth', to: 6, eth: '1' },
    ],
    votes: [
      { voter: 0, option: 'yes' },
      { voter: 5, option: 'abstain', reason: 'Abstaining: I am one of the recipients.' },
      { voter: 2, option: 'no', reason: 'Deserved, but grants should go through the grants committee we agreed on.' },
    ],
    outcome: 'active',
    activeDays: 3,
  },
  {
    title: 'Revoke the OVC of a compromised key',
    summary: 'Emeka reports that the key holding OVC #5 leaked. Burn that token; he will be re-added with a new key.',
    description:
      'Revocation needs a vote (optimistic actions can only add contributors). Once executed, Emeka can propose his new address through an optimistic action.',
    resources: [{ name: 'Incident report', url: 'https://forum.openmesh.network/t/key-incident' }],
    creator: 1,
    actions: [{ kind: 'burnOvc', tokenId: 5n }],
    votes: [],
    outcome: 'active',
    activeDays: 2,
  },
]

export type OptimisticSpec = {
  title: string
  description: string
  creator: number
  /** Who gets the OVC, and its token id. */
  member: number
  tokenId: bigint
  /** executed: after the delay; rejected: by `rejectedBy` with a reason; ready: past the delay, not executed; pending: within the delay. */
  outcome: 'executed' | 'rejected' | 'ready' | 'pending'
  rejectedBy?: number
  rejectReason?: string
}

export const optimisticSpecs: OptimisticSpec[] = [
  {
    title: 'Add Freya Lindqvist as a verified contributor',
    description: 'Freya completed the WebSocket reconnect task and reviews collector PRs every week.',
    creator: 1,
    member: 5,
    tokenId: 6n,
    outcome: 'executed',
  },
  {
    title: 'Add Ivan Petrov as a verified contributor',
    description: 'Ivan is working on the Grafana dashboard and the CI migration.',
    creator: 3,
    member: 8,
    tokenId: 7n,
    outcome: 'rejected',
    rejectedBy: 4,
    rejectReason: 'Ivan has not had a submission accepted yet. Let us revisit after his first completed task.',
  },
  {
    title: 'Add Hana Sato as a verified contributor',
    description: 'Hana wrote the governance FAQ and leads the indexer working group.',
    creator: 0,
    member: 7,
    tokenId: 8n,
    outcome: 'ready',
  },
  {
    title: 'Add Gabriel Ortiz as a verified contributor',
    description: 'Gabriel finished the Spanish translation and the EIP-6963 wallet picker.',
    creator: 5,
    member: 6,
    tokenId: 9n,
    outcome: 'pending',
  },
]

/** The OVC's metadata document (set at genesis, replaced by the "refresh artwork" proposal). */
export const ovcMetadata = {
  genesis: { name: 'Openmesh Verified Contributor', description: 'Member of the Openmesh DAO.', image: 'ipfs://bafkreibadgegenesis' },
  refreshed: {
    name: 'Openmesh Verified Contributor',
    description: 'Member of the Openmesh DAO. Soulbound: it cannot be transferred.',
    image: 'ipfs://bafkreibadgerefreshed',
  },
}
