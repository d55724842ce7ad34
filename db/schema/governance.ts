import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import type { DecodedAction } from './json-values'

// Projections of Openmesh's governance (../shared/reference-abi/README.md, "How the pieces fit"),
// keyed as the contracts key them, every key scoped by chain:
// - the OVC (VerifiedContributor): members, tokens, delegations, voting power;
// - department tags on OVC tokens (VerifiedContributorTagManager) and each account's default token;
// - proposals and votes per voting plugin (chain, plugin, id): TokenVoting and every TagVoting;
// - trustless actions per (chain, contract, dao, id): one OptimisticActions and one
//   PessimisticActions contract serve every DAO (the Openmesh DAO, each department smart account);
// - TrustlessManagement permissions per (manager, dao, role) and the per-DAO settings of
//   TrustlessManagement and OptimisticActions (admin, execute delay).
// Owned by the indexer, rebuilt from raw_logs like every projection (see chain.ts).

// ─── OVC membership ──────────────────────────────────────────────────────────────────────────

export const daoMembers = sqliteTable(
  'dao_members',
  {
    chainId: integer('chain_id').notNull(),
    address: text('address').notNull(),
    /** OVC tokens held (soulbound, so 0 or 1 in practice). */
    balance: integer('balance').notNull(),
    tokenId: text('token_id'),
    active: integer('active', { mode: 'boolean' }).notNull(),
    joinedBlock: integer('joined_block').notNull(),
    joinedAt: integer('joined_at').notNull(),
    revokedBlock: integer('revoked_block'),
    revokedAt: integer('revoked_at'),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.address] })],
)

/** Every OVC token ever minted and who holds it now (null once burned): department tags are on tokens. */
export const ovcTokens = sqliteTable(
  'ovc_tokens',
  {
    chainId: integer('chain_id').notNull(),
    tokenId: text('token_id').notNull(),
    owner: text('owner'),
    mintedBlock: integer('minted_block').notNull(),
    mintedAt: integer('minted_at').notNull(),
    burnedAt: integer('burned_at'),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.tokenId] }), index('ovc_tokens_owner').on(t.chainId, t.owner)],
)

export const daoDelegations = sqliteTable(
  'dao_delegations',
  {
    chainId: integer('chain_id').notNull(),
    delegator: text('delegator').notNull(),
    delegate: text('delegate').notNull(),
    updatedBlock: integer('updated_block').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.delegator] }), index('dao_delegations_delegate').on(t.chainId, t.delegate)],
)

export const daoVotingPower = sqliteTable(
  'dao_voting_power',
  {
    chainId: integer('chain_id').notNull(),
    address: text('address').notNull(),
    votes: text('votes').notNull(),
    updatedBlock: integer('updated_block').notNull(),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.address] })],
)

// ─── Department tags (VerifiedContributorTagManager) ─────────────────────────────────────────

/** A tag (bytes32, e.g. keccak256("DISPUTE")) on an OVC token: TagAdded adds the row, TagRemoved deletes it. */
export const ovcTags = sqliteTable(
  'ovc_tags',
  {
    chainId: integer('chain_id').notNull(),
    tag: text('tag').notNull(),
    tokenId: text('token_id').notNull(),
    addedBlock: integer('added_block').notNull(),
    addedAt: integer('added_at').notNull(),
    transactionHash: text('transaction_hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.tag, t.tokenId] }), index('ovc_tags_token').on(t.chainId, t.tokenId)],
)

/**
 * The token through which an account holds tags (the tag manager's `hasTag` rule): the first of its
 * tokens to be tagged. An account has a tag while it owns this token and the token has the tag.
 * `setId` changes it on chain without an event, so a default chosen that way is not seen here.
 */
export const ovcDefaultTokens = sqliteTable(
  'ovc_default_tokens',
  {
    chainId: integer('chain_id').notNull(),
    account: text('account').notNull(),
    tokenId: text('token_id').notNull(),
    setBlock: integer('set_block').notNull(),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.account] })],
)

// ─── Proposals and votes, per voting plugin ──────────────────────────────────────────────────

export const daoVotingSettings = sqliteTable(
  'dao_voting_settings',
  {
    chainId: integer('chain_id').notNull(),
    plugin: text('plugin').notNull(),
    votingMode: integer('voting_mode').notNull(),
    /** Parts per million, like Aragon. */
    supportThreshold: integer('support_threshold').notNull(),
    minParticipation: integer('min_participation').notNull(),
    minDuration: integer('min_duration').notNull(),
    minProposerVotingPower: text('min_proposer_voting_power').notNull(),
    updatedBlock: integer('updated_block').notNull(),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.plugin] })],
)

export const daoProposals = sqliteTable(
  'dao_proposals',
  {
    chainId: integer('chain_id').notNull(),
    /** The voting plugin (TokenVoting or a TagVoting) whose counter numbers the proposal. */
    plugin: text('plugin').notNull(),
    proposalId: text('proposal_id').notNull(),
    /** proposalId as an integer for sorting (Aragon ids are counters). */
    proposalNumber: integer('proposal_number').notNull(),
    creator: text('creator').notNull(),
    metadataUri: text('metadata_uri').notNull(),
    title: text('title'),
    startDate: integer('start_date').notNull(),
    endDate: integer('end_date').notNull(),
    actions: text('actions', { mode: 'json' }).$type<DecodedAction[]>().notNull(),
    allowFailureMap: text('allow_failure_map').notNull(),
    /** From getProposal at the creation block (null when the read failed). */
    snapshotBlock: integer('snapshot_block'),
    supportThreshold: integer('support_threshold'),
    minVotingPower: text('min_voting_power'),
    totalVotingPower: text('total_voting_power'),
    yes: text('yes').notNull(),
    no: text('no').notNull(),
    abstain: text('abstain').notNull(),
    voterCount: integer('voter_count').notNull(),
    /** 'executed' once ProposalExecuted; otherwise 'active' and the app derives passed/defeated from the dates and tallies. */
    state: text('state', { enum: ['active', 'executed'] }).notNull(),
    executedBlock: integer('executed_block'),
    executedAt: integer('executed_at'),
    /** The transaction that executed it (its ProposalExecuted log's). */
    executionTransactionHash: text('execution_transaction_hash'),
    createdBlock: integer('created_block').notNull(),
    createdAt: integer('created_at').notNull(),
    transactionHash: text('transaction_hash').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.plugin, t.proposalId] }),
    index('dao_proposals_created').on(t.chainId, t.createdBlock),
    index('dao_proposals_number').on(t.chainId, t.plugin, t.proposalNumber),
  ],
)

export const daoVotes = sqliteTable(
  'dao_votes',
  {
    chainId: integer('chain_id').notNull(),
    plugin: text('plugin').notNull(),
    proposalId: text('proposal_id').notNull(),
    voter: text('voter').notNull(),
    /** Aragon vote option: 0 none, 1 abstain, 2 yes, 3 no. */
    option: integer('option').notNull(),
    optionName: text('option_name', { enum: ['none', 'abstain', 'yes', 'no'] }).notNull(),
    votingPower: text('voting_power').notNull(),
    votedBlock: integer('voted_block').notNull(),
    votedAt: integer('voted_at').notNull(),
    transactionHash: text('transaction_hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.plugin, t.proposalId, t.voter] }), index('dao_votes_voter').on(t.chainId, t.voter)],
)

// ─── Trustless actions (OptimisticActions, PessimisticActions) ───────────────────────────────

export const trustlessActions = sqliteTable(
  'trustless_actions',
  {
    chainId: integer('chain_id').notNull(),
    /** The OptimisticActions or PessimisticActions contract that numbers the action. */
    contract: text('contract').notNull(),
    /** The DAO (or smart account) the action belongs to: `msg.sender` of createAction. */
    dao: text('dao').notNull(),
    /** Counts from 0 per (contract, dao). */
    actionId: integer('action_id').notNull(),
    kind: text('kind', { enum: ['optimistic', 'pessimistic'] }).notNull(),
    /** The TrustlessManagement contract and role that run the actions. */
    manager: text('manager').notNull(),
    role: text('role').notNull(),
    actions: text('actions', { mode: 'json' }).$type<DecodedAction[]>().notNull(),
    failureMap: text('failure_map').notNull(),
    metadataUri: text('metadata_uri').notNull(),
    /**
     * Who asked for it: the `sender` of the TrustlessManagement `Execution` through which the DAO
     * created it in the same transaction (a member, or TaskDisputes/TaskDrafts); null when the
     * DAO called createAction itself.
     */
    creator: text('creator'),
    /** Optimistic only: unix seconds from which it can be executed unless rejected. */
    executableFrom: integer('executable_from'),
    state: text('state', { enum: ['pending', 'rejected', 'executed'] }).notNull(),
    rejectionCount: integer('rejection_count').notNull(),
    executor: text('executor'),
    executedBlock: integer('executed_block'),
    executedAt: integer('executed_at'),
    /** The transaction that executed it (its ActionExecuted log's). */
    executionTransactionHash: text('execution_transaction_hash'),
    createdBlock: integer('created_block').notNull(),
    createdAt: integer('created_at').notNull(),
    transactionHash: text('transaction_hash').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.contract, t.dao, t.actionId] }),
    index('trustless_actions_dao').on(t.chainId, t.dao, t.createdBlock),
    index('trustless_actions_created').on(t.chainId, t.createdBlock),
  ],
)

export const trustlessActionRejections = sqliteTable(
  'trustless_action_rejections',
  {
    chainId: integer('chain_id').notNull(),
    blockNumber: integer('block_number').notNull(),
    logIndex: integer('log_index').notNull(),
    contract: text('contract').notNull(),
    dao: text('dao').notNull(),
    actionId: integer('action_id').notNull(),
    metadataUri: text('metadata_uri').notNull(),
    /** The member who rejected it (the `Execution` sender in the same transaction), when known. */
    rejector: text('rejector'),
    rejectedAt: integer('rejected_at').notNull(),
    transactionHash: text('transaction_hash').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.blockNumber, t.logIndex] }),
    index('trustless_action_rejections_action').on(t.chainId, t.contract, t.dao, t.actionId),
  ],
)

// ─── TrustlessManagement permissions and per-DAO settings ────────────────────────────────────

const permissionKinds = ['fullAccess', 'zoneAccess', 'functionAccess', 'zoneBlacklist', 'functionBlacklist'] as const
export type PermissionKind = (typeof permissionKinds)[number]

/**
 * The latest permission of (manager, dao, role) per kind, zone and function selector ('' where the
 * kind has none). `permissionChecker`: 0x0…0 off, 0xff…ff always on, anything else is asked.
 */
export const trustlessPermissions = sqliteTable(
  'trustless_permissions',
  {
    chainId: integer('chain_id').notNull(),
    /** The TrustlessManagement contract (Address, ERC721Count or Tag). */
    manager: text('manager').notNull(),
    dao: text('dao').notNull(),
    role: text('role').notNull(),
    kind: text('kind', { enum: permissionKinds }).notNull(),
    zone: text('zone').notNull(),
    functionSelector: text('function_selector').notNull(),
    permissionChecker: text('permission_checker').notNull(),
    updatedBlock: integer('updated_block').notNull(),
    updatedAt: integer('updated_at').notNull(),
    transactionHash: text('transaction_hash').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.manager, t.dao, t.role, t.kind, t.zone, t.functionSelector] }),
    index('trustless_permissions_dao').on(t.chainId, t.dao),
  ],
)

/** A DAO's settings on a TrustlessManagement or trustless-actions contract: its admin (AdminSet) and, on OptimisticActions, the execute delay. */
export const trustlessDaoSettings = sqliteTable(
  'trustless_dao_settings',
  {
    chainId: integer('chain_id').notNull(),
    contract: text('contract').notNull(),
    dao: text('dao').notNull(),
    admin: text('admin'),
    /** Seconds between an optimistic action's creation and when it may run. */
    executeDelay: integer('execute_delay'),
    updatedBlock: integer('updated_block').notNull(),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.contract, t.dao] })],
)
