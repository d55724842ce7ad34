import type { VoteSpec } from './governance'

// The three departments' history (Dispute, CoreMember, Expert): who holds each tag, their TagVoting
// proposals (one vote per tag holder), the CoreMember department's optimistic actions and task
// drafts. People are devnetAccounts indexes: 0 Ada, 1 Bruno, 2 Chen, 3 Dalia, 4 Emeka, 5 Freya,
// 6 Gabriel, 7 Hana, 8 Ivan, 9 Jamila.

export type DepartmentKey = 'dispute' | 'coreMember' | 'expert'

/** The tag holders at genesis (tagged on their founding OVC by their department's smart account). */
export const genesisMembers: Record<DepartmentKey, number[]> = {
  dispute: [1, 2, 3],
  coreMember: [0, 4],
  expert: [1, 3],
}

/** A task a department's smart account creates and pays for (an action of a vote or an optimistic action). */
export type DepartmentTaskSpec = {
  title: string
  tags: string[]
  /** Markdown; written as rich text. */
  description: string
  projectSize: number
  eth: string
  deadlineDays: number
  /** Created with this person preapproved for the whole budget. */
  preapproved?: number
}

export type DepartmentAction =
  /** PessimisticActions.executeAction of the dispute opened on the task with this title. */
  | { kind: 'resolveDispute'; task: string }
  /** PessimisticActions.executeAction of the draft with this title. */
  | { kind: 'approveDraft'; draft: string }
  /** The ovc-frontend's membership template: TagManager.addTag on the member's OVC, and a salary task (ETH, 60 days). */
  | { kind: 'addMember'; member: number; tokenId: bigint; salaryEth: string }
  | { kind: 'createTask'; task: DepartmentTaskSpec }
  /** TaskDisputes.updateCost: what a dispute costs (the Dispute department only). */
  | { kind: 'setDisputeCost'; eth: string }
  | { kind: 'transferOpen'; to: number; open: string }

export type DepartmentProposalSpec = {
  department: DepartmentKey
  title: string
  /** Markdown; written as rich text. */
  summary: string
  /** Holds the tag and votes Yes when proposing. */
  proposer: number
  /** The other tag holders' votes, in order. */
  votes: VoteSpec[]
  /**
   * executed: the last Yes executes it early (made in the past); passed: ended with support, not
   * executed; defeated: ended without support; active: still open (made in the present).
   */
  outcome: 'executed' | 'passed' | 'defeated' | 'active'
  actions: DepartmentAction[]
  activeDays?: number
}

/** Chen joins CoreMember through the membership template before the other CoreMember votes. */
export const membershipProposal: DepartmentProposalSpec = {
  department: 'coreMember',
  title: 'Add Chen Wei to the CoreMember department',
  summary: 'Chen runs the realtime API and has been on call for a year. This adds the COREMEMBER tag to his OVC and creates his salary task: **1 ETH** for the next 60 days.',
  proposer: 0,
  votes: [{ voter: 4, option: 'yes' }],
  outcome: 'executed',
  actions: [{ kind: 'addMember', member: 2, tokenId: 3n, salaryEth: '1' }],
}

const auditTask: DepartmentTaskSpec = {
  title: 'External review of the RFP escrow',
  tags: ['security', 'audit', 'rfps'],
  description: 'The RFP escrow holds every RFP’s budget until a project is accepted. We want an **outside reviewer** to read it.\n\n- Scope: `RFPs.sol`, `RFPEscrow.sol`\n- A written report with a severity for each finding',
  projectSize: 60,
  eth: '1.5',
  deadlineDays: 30,
  preapproved: 9,
}

export const departmentProposals: DepartmentProposalSpec[] = [
  // ---- Dispute (Bruno, Chen, Dalia)
  {
    department: 'dispute',
    title: 'Settle the dispute on the accessibility pass',
    summary: 'Eleven of fourteen forms are fixed and the checklist is delivered. Settle at **60%** of the reward, as the executor asks.',
    proposer: 1,
    votes: [{ voter: 2, option: 'yes' }],
    outcome: 'executed',
    actions: [{ kind: 'resolveDispute', task: 'Accessibility pass on the portal’s forms' }],
  },
  {
    department: 'dispute',
    title: 'Settle the docs search dispute with the full reward',
    summary: 'The executor delivered what the task asked for; the change of engine came afterwards.',
    proposer: 2,
    votes: [
      { voter: 1, option: 'no' },
      { voter: 3, option: 'no' },
    ],
    outcome: 'defeated',
    actions: [{ kind: 'resolveDispute', task: 'Migrate the docs site search to Pagefind' }],
  },
  {
    department: 'dispute',
    title: 'Halve the dispute fee',
    summary: 'At 0.01 ETH, small tasks are not worth disputing. Make it **0.005 ETH**.',
    proposer: 3,
    votes: [],
    outcome: 'passed',
    actions: [{ kind: 'setDisputeCost', eth: '0.005' }],
  },
  {
    department: 'dispute',
    title: 'Settle the rate-limit dispute at half the reward',
    summary: 'Per-IP limits are merged; per-key limits are blocked on API keys. Half of each reward seems fair.',
    proposer: 2,
    votes: [],
    outcome: 'active',
    actions: [{ kind: 'resolveDispute', task: 'Rate-limit the public indexer API' }],
    activeDays: 3,
  },
  // ---- CoreMember (Ada, Emeka, and Chen once added)
  {
    department: 'coreMember',
    title: 'Approve the draft: on-call runbook for the indexer',
    summary: 'Emeka drafted the task last week; it is paid from the department’s budget.',
    proposer: 0,
    votes: [{ voter: 4, option: 'yes' }],
    outcome: 'executed',
    actions: [{ kind: 'approveDraft', draft: 'Draft: on-call runbook for the indexer' }],
  },
  {
    department: 'coreMember',
    title: 'Raise the monthly salary budget to 10 ETH',
    summary: 'Salaries have not changed in a year.',
    proposer: 4,
    votes: [
      { voter: 0, option: 'no' },
      { voter: 2, option: 'no' },
    ],
    outcome: 'defeated',
    actions: [{ kind: 'transferOpen', to: 4, open: '10000' }],
  },
  {
    department: 'coreMember',
    title: 'Pay Chen 500 OPEN for the weekend incident',
    summary: 'Chen spent the weekend restoring the realtime API after the provider outage.',
    proposer: 0,
    votes: [],
    outcome: 'passed',
    actions: [{ kind: 'transferOpen', to: 2, open: '500' }],
  },
  {
    department: 'coreMember',
    title: 'Approve the draft: quarterly dependency upgrades',
    summary: 'Recurring maintenance: every dependency of the portal and the indexer up to date, once a quarter.',
    proposer: 2,
    votes: [],
    outcome: 'active',
    actions: [{ kind: 'approveDraft', draft: 'Draft: quarterly dependency upgrades' }],
    activeDays: 4,
  },
  // ---- Expert (Bruno, Dalia)
  {
    department: 'expert',
    title: 'Commission an external review of the RFP escrow',
    summary: 'Jamila has reviewed escrow contracts before; this creates the task with her preapproved for **1.5 ETH**.',
    proposer: 1,
    votes: [{ voter: 3, option: 'yes' }],
    outcome: 'executed',
    actions: [{ kind: 'createTask', task: auditTask }],
  },
  {
    department: 'expert',
    title: 'Require two expert reviews for every large task',
    summary: 'Large tasks would need two reviews from the Expert department before they are accepted.',
    proposer: 3,
    votes: [{ voter: 1, option: 'no' }],
    outcome: 'defeated',
    actions: [],
  },
  {
    department: 'expert',
    title: 'Pay Dalia 300 OPEN for the design review',
    summary: 'Dalia reviewed the mobile task-card designs for the department.',
    proposer: 1,
    votes: [],
    outcome: 'passed',
    actions: [{ kind: 'transferOpen', to: 3, open: '300' }],
  },
  {
    department: 'expert',
    title: 'Commission a performance review of the indexer',
    summary: 'An expert look at the indexer’s backfill before the next chain is added.',
    proposer: 3,
    votes: [],
    outcome: 'active',
    actions: [
      {
        kind: 'createTask',
        task: {
          title: 'Performance review of the indexer backfill',
          tags: ['performance', 'indexer'],
          description: 'Profile a full backfill of Polygon and write down **where the time goes**.',
          projectSize: 40,
          eth: '1',
          deadlineDays: 21,
        },
      },
    ],
    activeDays: 5,
  },
]

/** Optimistic actions of the CoreMember department (its tag holders create and reject them through TagTrustlessManagement). */
export type DepartmentOptimisticSpec = {
  department: DepartmentKey
  title: string
  /** Markdown; written as rich text. */
  summary: string
  creator: number
  task: DepartmentTaskSpec
  outcome: 'executed' | 'rejected' | 'ready' | 'pending'
  rejectedBy?: number
  rejectReason?: string
}

export const departmentOptimisticSpecs: DepartmentOptimisticSpec[] = [
  {
    department: 'coreMember',
    title: 'Bounty: alerting for the realtime API',
    summary: 'A small bounty paid from the department budget.',
    creator: 0,
    task: {
      title: 'Alerting for the realtime API',
      tags: ['devops', 'monitoring'],
      description: 'Alerts for error rate and latency on the realtime API, routed to the on-call rotation.',
      projectSize: 15,
      eth: '0.5',
      deadlineDays: 14,
    },
    outcome: 'executed',
  },
  {
    department: 'coreMember',
    title: 'Bounty: rewrite the website in a new framework',
    summary: 'The website works; a rewrite would cost more than it brings.',
    creator: 4,
    task: {
      title: 'Rewrite the website',
      tags: ['frontend'],
      description: 'Rewrite the marketing website.',
      projectSize: 200,
      eth: '2',
      deadlineDays: 60,
    },
    outcome: 'rejected',
    rejectedBy: 2,
    rejectReason: 'Not a good use of the department budget: the website works, and nobody asked for a rewrite.',
  },
  {
    department: 'coreMember',
    title: 'Bounty: backup restore drill',
    summary: 'Restore last week’s database backup on a fresh machine and time it.',
    creator: 2,
    task: {
      title: 'Backup restore drill',
      tags: ['devops', 'reliability'],
      description: 'Restore the latest backup on a fresh machine, time every step and write the runbook.',
      projectSize: 10,
      eth: '0.3',
      deadlineDays: 10,
    },
    outcome: 'ready',
  },
  {
    department: 'coreMember',
    title: 'Bounty: status page for the portal',
    summary: 'A public status page that shows the indexer’s lag and the API’s health.',
    creator: 0,
    task: {
      title: 'Status page for the portal',
      tags: ['frontend', 'reliability'],
      description: 'A status page fed by `/health`, with the history of the last 90 days.',
      projectSize: 25,
      eth: '0.4',
      deadlineDays: 21,
    },
    outcome: 'pending',
  },
]

/** Task drafts on the CoreMember department: TaskDrafts queues Tasks.createTask, the department approves it by vote. */
export type DraftSpec = {
  department: DepartmentKey
  /** The draft action's metadata title (an action document). */
  title: string
  summary: string
  /** Who drafts it (anyone may). */
  drafter: number
  task: DepartmentTaskSpec
}

export const draftSpecs: DraftSpec[] = [
  {
    department: 'coreMember',
    title: 'Draft: on-call runbook for the indexer',
    summary: 'A runbook so that anyone on call can handle the indexer’s alerts.',
    drafter: 4,
    task: {
      title: 'On-call runbook for the indexer',
      tags: ['docs', 'ops', 'indexer'],
      description: 'What to do for each indexer alert: **halted**, lagging, reorg too deep, RPC failing.',
      projectSize: 12,
      eth: '0.4',
      deadlineDays: 20,
      preapproved: 7,
    },
  },
  {
    department: 'coreMember',
    title: 'Draft: quarterly dependency upgrades',
    summary: 'Recurring maintenance, drafted for the department to approve.',
    drafter: 2,
    task: {
      title: 'Quarterly dependency upgrades',
      tags: ['maintenance'],
      description: 'Every dependency of the portal and the indexer up to date, with the changelogs read.',
      projectSize: 16,
      eth: '0.6',
      deadlineDays: 30,
    },
  },
]
