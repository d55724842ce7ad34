import { keccak256, toBytes } from 'viem'

// The Openmesh DAO's history: TokenVoting proposals voted by the five founding OVC holders (Ada,
// Bruno, Chen, Dalia, Emeka) and optimistic actions adding contributors, made through
// ERC721CountTrustlessManagement as any OVC holder may. People are devnetAccounts indexes.

export type VoteSpec = { voter: number; option: 'yes' | 'no' | 'abstain' }

export type ProposalAction =
  | { kind: 'transferEth'; to: number; eth: string }
  | { kind: 'transferOpen'; to: number; open: string }
  | { kind: 'fundDepartment'; department: 'coreMember' | 'expert'; eth: string }
  | { kind: 'burnOvc'; tokenId: bigint }

export type ProposalSpec = {
  title: string
  /** The proposal's text (markdown; written as rich text, as the ovc-frontend's editor does). */
  summary: string
  creator: number
  actions: ProposalAction[]
  votes: VoteSpec[]
  /**
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
    summary: 'Send 2 ETH and 5,000 OPEN to Bruno, who coordinates the docs sprint, to fund its bounties.\n\n## Why\nOur docs lag behind the product. A two-week sprint with small bounties worked well last year.\n\n## What\n- 2 ETH for bounties paid in ETH\n- 5,000 OPEN for bounties paid in OPEN\n\nUnspent funds return to the treasury after the sprint.',
    creator: 0,
    actions: [
      { kind: 'transferEth', to: 1, eth: '2' },
      { kind: 'transferOpen', to: 1, open: '5000' },
    ],
    votes: [
      { voter: 0, option: 'yes' },
      { voter: 2, option: 'yes' },
      { voter: 3, option: 'yes' },
    ],
    outcome: 'executed-early',
  },
  {
    title: 'Fund the CoreMember department for the quarter',
    summary: 'Send 3 ETH from the treasury to the CoreMember department’s smart account, which pays its members’ salary tasks.\n\nThe department reports its spending at the end of the quarter; what is left stays for the next one.',
    creator: 3,
    actions: [{ kind: 'fundDepartment', department: 'coreMember', eth: '3' }],
    votes: [
      { voter: 3, option: 'yes' },
      { voter: 4, option: 'yes' },
      { voter: 1, option: 'no' },
      { voter: 2, option: 'abstain' },
    ],
    outcome: 'executed',
  },
  {
    title: 'Grant 2,500 OPEN to the indexer working group',
    summary: 'A grant to Hana for the indexer working group’s next milestone: reorg handling and a public status page.\n\n## Milestone\n- Reorg handling with tests\n- Public status page showing head and lag\n\n## Payment\n2,500 OPEN on approval; the working group reports back at the next community call.',
    creator: 2,
    actions: [{ kind: 'transferOpen', to: 7, open: '2500' }],
    votes: [
      { voter: 2, option: 'yes' },
      { voter: 0, option: 'yes' },
      { voter: 4, option: 'no' },
    ],
    outcome: 'passed',
  },
  {
    title: 'Pay every task budget in USDC only',
    summary: 'Stop accepting ETH and OPEN budgets; require USDC for every new task.\n\nStable budgets are easier to compare and to account for. This would change the default token in the portal and the guidance for managers.',
    creator: 4,
    actions: [],
    votes: [
      { voter: 4, option: 'yes' },
      { voter: 0, option: 'no' },
      { voter: 1, option: 'no' },
      { voter: 3, option: 'abstain' },
    ],
    outcome: 'failed',
  },
  {
    title: 'Sponsor a booth at the next hackathon',
    summary: 'Spend 3 ETH from the treasury on a booth and swag at the next hackathon.\n\nA booth brought in four new contributors last time. This proposal got no votes before its period ended.',
    creator: 4,
    actions: [{ kind: 'transferEth', to: 4, eth: '3' }],
    votes: [],
    outcome: 'failed',
  },
  {
    title: 'Quarterly contributor grants',
    summary: 'Send 1 ETH each to Freya and Gabriel for their work on the collectors this quarter.\n\nBoth shipped several tasks this quarter beyond their bounties (reviews, on-call help). These grants recognise that work.\n\n| who | for |\n| --- | --- |\n| Freya | collectors, reconnect logic |\n| Gabriel | Kraken normalizer, SDK fixes |',
    creator: 0,
    actions: [
      { kind: 'transferEth', to: 5, eth: '1' },
      { kind: 'transferEth', to: 6, eth: '1' },
    ],
    votes: [
      { voter: 0, option: 'yes' },
      { voter: 1, option: 'yes' },
      { voter: 2, option: 'no' },
    ],
    outcome: 'active',
    activeDays: 3,
  },
  {
    title: 'Revoke the OVC of a compromised key',
    summary: 'Emeka reports that the key holding OVC #5 leaked. Burn that token; he will be re-added with a new key.\n\nRevocation needs a vote (optimistic actions can only add contributors). Once executed, Emeka can propose his new address through an optimistic action.',
    creator: 1,
    actions: [{ kind: 'burnOvc', tokenId: 5n }],
    votes: [],
    outcome: 'active',
    activeDays: 2,
  },
]

/** A random-looking 256-bit token id, as the ovc-frontend's mint template makes (deterministic here). */
const tokenIdOf = (name: string) => BigInt(keccak256(toBytes(`OVC of ${name}`)))

export type OptimisticSpec = {
  title: string
  /** Markdown; written as rich text. */
  summary: string
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
    summary: 'Freya completed the WebSocket reconnect task and reviews collector PRs **every week**.',
    creator: 1,
    member: 5,
    tokenId: tokenIdOf('Freya Lindqvist'),
    outcome: 'executed',
  },
  {
    title: 'Add Ivan Petrov as a verified contributor',
    summary: 'Ivan is working on the Grafana dashboard and the CI migration.',
    creator: 3,
    member: 8,
    tokenId: tokenIdOf('Ivan Petrov'),
    outcome: 'rejected',
    rejectedBy: 4,
    rejectReason: 'Ivan has not had a submission accepted yet. Let us revisit after his **first completed task**.',
  },
  {
    title: 'Add Hana Sato as a verified contributor',
    summary: 'Hana wrote the governance FAQ and leads the indexer working group.',
    creator: 0,
    member: 7,
    tokenId: tokenIdOf('Hana Sato'),
    outcome: 'ready',
  },
  {
    title: 'Add Gabriel Ortiz as a verified contributor',
    summary: 'Gabriel finished the Spanish translation and the EIP-6963 wallet picker.',
    creator: 5,
    member: 6,
    tokenId: tokenIdOf('Gabriel Ortiz'),
    outcome: 'pending',
  },
]

/** The founding members (devnetAccounts 0–4) and their OVC token ids, minted by the Openmesh admin. */
export const founders = [0, 1, 2, 3, 4].map((member) => ({ member, tokenId: BigInt(member + 1) }))

/**
 * Delegations of voting power (OVC is ERC721Votes: power needs a delegation). Founders delegate to
 * themselves as the ovc-frontend asks; Freya, once added, delegates to Bruno.
 */
export const delegations: { from: number; to: number; after: 'genesis' | 'added' }[] = [
  ...founders.map(({ member }) => ({ from: member, to: member, after: 'genesis' as const })),
  { from: 5, to: 1, after: 'added' },
]
