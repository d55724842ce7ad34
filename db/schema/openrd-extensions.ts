import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import type { JsonValue, NativeRewardEntry, TokenRewardEntry } from './json-values'

// Projections of what is built around Tasks (../shared/reference-abi/README.md, "Other flows"):
// RFPs and their projects (an accepted project becomes a task), disputes (TaskDisputes queues
// Tasks.completeByDispute as a PessimisticActions action of the Dispute smart account) and drafts
// (TaskDrafts queues Tasks.createTask as a DAO's pessimistic action). A dispute or draft is keyed
// by its action, (chain, trustless-actions contract, dao, id), and linked to it by the
// `TrustlessActionCreated` event of the same transaction. Owned by the indexer (see chain.ts).

export type BudgetEntry = { tokenContract: string; amount: string }

export const rfps = sqliteTable(
  'rfps',
  {
    chainId: integer('chain_id').notNull(),
    rfpId: integer('rfp_id').notNull(),
    metadataUri: text('metadata_uri').notNull(),
    deadline: integer('deadline').notNull(),
    /** What createRFP moved into the RFP's escrow (top-ups are plain transfers and leave no event). */
    nativeBudget: text('native_budget').notNull(),
    budget: text('budget', { mode: 'json' }).$type<BudgetEntry[]>().notNull(),
    creator: text('creator').notNull(),
    /** The manager and dispute manager of every task an accepted project becomes. */
    tasksManager: text('tasks_manager').notNull(),
    disputeManager: text('dispute_manager').notNull(),
    /** Who accepts projects and may empty the RFP. */
    manager: text('manager').notNull(),
    escrow: text('escrow').notNull(),
    emptied: integer('emptied', { mode: 'boolean' }).notNull(),
    emptiedAt: integer('emptied_at'),
    createdBlock: integer('created_block').notNull(),
    createdAt: integer('created_at').notNull(),
    transactionHash: text('transaction_hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.rfpId] })],
)

export const rfpProjects = sqliteTable(
  'rfp_projects',
  {
    chainId: integer('chain_id').notNull(),
    rfpId: integer('rfp_id').notNull(),
    projectId: integer('project_id').notNull(),
    /** A task document: it becomes the metadata of the task the project turns into. */
    metadataUri: text('metadata_uri').notNull(),
    representative: text('representative').notNull(),
    deadline: integer('deadline').notNull(),
    /** What the project asked for. */
    nativeReward: text('native_reward', { mode: 'json' }).$type<NativeRewardEntry[]>().notNull(),
    reward: text('reward', { mode: 'json' }).$type<TokenRewardEntry[]>().notNull(),
    accepted: integer('accepted', { mode: 'boolean' }).notNull(),
    /** What the manager granted, per entry of the request (ProjectAccepted). */
    acceptedNativeReward: text('accepted_native_reward', { mode: 'json' }).$type<string[]>(),
    acceptedReward: text('accepted_reward', { mode: 'json' }).$type<string[]>(),
    /** The task the accepted project became (ProjectAccepted.taskId). */
    taskId: integer('task_id'),
    acceptedAt: integer('accepted_at'),
    acceptedTransactionHash: text('accepted_transaction_hash'),
    createdBlock: integer('created_block').notNull(),
    createdAt: integer('created_at').notNull(),
    transactionHash: text('transaction_hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.rfpId, t.projectId] }), index('rfp_projects_task').on(t.chainId, t.taskId)],
)

export const taskDisputes = sqliteTable(
  'task_disputes',
  {
    chainId: integer('chain_id').notNull(),
    /** The PessimisticActions contract and the DAO (the task's dispute manager) of the action. */
    trustlessActions: text('trustless_actions').notNull(),
    dao: text('dao').notNull(),
    actionId: integer('action_id').notNull(),
    /** The TaskDisputes contract that created it. */
    source: text('source').notNull(),
    taskId: integer('task_id').notNull(),
    /** `{title, summary, body}`: the action's metadata. */
    metadataUri: text('metadata_uri').notNull(),
    /** What the dispute asks to pay the executor, per reward entry (completeByDispute's arguments). */
    partialNativeReward: text('partial_native_reward', { mode: 'json' }).$type<JsonValue>().notNull(),
    partialReward: text('partial_reward', { mode: 'json' }).$type<JsonValue>().notNull(),
    createdBlock: integer('created_block').notNull(),
    createdAt: integer('created_at').notNull(),
    transactionHash: text('transaction_hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.trustlessActions, t.dao, t.actionId] }), index('task_disputes_task').on(t.chainId, t.taskId)],
)

export const taskDrafts = sqliteTable(
  'task_drafts',
  {
    chainId: integer('chain_id').notNull(),
    trustlessActions: text('trustless_actions').notNull(),
    /** The DAO that would create (and pay for) the task once it approves. */
    dao: text('dao').notNull(),
    actionId: integer('action_id').notNull(),
    /** The TaskDrafts contract that created it. */
    source: text('source').notNull(),
    /** The draft's own `{title, summary}` (the action's metadata). */
    metadataUri: text('metadata_uri').notNull(),
    /** The task it proposes, from the queued Tasks.createTask call. */
    taskMetadataUri: text('task_metadata_uri').notNull(),
    taskDeadline: integer('task_deadline').notNull(),
    taskManager: text('task_manager').notNull(),
    taskDisputeManager: text('task_dispute_manager').notNull(),
    nativeBudget: text('native_budget').notNull(),
    budget: text('budget', { mode: 'json' }).$type<JsonValue>().notNull(),
    preapproved: text('preapproved', { mode: 'json' }).$type<JsonValue>().notNull(),
    /** The task the approved draft created (the executed action's first return value). */
    createdTaskId: integer('created_task_id'),
    createdBlock: integer('created_block').notNull(),
    createdAt: integer('created_at').notNull(),
    transactionHash: text('transaction_hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.trustlessActions, t.dao, t.actionId] }), index('task_drafts_dao').on(t.chainId, t.dao)],
)
