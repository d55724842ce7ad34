import { bigint, boolean, index, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core'
import { documentKinds } from '#documents/kinds'
import type { ActivityKind, JsonValue, metadataDocuments as sqliteMetadataDocuments, NativeRewardEntry, TokenRewardEntry } from '../schema/chain'

type MetadataStatus = (typeof sqliteMetadataDocuments.$inferSelect)['status']

// The PostgreSQL mirror of db/schema/chain.ts (the SQLite schema, which stays the reference:
// the comments on each table and column are there). Same tables, columns and keys; the types are
// mapped as docs/decisions/024 says: 64-bit integers are bigint (read as JS numbers, as SQLite's),
// amounts stay decimal text, flags are boolean, JSON is jsonb. db/schema-pg/parity.test.ts fails
// when this file and the SQLite schema disagree.
//
// The task board's search (SQLite: FTS5 in migration 0003) is tsvector + GIN here: the table
// task_search and the triggers on `tasks` and `metadata_documents` that keep it in step, made by a
// hand-written migration in db/migrations-pg/ (db/pg/task-search.ts queries it).

/** Every log of the portal's contracts, unique on (chain, block hash, log index): the source projections are rebuilt from. */
export const rawLogs = pgTable(
  'raw_logs',
  {
    chainId: bigint('chain_id', { mode: 'number' }).notNull(),
    blockHash: text('block_hash').notNull(),
    logIndex: bigint('log_index', { mode: 'number' }).notNull(),
    blockNumber: bigint('block_number', { mode: 'number' }).notNull(),
    blockTimestamp: bigint('block_timestamp', { mode: 'number' }).notNull(),
    transactionHash: text('transaction_hash').notNull(),
    transactionIndex: bigint('transaction_index', { mode: 'number' }).notNull(),
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
export const rawReads = pgTable(
  'raw_reads',
  {
    chainId: bigint('chain_id', { mode: 'number' }).notNull(),
    blockHash: text('block_hash').notNull(),
    blockNumber: bigint('block_number', { mode: 'number' }).notNull(),
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
export const syncCheckpoints = pgTable('sync_checkpoints', {
  chainId: bigint('chain_id', { mode: 'number' }).primaryKey(),
  /** The last fully indexed block: every log at or below it is in raw_logs and projected. */
  blockNumber: bigint('block_number', { mode: 'number' }).notNull(),
  blockHash: text('block_hash').notNull(),
  chainHead: bigint('chain_head', { mode: 'number' }).notNull(),
  updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  /** Set when the indexer stopped on an error the operator must act on (e.g. a deep reorg). */
  haltedReason: text('halted_reason'),
  /** Blocks at or below chainHead - finalityDepth are treated as final. */
  finalityDepth: bigint('finality_depth', { mode: 'number' }).notNull().default(0),
  /**
   * The projection code the rows were written by (indexer/projections/version.ts). An older one
   * (0: before it was recorded) makes the indexer rebuild the projections from raw_logs on start.
   */
  projectionVersion: bigint('projection_version', { mode: 'number' }).notNull().default(0),
})

/**
 * The first block with each contract's code, found by the indexer (binary search on eth_getCode)
 * for a contract whose deployment gives no start block, so it is searched once per chain. Not a
 * projection: kept by `--from-scratch` (it is a fact of the chain), dropped with the chain's rows.
 */
export const contractStartBlocks = pgTable(
  'contract_start_blocks',
  {
    chainId: bigint('chain_id', { mode: 'number' }).notNull(),
    address: text('address').notNull(),
    blockNumber: bigint('block_number', { mode: 'number' }).notNull(),
    foundAt: bigint('found_at', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.address] })],
)

/**
 * Headers of the indexed blocks that may still be reorganised (above head - finality), plus the
 * checkpoint block. Invariant: for consecutive numbers n-1, n both present, row n's parentHash
 * is row n-1's blockHash.
 */
export const indexerBlocks = pgTable(
  'indexer_blocks',
  {
    chainId: bigint('chain_id', { mode: 'number' }).notNull(),
    blockNumber: bigint('block_number', { mode: 'number' }).notNull(),
    blockHash: text('block_hash').notNull(),
    parentHash: text('parent_hash').notNull(),
    timestamp: bigint('timestamp', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.blockNumber] })],
)

/**
 * Before-images of projection rows changed by unfinalized blocks, replayed newest first to roll a
 * reorg back to the common ancestor. Pruned once the block is final.
 */
export const indexerUndo = pgTable(
  'indexer_undo',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    chainId: bigint('chain_id', { mode: 'number' }).notNull(),
    blockNumber: bigint('block_number', { mode: 'number' }).notNull(),
    tableName: text('table_name').notNull(),
    /** JSON array of the primary key values. */
    rowKey: text('row_key').notNull(),
    /** JSON object of the row's column values before the change; null when the row did not exist. */
    before: text('before'),
  },
  (t) => [index('indexer_undo_block').on(t.chainId, t.blockNumber)],
)

// ─── Tasks (OpenR&D) ────────────────────────────────────────────────────────────────────────

export const tasks = pgTable(
  'tasks',
  {
    chainId: bigint('chain_id', { mode: 'number' }).notNull(),
    taskId: bigint('task_id', { mode: 'number' }).notNull(),
    metadataUri: text('metadata_uri').notNull(),
    /** From the metadata document once resolved (null while pending or unavailable). */
    title: text('title'),
    deadline: bigint('deadline', { mode: 'number' }).notNull(),
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
    createdBlock: bigint('created_block', { mode: 'number' }).notNull(),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    executorApplicationId: bigint('executor_application_id', { mode: 'number' }),
    /** How a closed task ended. */
    outcome: text('outcome', { enum: ['completed', 'disputed', 'cancelled'] }),
    closedAt: bigint('closed_at', { mode: 'number' }),
    updatedBlock: bigint('updated_block', { mode: 'number' }).notNull(),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.taskId] }),
    index('tasks_state').on(t.chainId, t.state),
    index('tasks_metadata').on(t.metadataUri),
  ],
)

/** ERC-20 budget of a task in the contract's token order; amounts read from the escrow after BudgetChanged. */
/** A budget token's symbol, name and decimals as first read on chain. */
export const tokens = pgTable(
  'tokens',
  {
    chainId: bigint('chain_id', { mode: 'number' }).notNull(),
    address: text('address').notNull(),
    symbol: text('symbol'),
    name: text('name'),
    decimals: bigint('decimals', { mode: 'number' }),
    problem: text('problem'),
    readBlock: bigint('read_block', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.address] })],
)

export const taskBudgets = pgTable(
  'task_budgets',
  {
    chainId: bigint('chain_id', { mode: 'number' }).notNull(),
    taskId: bigint('task_id', { mode: 'number' }).notNull(),
    position: bigint('position', { mode: 'number' }).notNull(),
    token: text('token').notNull(),
    amount: text('amount').notNull(),
  },
  // The board's token filter finds the tasks budgeted in a token through the second index.
  (t) => [primaryKey({ columns: [t.chainId, t.taskId, t.position] }), index('task_budgets_token').on(t.chainId, t.token, t.taskId, t.position)],
)

export const taskApplications = pgTable(
  'task_applications',
  {
    chainId: bigint('chain_id', { mode: 'number' }).notNull(),
    taskId: bigint('task_id', { mode: 'number' }).notNull(),
    applicationId: bigint('application_id', { mode: 'number' }).notNull(),
    applicant: text('applicant').notNull(),
    metadataUri: text('metadata_uri').notNull(),
    accepted: boolean('accepted').notNull(),
    /** Remaining rewards (partial payments are deducted). */
    nativeReward: jsonb('native_reward').$type<NativeRewardEntry[]>().notNull(),
    reward: jsonb('reward').$type<TokenRewardEntry[]>().notNull(),
    createdBlock: bigint('created_block', { mode: 'number' }).notNull(),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.taskId, t.applicationId] }),
    index('task_applications_applicant').on(t.chainId, t.applicant),
  ],
)

export const taskSubmissions = pgTable(
  'task_submissions',
  {
    chainId: bigint('chain_id', { mode: 'number' }).notNull(),
    taskId: bigint('task_id', { mode: 'number' }).notNull(),
    submissionId: bigint('submission_id', { mode: 'number' }).notNull(),
    /** The executor's applicant address at the time of submission. */
    submitter: text('submitter'),
    metadataUri: text('metadata_uri').notNull(),
    judgement: text('judgement', { enum: ['none', 'accepted', 'rejected'] }).notNull(),
    feedbackUri: text('feedback_uri'),
    createdBlock: bigint('created_block', { mode: 'number' }).notNull(),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    reviewedAt: bigint('reviewed_at', { mode: 'number' }),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.taskId, t.submissionId] })],
)

export const taskCancelRequests = pgTable(
  'task_cancel_requests',
  {
    chainId: bigint('chain_id', { mode: 'number' }).notNull(),
    taskId: bigint('task_id', { mode: 'number' }).notNull(),
    requestId: bigint('request_id', { mode: 'number' }).notNull(),
    metadataUri: text('metadata_uri').notNull(),
    accepted: boolean('accepted').notNull(),
    executed: boolean('executed').notNull(),
    executedBy: text('executed_by'),
    createdBlock: bigint('created_block', { mode: 'number' }).notNull(),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.taskId, t.requestId] })],
)

/** Money leaving an escrow: partial payments and the rewards paid on completion, one row per recipient and token. */
export const taskPayouts = pgTable(
  'task_payouts',
  {
    chainId: bigint('chain_id', { mode: 'number' }).notNull(),
    blockNumber: bigint('block_number', { mode: 'number' }).notNull(),
    logIndex: bigint('log_index', { mode: 'number' }).notNull(),
    position: bigint('position', { mode: 'number' }).notNull(),
    taskId: bigint('task_id', { mode: 'number' }).notNull(),
    kind: text('kind', { enum: ['partial', 'reward'] }).notNull(),
    recipient: text('recipient').notNull(),
    /** ERC-20 address, or null for the native currency. */
    token: text('token'),
    amount: text('amount').notNull(),
    transactionHash: text('transaction_hash').notNull(),
    paidAt: bigint('paid_at', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.blockNumber, t.logIndex, t.position] }),
    index('task_payouts_task').on(t.chainId, t.taskId),
    index('task_payouts_recipient').on(t.chainId, t.recipient),
  ],
)

/** Every event of the Tasks contract, per task, in chain order: the task page's timeline. */
export const taskEvents = pgTable(
  'task_events',
  {
    chainId: bigint('chain_id', { mode: 'number' }).notNull(),
    taskId: bigint('task_id', { mode: 'number' }).notNull(),
    blockNumber: bigint('block_number', { mode: 'number' }).notNull(),
    logIndex: bigint('log_index', { mode: 'number' }).notNull(),
    /** The event's name in the Tasks ABI (TaskCreated, ApplicationCreated…). */
    name: text('name').notNull(),
    /** Its decoded arguments by name (untrusted: metadata URIs and addresses as the chain has them). */
    args: jsonb('args').$type<Record<string, JsonValue>>().notNull(),
    timestamp: bigint('timestamp', { mode: 'number' }).notNull(),
    transactionHash: text('transaction_hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.taskId, t.blockNumber, t.logIndex] })],
)

// ─── Governance, RFPs, disputes and drafts: their own files, part of the chain schema ───────

export * from './governance'
export * from './openrd-extensions'

// ─── Per-address activity feed ──────────────────────────────────────────────────────────────

/** One row per (event, involved address); an address's feed is its primary-key range, newest last. */
export const activity = pgTable(
  'chain_activity',
  {
    chainId: bigint('chain_id', { mode: 'number' }).notNull(),
    address: text('address').notNull(),
    blockNumber: bigint('block_number', { mode: 'number' }).notNull(),
    logIndex: bigint('log_index', { mode: 'number' }).notNull(),
    kind: text('kind').$type<ActivityKind>().notNull(),
    /** The task, proposal, action, RFP or project the activity is about (see app/models for each kind's form). */
    subject: text('subject'),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
    timestamp: bigint('timestamp', { mode: 'number' }).notNull(),
    transactionHash: text('transaction_hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.address, t.blockNumber, t.logIndex] })],
)

// ─── Metadata documents (a cache, not a projection: survives rebuilds and reorgs) ───────────

export const metadataDocuments = pgTable(
  'metadata_documents',
  {
    /** Per chain only so that dropping a chain's rows (db/reset-chain.ts) drops its cache too. */
    chainId: bigint('chain_id', { mode: 'number' }).notNull(),
    uri: text('uri').notNull(),
    /** Which document shape (documents/) the URI was met as. */
    kind: text('kind', { enum: documentKinds }).notNull(),
    /** pending: not fetched yet · ok · unavailable: fetch failed, retried later · invalid: fetched but rejected (CID mismatch, too big, bad JSON) */
    status: text('status').$type<MetadataStatus>().notNull(),
    title: text('title'),
    /** The validated document (untrusted text: escape before rendering). */
    content: jsonb('content').$type<Record<string, unknown>>(),
    error: text('error'),
    attempts: bigint('attempts', { mode: 'number' }).notNull().default(0),
    nextAttemptAt: bigint('next_attempt_at', { mode: 'number' }).notNull().default(0),
    fetchedAt: bigint('fetched_at', { mode: 'number' }),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.uri] }), index('metadata_documents_due').on(t.status, t.nextAttemptAt)],
)
