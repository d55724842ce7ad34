import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'

// Projections of on-chain events, owned by the indexer (indexer/). Amounts are decimal strings
// (lossless bigint); block numbers and timestamps fit in SQLite's 64-bit integers.
// Every projection row is a pure function of the ordered raw logs (+ the pinned reads in
// raw_reads): `npm run indexer -- rebuild` recomputes them and must give identical rows.

export type NativeRewardEntry = { to: string; amount: string }
export type TokenRewardEntry = { nextToken: boolean; to: string; amount: string }
export type DecodedAction = {
  to: string
  value: string
  data: string
  /** Set when `to` is one of the portal's contracts and the calldata decodes against its ABI. */
  contract?: string
  functionName?: string
  args?: unknown
}

/** Every log of the portal's contracts, unique on (chain, block hash, log index): the source projections are rebuilt from. */
export const rawLogs = sqliteTable(
  'raw_logs',
  {
    chainId: integer().notNull(),
    blockHash: text().notNull(),
    logIndex: integer().notNull(),
    blockNumber: integer().notNull(),
    blockTimestamp: integer().notNull(),
    transactionHash: text().notNull(),
    transactionIndex: integer().notNull(),
    address: text().notNull(),
    topics: text().notNull(),
    data: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.blockHash, t.logIndex] }),
    index('raw_logs_order').on(t.chainId, t.blockNumber, t.transactionIndex, t.logIndex),
  ],
)

/**
 * Contract state read at a given block (pinned by hash) that an event asks for, e.g. the escrow
 * balances after `BudgetChanged`. Part of the raw layer: rolled back with its block, replayed by rebuild.
 */
export const rawReads = sqliteTable(
  'raw_reads',
  {
    chainId: integer().notNull(),
    blockHash: text().notNull(),
    blockNumber: integer().notNull(),
    kind: text().notNull(),
    key: text().notNull(),
    result: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.blockHash, t.kind, t.key] }),
    index('raw_reads_block').on(t.chainId, t.blockNumber),
  ],
)

/** How far the indexer got per chain, written in the same transaction as the data. */
export const syncCheckpoints = sqliteTable('sync_checkpoints', {
  chainId: integer().primaryKey(),
  /** The last fully indexed block: every log at or below it is in raw_logs and projected. */
  blockNumber: integer().notNull(),
  blockHash: text().notNull(),
  chainHead: integer().notNull(),
  updatedAt: integer().notNull(),
  /** Set when the indexer stopped on an error the operator must act on (e.g. a deep reorg). */
  haltedReason: text(),
  /** Blocks at or below chainHead - finalityDepth are treated as final. */
  finalityDepth: integer().notNull().default(0),
})

/**
 * Headers of the indexed blocks that may still be reorganised (above head - finality), plus the
 * checkpoint block. Invariant: for consecutive numbers n-1, n both present, row n's parentHash
 * is row n-1's blockHash.
 */
export const indexerBlocks = sqliteTable(
  'indexer_blocks',
  {
    chainId: integer().notNull(),
    blockNumber: integer().notNull(),
    blockHash: text().notNull(),
    parentHash: text().notNull(),
    timestamp: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.blockNumber] })],
)

/**
 * Before-images of projection rows changed by unfinalized blocks, replayed newest first to roll a
 * reorg back to the common ancestor. Pruned once the block is final.
 */
export const indexerUndo = sqliteTable(
  'indexer_undo',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    chainId: integer().notNull(),
    blockNumber: integer().notNull(),
    tableName: text().notNull(),
    /** JSON array of the primary key values. */
    rowKey: text().notNull(),
    /** JSON object of the row's column values before the change; null when the row did not exist. */
    before: text(),
  },
  (t) => [index('indexer_undo_block').on(t.chainId, t.blockNumber)],
)

// ─── Tasks (OpenR&D) ────────────────────────────────────────────────────────────────────────

export const tasks = sqliteTable(
  'tasks',
  {
    chainId: integer().notNull(),
    taskId: integer().notNull(),
    metadataUri: text().notNull(),
    /** From the metadata document once resolved (null while pending or unavailable). */
    title: text(),
    deadline: integer().notNull(),
    manager: text().notNull(),
    disputeManager: text().notNull(),
    creator: text().notNull(),
    state: text({ enum: ['open', 'taken', 'closed'] }).notNull(),
    escrow: text().notNull(),
    /** Native currency held by the escrow: from TaskCreated, then read from the escrow after BudgetChanged. */
    nativeBudget: text().notNull(),
    createdBlock: integer().notNull(),
    createdAt: integer().notNull(),
    executorApplicationId: integer(),
    /** How a closed task ended. */
    outcome: text({ enum: ['completed', 'disputed', 'cancelled'] }),
    closedAt: integer(),
    applicationCount: integer().notNull().default(0),
    submissionCount: integer().notNull().default(0),
    updatedBlock: integer().notNull(),
    updatedAt: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.taskId] }),
    index('tasks_state').on(t.chainId, t.state),
    index('tasks_metadata').on(t.metadataUri),
  ],
)

/** ERC-20 budget of a task in the contract's token order; amounts read from the escrow after BudgetChanged. */
export const taskBudgets = sqliteTable(
  'task_budgets',
  {
    chainId: integer().notNull(),
    taskId: integer().notNull(),
    position: integer().notNull(),
    token: text().notNull(),
    amount: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.taskId, t.position] })],
)

export const taskApplications = sqliteTable(
  'task_applications',
  {
    chainId: integer().notNull(),
    taskId: integer().notNull(),
    applicationId: integer().notNull(),
    applicant: text().notNull(),
    metadataUri: text().notNull(),
    accepted: integer({ mode: 'boolean' }).notNull(),
    /** Remaining rewards (partial payments are deducted). */
    nativeReward: text({ mode: 'json' }).$type<NativeRewardEntry[]>().notNull(),
    reward: text({ mode: 'json' }).$type<TokenRewardEntry[]>().notNull(),
    createdBlock: integer().notNull(),
    createdAt: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.taskId, t.applicationId] }),
    index('task_applications_applicant').on(t.chainId, t.applicant),
  ],
)

export const taskSubmissions = sqliteTable(
  'task_submissions',
  {
    chainId: integer().notNull(),
    taskId: integer().notNull(),
    submissionId: integer().notNull(),
    /** The executor's applicant address at the time of submission. */
    submitter: text(),
    metadataUri: text().notNull(),
    judgement: text({ enum: ['none', 'accepted', 'rejected'] }).notNull(),
    feedbackUri: text(),
    createdBlock: integer().notNull(),
    createdAt: integer().notNull(),
    reviewedAt: integer(),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.taskId, t.submissionId] })],
)

export const taskCancelRequests = sqliteTable(
  'task_cancel_requests',
  {
    chainId: integer().notNull(),
    taskId: integer().notNull(),
    requestId: integer().notNull(),
    metadataUri: text().notNull(),
    accepted: integer({ mode: 'boolean' }).notNull(),
    executed: integer({ mode: 'boolean' }).notNull(),
    executedBy: text(),
    createdBlock: integer().notNull(),
    createdAt: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.taskId, t.requestId] })],
)

/** Money leaving an escrow: partial payments and the rewards paid on completion, one row per recipient and token. */
export const taskPayouts = sqliteTable(
  'task_payouts',
  {
    chainId: integer().notNull(),
    blockNumber: integer().notNull(),
    logIndex: integer().notNull(),
    position: integer().notNull(),
    taskId: integer().notNull(),
    kind: text({ enum: ['partial', 'reward'] }).notNull(),
    recipient: text().notNull(),
    /** ERC-20 address, or null for the native currency. */
    token: text(),
    amount: text().notNull(),
    transactionHash: text().notNull(),
    paidAt: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.blockNumber, t.logIndex, t.position] }),
    index('task_payouts_task').on(t.chainId, t.taskId),
    index('task_payouts_recipient').on(t.chainId, t.recipient),
  ],
)

// ─── DAO: members (OVC), delegation, proposals, votes, optimistic actions ──────────────────

export const daoMembers = sqliteTable(
  'dao_members',
  {
    chainId: integer().notNull(),
    address: text().notNull(),
    /** OVC tokens held (soulbound, so 0 or 1 in practice). */
    balance: integer().notNull(),
    tokenId: text(),
    active: integer({ mode: 'boolean' }).notNull(),
    joinedBlock: integer().notNull(),
    joinedAt: integer().notNull(),
    revokedBlock: integer(),
    revokedAt: integer(),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.address] })],
)

export const daoDelegations = sqliteTable(
  'dao_delegations',
  {
    chainId: integer().notNull(),
    delegator: text().notNull(),
    delegate: text().notNull(),
    updatedBlock: integer().notNull(),
    updatedAt: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.delegator] }), index('dao_delegations_delegate').on(t.chainId, t.delegate)],
)

export const daoVotingPower = sqliteTable(
  'dao_voting_power',
  {
    chainId: integer().notNull(),
    address: text().notNull(),
    votes: text().notNull(),
    updatedBlock: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.address] })],
)

export const daoVotingSettings = sqliteTable('dao_voting_settings', {
  chainId: integer().primaryKey(),
  plugin: text().notNull(),
  votingMode: integer().notNull(),
  /** Parts per million, like Aragon. */
  supportThreshold: integer().notNull(),
  minParticipation: integer().notNull(),
  minDuration: integer().notNull(),
  minProposerVotingPower: text().notNull(),
  updatedBlock: integer().notNull(),
})

export const daoProposals = sqliteTable(
  'dao_proposals',
  {
    chainId: integer().notNull(),
    proposalId: text().notNull(),
    /** proposalId as an integer for sorting (Aragon ids are counters). */
    proposalNumber: integer().notNull(),
    plugin: text().notNull(),
    creator: text().notNull(),
    metadataUri: text().notNull(),
    title: text(),
    startDate: integer().notNull(),
    endDate: integer().notNull(),
    actions: text({ mode: 'json' }).$type<DecodedAction[]>().notNull(),
    allowFailureMap: text().notNull(),
    /** From getProposal at the creation block (null when the read failed). */
    snapshotBlock: integer(),
    supportThreshold: integer(),
    minVotingPower: text(),
    totalVotingPower: text(),
    yes: text().notNull(),
    no: text().notNull(),
    abstain: text().notNull(),
    voterCount: integer().notNull(),
    /** 'executed' once ProposalExecuted; otherwise 'active' and the app derives passed/defeated from the dates and tallies. */
    state: text({ enum: ['active', 'executed'] }).notNull(),
    executedBlock: integer(),
    executedAt: integer(),
    createdBlock: integer().notNull(),
    createdAt: integer().notNull(),
    transactionHash: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.proposalId] }), index('dao_proposals_number').on(t.chainId, t.proposalNumber)],
)

export const daoVotes = sqliteTable(
  'dao_votes',
  {
    chainId: integer().notNull(),
    proposalId: text().notNull(),
    voter: text().notNull(),
    /** Aragon vote option: 0 none, 1 abstain, 2 yes, 3 no. */
    option: integer().notNull(),
    optionName: text({ enum: ['none', 'abstain', 'yes', 'no'] }).notNull(),
    votingPower: text().notNull(),
    reason: text(),
    votedBlock: integer().notNull(),
    votedAt: integer().notNull(),
    transactionHash: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.proposalId, t.voter] }), index('dao_votes_voter').on(t.chainId, t.voter)],
)

export const daoOptimisticActions = sqliteTable(
  'dao_optimistic_actions',
  {
    chainId: integer().notNull(),
    actionId: integer().notNull(),
    dao: text().notNull(),
    manager: text().notNull(),
    role: text().notNull(),
    actions: text({ mode: 'json' }).$type<DecodedAction[]>().notNull(),
    failureMap: text().notNull(),
    metadataUri: text().notNull(),
    /** Unix seconds from which it can be executed unless rejected. */
    executableFrom: integer(),
    state: text({ enum: ['pending', 'rejected', 'executed'] }).notNull(),
    rejectionCount: integer().notNull(),
    executor: text(),
    executedBlock: integer(),
    executedAt: integer(),
    createdBlock: integer().notNull(),
    createdAt: integer().notNull(),
    transactionHash: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.actionId] })],
)

export const daoOptimisticRejections = sqliteTable(
  'dao_optimistic_rejections',
  {
    chainId: integer().notNull(),
    actionId: integer().notNull(),
    blockNumber: integer().notNull(),
    logIndex: integer().notNull(),
    metadataUri: text().notNull(),
    rejectedAt: integer().notNull(),
    transactionHash: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.blockNumber, t.logIndex] }), index('dao_optimistic_rejections_action').on(t.chainId, t.actionId)],
)

// ─── Per-address activity feed ──────────────────────────────────────────────────────────────

export const activityKinds = [
  'task.created',
  'task.manager',
  'task.applied',
  'task.accepted',
  'task.taken',
  'task.submitted',
  'task.reviewed',
  'task.paid',
  'task.cancelled',
  'task.completed',
  'dao.joined',
  'dao.revoked',
  'dao.delegated',
  'dao.proposed',
  'dao.voted',
  'dao.action',
] as const
export type ActivityKind = (typeof activityKinds)[number]

/** One row per (event, involved address), ordered by (blockNumber, logIndex). */
export const activity = sqliteTable(
  'chain_activity',
  {
    chainId: integer().notNull(),
    address: text().notNull(),
    blockNumber: integer().notNull(),
    logIndex: integer().notNull(),
    kind: text({ enum: activityKinds }).notNull(),
    /** The task id, proposal id or action id the activity is about. */
    subject: text(),
    detail: text({ mode: 'json' }).$type<Record<string, unknown>>(),
    timestamp: integer().notNull(),
    transactionHash: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.address, t.blockNumber, t.logIndex] }),
    index('chain_activity_recent').on(t.chainId, t.blockNumber),
  ],
)

// ─── Metadata documents (cache, not a projection: survives rebuilds and reorgs) ─────────────

export const metadataStatuses = ['pending', 'ok', 'unavailable', 'invalid'] as const

export const metadataDocuments = sqliteTable(
  'metadata_documents',
  {
    uri: text().primaryKey(),
    kind: text({ enum: ['task', 'application', 'submission', 'review', 'cancel', 'proposal', 'action', 'rejection'] }).notNull(),
    /** pending: not fetched yet · ok · unavailable: fetch failed, retried later · invalid: fetched but rejected (CID mismatch, too big, bad JSON) */
    status: text({ enum: metadataStatuses }).notNull(),
    title: text(),
    /** The validated document (untrusted text: escape before rendering). */
    content: text({ mode: 'json' }).$type<Record<string, unknown>>(),
    error: text(),
    attempts: integer().notNull().default(0),
    nextAttemptAt: integer().notNull().default(0),
    fetchedAt: integer(),
  },
  (t) => [index('metadata_documents_due').on(t.status, t.nextAttemptAt)],
)
