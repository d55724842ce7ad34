import { bigint, boolean, index, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core'
import type { JsonValue, NativeRewardEntry, TokenRewardEntry } from '../schema/chain'
import type { BudgetEntry } from '../schema/openrd-extensions'

// Projections of what is built around Tasks (../shared/reference-abi/README.md, "Other flows"):
// RFPs and their projects (an accepted project becomes a task), disputes (TaskDisputes queues
// Tasks.completeByDispute as a PessimisticActions action of the Dispute smart account) and drafts
// (TaskDrafts queues Tasks.createTask as a DAO's pessimistic action). A dispute or draft is keyed
// by its action, (chain, trustless-actions contract, dao, id), and linked to it by the
// `TrustlessActionCreated` event of the same transaction. Owned by the indexer (see chain.ts).


export const rfps = pgTable(
  'rfps',
  {
    chainId: bigint('chain_id', { mode: 'number' }).notNull(),
    rfpId: bigint('rfp_id', { mode: 'number' }).notNull(),
    metadataUri: text('metadata_uri').notNull(),
    deadline: bigint('deadline', { mode: 'number' }).notNull(),
    /** What createRFP moved into the RFP's escrow (top-ups are plain transfers and leave no event). */
    nativeBudget: text('native_budget').notNull(),
    budget: jsonb('budget').$type<BudgetEntry[]>().notNull(),
    creator: text('creator').notNull(),
    /** The manager and dispute manager of every task an accepted project becomes. */
    tasksManager: text('tasks_manager').notNull(),
    disputeManager: text('dispute_manager').notNull(),
    /** Who accepts projects and may empty the RFP. */
    manager: text('manager').notNull(),
    escrow: text('escrow').notNull(),
    emptied: boolean('emptied').notNull(),
    emptiedAt: bigint('emptied_at', { mode: 'number' }),
    createdBlock: bigint('created_block', { mode: 'number' }).notNull(),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    transactionHash: text('transaction_hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.rfpId] })],
)

export const rfpProjects = pgTable(
  'rfp_projects',
  {
    chainId: bigint('chain_id', { mode: 'number' }).notNull(),
    rfpId: bigint('rfp_id', { mode: 'number' }).notNull(),
    projectId: bigint('project_id', { mode: 'number' }).notNull(),
    /** A task document: it becomes the metadata of the task the project turns into. */
    metadataUri: text('metadata_uri').notNull(),
    representative: text('representative').notNull(),
    deadline: bigint('deadline', { mode: 'number' }).notNull(),
    /** What the project asked for. */
    nativeReward: jsonb('native_reward').$type<NativeRewardEntry[]>().notNull(),
    reward: jsonb('reward').$type<TokenRewardEntry[]>().notNull(),
    accepted: boolean('accepted').notNull(),
    /** What the manager granted, per entry of the request (ProjectAccepted). */
    acceptedNativeReward: jsonb('accepted_native_reward').$type<string[]>(),
    acceptedReward: jsonb('accepted_reward').$type<string[]>(),
    /** The task the accepted project became (ProjectAccepted.taskId). */
    taskId: bigint('task_id', { mode: 'number' }),
    acceptedAt: bigint('accepted_at', { mode: 'number' }),
    acceptedTransactionHash: text('accepted_transaction_hash'),
    createdBlock: bigint('created_block', { mode: 'number' }).notNull(),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    transactionHash: text('transaction_hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.rfpId, t.projectId] }), index('rfp_projects_task').on(t.chainId, t.taskId)],
)

export const taskDisputes = pgTable(
  'task_disputes',
  {
    chainId: bigint('chain_id', { mode: 'number' }).notNull(),
    /** The PessimisticActions contract and the DAO (the task's dispute manager) of the action. */
    trustlessActions: text('trustless_actions').notNull(),
    dao: text('dao').notNull(),
    actionId: bigint('action_id', { mode: 'number' }).notNull(),
    /** The TaskDisputes contract that created it. */
    source: text('source').notNull(),
    taskId: bigint('task_id', { mode: 'number' }).notNull(),
    /** `{title, summary, body}`: the action's metadata. */
    metadataUri: text('metadata_uri').notNull(),
    /** What the dispute asks to pay the executor, per reward entry (completeByDispute's arguments). */
    partialNativeReward: jsonb('partial_native_reward').$type<JsonValue>().notNull(),
    partialReward: jsonb('partial_reward').$type<JsonValue>().notNull(),
    createdBlock: bigint('created_block', { mode: 'number' }).notNull(),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    transactionHash: text('transaction_hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.trustlessActions, t.dao, t.actionId] }), index('task_disputes_task').on(t.chainId, t.taskId)],
)

export const taskDrafts = pgTable(
  'task_drafts',
  {
    chainId: bigint('chain_id', { mode: 'number' }).notNull(),
    trustlessActions: text('trustless_actions').notNull(),
    /** The DAO that would create (and pay for) the task once it approves. */
    dao: text('dao').notNull(),
    actionId: bigint('action_id', { mode: 'number' }).notNull(),
    /** The TaskDrafts contract that created it. */
    source: text('source').notNull(),
    /** The draft's own `{title, summary}` (the action's metadata). */
    metadataUri: text('metadata_uri').notNull(),
    /** The task it proposes, from the queued Tasks.createTask call. */
    taskMetadataUri: text('task_metadata_uri').notNull(),
    taskDeadline: bigint('task_deadline', { mode: 'number' }).notNull(),
    taskManager: text('task_manager').notNull(),
    taskDisputeManager: text('task_dispute_manager').notNull(),
    nativeBudget: text('native_budget').notNull(),
    budget: jsonb('budget').$type<JsonValue>().notNull(),
    preapproved: jsonb('preapproved').$type<JsonValue>().notNull(),
    /** The task the approved draft created (the executed action's first return value). */
    createdTaskId: bigint('created_task_id', { mode: 'number' }),
    createdBlock: bigint('created_block', { mode: 'number' }).notNull(),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    transactionHash: text('transaction_hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.trustlessActions, t.dao, t.actionId] }), index('task_drafts_dao').on(t.chainId, t.dao)],
)
