import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { documentKinds } from '#documents/kinds'

// Projections of on-chain events, owned by the indexer (indexer/). Amounts are decimal strings
// (lossless bigint); block numbers and timestamps fit in SQLite's 64-bit integers.
// Every projection row is a pure function of the ordered raw logs (+ the pinned reads in
// raw_reads): `npm run indexer -- rebuild` recomputes them and must give identical rows.
//
// Beside these tables, migration 0003_task_search creates the task board's search objects
// (task_search_fts, task_search_tags, task_search_rows) and the triggers on `tasks` and
// `metadata_documents` that keep them in sync. FTS5 cannot be described here: a migration that
// recreates either table (drizzle-kit does so for some column changes) must recreate the triggers
// too — db/migrations.test.ts fails when the search rows stop following the tables.

export type { DecodedAction, DecodedArg, JsonValue, NativeRewardEntry, TokenRewardEntry } from './json-values'
import type { DecodedAction, JsonValue, NativeRewardEntry, TokenRewardEntry } from './json-values'

/** Every log of the portal's contracts, unique on (chain, block hash, log index): the source projections are rebuilt from. */
export const rawLogs = sqliteTable(
  'raw_logs',
  {
    chainId: integer('chain_id').notNull(),
    blockHash: text('block_hash').notNull(),
    logIndex: integer('log_index').notNull(),
    blockNumber: integer('block_number').notNull(),
    blockTimestamp: integer('block_timestamp').notNull(),
    transactionHash: text('transaction_hash').notNull(),
    transactionIndex: integer('transaction_index').notNull(),
    address: text('address').notNull(),
    topics: text('topics').notNull(),
    data: text('data').notNull(),
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
    chainId: integer('chain_id').notNull(),
    blockHash: text('block_hash').notNull(),
    blockNumber: integer('block_number').notNull(),
    kind: text('kind').notNull(),
    key: text('key').notNull(),
    result: text('result').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.blockHash, t.kind, t.key] }),
    index('raw_reads_block').on(t.chainId, t.blockNumber),
  ],
)

/** How far the indexer got per chain, written in the same transaction as the data. */
export const syncCheckpoints = sqliteTable('sync_checkpoints', {
  chainId: integer('chain_id').primaryKey(),
  /** The last fully indexed block: every log at or below it is in raw_logs and projected. */
  blockNumber: integer('block_number').notNull(),
  blockHash: text('block_hash').notNull(),
  chainHead: integer('chain_head').notNull(),
  updatedAt: integer('updated_at').notNull(),
  /** Set when the indexer stopped on an error the operator must act on (e.g. a deep reorg). */
  haltedReason: text('halted_reason'),
  /** Blocks at or below chainHead - finalityDepth are treated as final. */
  finalityDepth: integer('finality_depth').notNull().default(0),
  /**
   * The projection code the rows were written by (indexer/projections/version.ts). An older one
   * (0: before it was recorded) makes the indexer rebuild the projections from raw_logs on start.
   */
  projectionVersion: integer('projection_version').notNull().default(0),
})

/**
 * The first block with each contract's code, found by the indexer (binary search on eth_getCode)
 * for a contract whose deployment gives no start block, so it is searched once per chain. Not a
 * projection: kept by `--from-scratch` (it is a fact of the chain), dropped with the chain's rows.
 */
export const contractStartBlocks = sqliteTable(
  'contract_start_blocks',
  {
    chainId: integer('chain_id').notNull(),
    address: text('address').notNull(),
    blockNumber: integer('block_number').notNull(),
    foundAt: integer('found_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.address] })],
)

/**
 * Headers of the indexed blocks that may still be reorganised (above head - finality), plus the
 * checkpoint block. Invariant: for consecutive numbers n-1, n both present, row n's parentHash
 * is row n-1's blockHash.
 */
export const indexerBlocks = sqliteTable(
  'indexer_blocks',
  {
    chainId: integer('chain_id').notNull(),
    blockNumber: integer('block_number').notNull(),
    blockHash: text('block_hash').notNull(),
    parentHash: text('parent_hash').notNull(),
    timestamp: integer('timestamp').notNull(),
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
    id: integer('id').primaryKey({ autoIncrement: true }),
    chainId: integer('chain_id').notNull(),
    blockNumber: integer('block_number').notNull(),
    tableName: text('table_name').notNull(),
    /** JSON array of the primary key values. */
    rowKey: text('row_key').notNull(),
    /** JSON object of the row's column values before the change; null when the row did not exist. */
    before: text('before'),
  },
  (t) => [index('indexer_undo_block').on(t.chainId, t.blockNumber)],
)

// ─── Tasks (OpenR&D) ────────────────────────────────────────────────────────────────────────

export const tasks = sqliteTable(
  'tasks',
  {
    chainId: integer('chain_id').notNull(),
    taskId: integer('task_id').notNull(),
    metadataUri: text('metadata_uri').notNull(),
    /** From the metadata document once resolved (null while pending or unavailable). */
    title: text('title'),
    deadline: integer('deadline').notNull(),
    manager: text('manager').notNull(),
    disputeManager: text('dispute_manager').notNull(),
    creator: text('creator').notNull(),
    state: text('state', { enum: ['open', 'taken', 'closed'] }).notNull(),
    escrow: text('escrow').notNull(),
    /** Native currency held by the escrow: from TaskCreated, then read from the escrow after BudgetChanged. */
    nativeBudget: text('native_budget').notNull(),
    /**
     * Why the escrow could not be read after the last BudgetChanged (e.g. a pruned node's "missing
     * trie node"): the budget shown predates that change. Null while the budget is known.
     */
    budgetReadError: text('budget_read_error'),
    createdBlock: integer('created_block').notNull(),
    createdAt: integer('created_at').notNull(),
    executorApplicationId: integer('executor_application_id'),
    /** How a closed task ended. */
    outcome: text('outcome', { enum: ['completed', 'disputed', 'cancelled'] }),
    closedAt: integer('closed_at'),
    updatedBlock: integer('updated_block').notNull(),
    updatedAt: integer('updated_at').notNull(),
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
    chainId: integer('chain_id').notNull(),
    taskId: integer('task_id').notNull(),
    position: integer('position').notNull(),
    token: text('token').notNull(),
    amount: text('amount').notNull(),
  },
  // The board's token filter finds the tasks budgeted in a token through the second index.
  (t) => [primaryKey({ columns: [t.chainId, t.taskId, t.position] }), index('task_budgets_token').on(t.chainId, t.token, t.taskId, t.position)],
)

/**
 * ERC-20 tokens budgets are paid in, as the token answered (symbol, name, decimals read pinned to
 * the block of the first event naming it, indexer/reads/token-metadata.ts). `problem` says why a
 * token cannot be shown by its own symbol (no code, a revert, nonsense, absurd decimals): the app
 * then shows it by address, in base units.
 */
export const tokens = sqliteTable(
  'tokens',
  {
    chainId: integer('chain_id').notNull(),
    /** Lowercase. */
    address: text('address').notNull(),
    symbol: text('symbol'),
    name: text('name'),
    decimals: integer('decimals'),
    problem: text('problem'),
    readBlock: integer('read_block').notNull(),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.address] })],
)

export const taskApplications = sqliteTable(
  'task_applications',
  {
    chainId: integer('chain_id').notNull(),
    taskId: integer('task_id').notNull(),
    applicationId: integer('application_id').notNull(),
    applicant: text('applicant').notNull(),
    metadataUri: text('metadata_uri').notNull(),
    accepted: integer('accepted', { mode: 'boolean' }).notNull(),
    /** Remaining rewards (partial payments are deducted). */
    nativeReward: text('native_reward', { mode: 'json' }).$type<NativeRewardEntry[]>().notNull(),
    reward: text('reward', { mode: 'json' }).$type<TokenRewardEntry[]>().notNull(),
    createdBlock: integer('created_block').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.taskId, t.applicationId] }),
    index('task_applications_applicant').on(t.chainId, t.applicant),
  ],
)

export const taskSubmissions = sqliteTable(
  'task_submissions',
  {
    chainId: integer('chain_id').notNull(),
    taskId: integer('task_id').notNull(),
    submissionId: integer('submission_id').notNull(),
    /** The executor's applicant address at the time of submission. */
    submitter: text('submitter'),
    metadataUri: text('metadata_uri').notNull(),
    judgement: text('judgement', { enum: ['none', 'accepted', 'rejected'] }).notNull(),
    feedbackUri: text('feedback_uri'),
    createdBlock: integer('created_block').notNull(),
    createdAt: integer('created_at').notNull(),
    reviewedAt: integer('reviewed_at'),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.taskId, t.submissionId] })],
)

export const taskCancelRequests = sqliteTable(
  'task_cancel_requests',
  {
    chainId: integer('chain_id').notNull(),
    taskId: integer('task_id').notNull(),
    requestId: integer('request_id').notNull(),
    metadataUri: text('metadata_uri').notNull(),
    accepted: integer('accepted', { mode: 'boolean' }).notNull(),
    executed: integer('executed', { mode: 'boolean' }).notNull(),
    executedBy: text('executed_by'),
    createdBlock: integer('created_block').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.taskId, t.requestId] })],
)

/** Money leaving an escrow: partial payments and the rewards paid on completion, one row per recipient and token. */
export const taskPayouts = sqliteTable(
  'task_payouts',
  {
    chainId: integer('chain_id').notNull(),
    blockNumber: integer('block_number').notNull(),
    logIndex: integer('log_index').notNull(),
    position: integer('position').notNull(),
    taskId: integer('task_id').notNull(),
    kind: text('kind', { enum: ['partial', 'reward'] }).notNull(),
    recipient: text('recipient').notNull(),
    /** ERC-20 address, or null for the native currency. */
    token: text('token'),
    amount: text('amount').notNull(),
    transactionHash: text('transaction_hash').notNull(),
    paidAt: integer('paid_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.blockNumber, t.logIndex, t.position] }),
    index('task_payouts_task').on(t.chainId, t.taskId),
    index('task_payouts_recipient').on(t.chainId, t.recipient),
  ],
)

/** Every event of the Tasks contract, per task, in chain order: the task page's timeline. */
export const taskEvents = sqliteTable(
  'task_events',
  {
    chainId: integer('chain_id').notNull(),
    taskId: integer('task_id').notNull(),
    blockNumber: integer('block_number').notNull(),
    logIndex: integer('log_index').notNull(),
    /** The event's name in the Tasks ABI (TaskCreated, ApplicationCreated…). */
    name: text('name').notNull(),
    /** Its decoded arguments by name (untrusted: metadata URIs and addresses as the chain has them). */
    args: text('args', { mode: 'json' }).$type<Record<string, JsonValue>>().notNull(),
    timestamp: integer('timestamp').notNull(),
    transactionHash: text('transaction_hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.taskId, t.blockNumber, t.logIndex] })],
)

// ─── Governance, RFPs, disputes and drafts: their own files, part of the chain schema ───────

export * from './governance'
export * from './openrd-extensions'

// ─── Per-address activity feed ──────────────────────────────────────────────────────────────

const activityKinds = [
  'task.created',
  'task.manager',
  'task.applied',
  'task.accepted',
  'task.taken',
  'task.submitted',
  'task.reviewed',
  'task.paid',
  'task.cancel-requested',
  'task.cancelled',
  'task.completed',
  'dao.joined',
  'dao.revoked',
  'dao.delegated',
  'dao.proposed',
  'dao.voted',
  'dao.action',
  'dao.rejected',
  'department.tagged',
  'department.untagged',
  'rfp.created',
  'rfp.project',
  'rfp.accepted',
  'task.disputed',
] as const
export type ActivityKind = (typeof activityKinds)[number]

/** One row per (event, involved address); an address's feed is its primary-key range, newest last. */
export const activity = sqliteTable(
  'chain_activity',
  {
    chainId: integer('chain_id').notNull(),
    address: text('address').notNull(),
    blockNumber: integer('block_number').notNull(),
    logIndex: integer('log_index').notNull(),
    kind: text('kind', { enum: activityKinds }).notNull(),
    /** The task, proposal, action, RFP or project the activity is about (see app/models for each kind's form). */
    subject: text('subject'),
    detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>(),
    timestamp: integer('timestamp').notNull(),
    transactionHash: text('transaction_hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.address, t.blockNumber, t.logIndex] })],
)

// ─── Metadata documents (a cache, not a projection: survives rebuilds and reorgs) ───────────

const metadataStatuses = ['pending', 'ok', 'unavailable', 'invalid'] as const

export const metadataDocuments = sqliteTable(
  'metadata_documents',
  {
    /** Per chain only so that dropping a chain's rows (db/reset-chain.ts) drops its cache too. */
    chainId: integer('chain_id').notNull(),
    uri: text('uri').notNull(),
    /** Which document shape (documents/) the URI was met as. */
    kind: text('kind', { enum: documentKinds }).notNull(),
    /** pending: not fetched yet · ok · unavailable: fetch failed, retried later · invalid: fetched but rejected (CID mismatch, too big, bad JSON) */
    status: text('status', { enum: metadataStatuses }).notNull(),
    title: text('title'),
    /** The validated document (untrusted text: escape before rendering). */
    content: text('content', { mode: 'json' }).$type<Record<string, unknown>>(),
    error: text('error'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull().default(0),
    fetchedAt: integer('fetched_at'),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.uri] }), index('metadata_documents_due').on(t.status, t.nextAttemptAt)],
)
