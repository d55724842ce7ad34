import { bigint, boolean, index, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core'
import type { DecodedAction } from '../schema/chain'
import type { PermissionKind } from '../schema/governance'

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

export const daoMembers = pgTable(
  'dao_members',
  {
    chainId: bigint('chain_id', { mode: 'number' }).notNull(),
    address: text('address').notNull(),
    /** OVC tokens held (soulbound, so 0 or 1 in practice). */
    balance: bigint('balance', { mode: 'number' }).notNull(),
    tokenId: text('token_id'),
    active: boolean('active').notNull(),
    joinedBlock: bigint('joined_block', { mode: 'number' }).notNull(),
    joinedAt: bigint('joined_at', { mode: 'number' }).notNull(),
    revokedBlock: bigint('revoked_block', { mode: 'number' }),
    revokedAt: bigint('revoked_at', { mode: 'number' }),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.address] })],
)

/** Every OVC token ever minted and who holds it now (null once burned): department tags are on tokens. */
export const ovcTokens = pgTable(
  'ovc_tokens',
  {
    chainId: bigint('chain_id', { mode: 'number' }).notNull(),
    tokenId: text('token_id').notNull(),
    owner: text('owner'),
    mintedBlock: bigint('minted_block', { mode: 'number' }).notNull(),
    mintedAt: bigint('minted_at', { mode: 'number' }).notNull(),
    burnedAt: bigint('burned_at', { mode: 'number' }),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.tokenId] }), index('ovc_tokens_owner').on(t.chainId, t.owner)],
)

export const daoDelegations = pgTable(
  'dao_delegations',
  {
    chainId: bigint('chain_id', { mode: 'number' }).notNull(),
    delegator: text('delegator').notNull(),
    delegate: text('delegate').notNull(),
    updatedBlock: bigint('updated_block', { mode: 'number' }).notNull(),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.delegator] }), index('dao_delegations_delegate').on(t.chainId, t.delegate)],
)

export const daoVotingPower = pgTable(
  'dao_voting_power',
  {
    chainId: bigint('chain_id', { mode: 'number' }).notNull(),
    address: text('address').notNull(),
    votes: text('votes').notNull(),
    updatedBlock: bigint('updated_block', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.address] })],
)

// ─── Department tags (VerifiedContributorTagManager) ─────────────────────────────────────────

/** A tag (bytes32, e.g. keccak256("DISPUTE")) on an OVC token: TagAdded adds the row, TagRemoved deletes it. */
export const ovcTags = pgTable(
  'ovc_tags',
  {
    chainId: bigint('chain_id', { mode: 'number' }).notNull(),
    tag: text('tag').notNull(),
    tokenId: text('token_id').notNull(),
    addedBlock: bigint('added_block', { mode: 'number' }).notNull(),
    addedAt: bigint('added_at', { mode: 'number' }).notNull(),
    transactionHash: text('transaction_hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.tag, t.tokenId] }), index('ovc_tags_token').on(t.chainId, t.tokenId)],
)

/**
 * The token through which an account holds tags (the tag manager's `hasTag` rule): the first of its
 * tokens to be tagged. An account has a tag while it owns this token and the token has the tag.
 * `setId` changes it on chain without an event, so a default chosen that way is not seen here.
 */
export const ovcDefaultTokens = pgTable(
  'ovc_default_tokens',
  {
    chainId: bigint('chain_id', { mode: 'number' }).notNull(),
    account: text('account').notNull(),
    tokenId: text('token_id').notNull(),
    setBlock: bigint('set_block', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.account] })],
)

// ─── Proposals and votes, per voting plugin ──────────────────────────────────────────────────

export const daoVotingSettings = pgTable(
  'dao_voting_settings',
  {
    chainId: bigint('chain_id', { mode: 'number' }).notNull(),
    plugin: text('plugin').notNull(),
    votingMode: bigint('voting_mode', { mode: 'number' }).notNull(),
    /** Parts per million, like Aragon. */
    supportThreshold: bigint('support_threshold', { mode: 'number' }).notNull(),
    minParticipation: bigint('min_participation', { mode: 'number' }).notNull(),
    minDuration: bigint('min_duration', { mode: 'number' }).notNull(),
    minProposerVotingPower: text('min_proposer_voting_power').notNull(),
    updatedBlock: bigint('updated_block', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.plugin] })],
)

export const daoProposals = pgTable(
  'dao_proposals',
  {
    chainId: bigint('chain_id', { mode: 'number' }).notNull(),
    /** The voting plugin (TokenVoting or a TagVoting) whose counter numbers the proposal. */
    plugin: text('plugin').notNull(),
    proposalId: text('proposal_id').notNull(),
    /** proposalId as an integer for sorting (Aragon ids are counters). */
    proposalNumber: bigint('proposal_number', { mode: 'number' }).notNull(),
    creator: text('creator').notNull(),
    metadataUri: text('metadata_uri').notNull(),
    title: text('title'),
    startDate: bigint('start_date', { mode: 'number' }).notNull(),
    endDate: bigint('end_date', { mode: 'number' }).notNull(),
    actions: jsonb('actions').$type<DecodedAction[]>().notNull(),
    allowFailureMap: text('allow_failure_map').notNull(),
    /** From getProposal at the creation block (null when the read failed). */
    snapshotBlock: bigint('snapshot_block', { mode: 'number' }),
    supportThreshold: bigint('support_threshold', { mode: 'number' }),
    minVotingPower: text('min_voting_power'),
    totalVotingPower: text('total_voting_power'),
    yes: text('yes').notNull(),
    no: text('no').notNull(),
    abstain: text('abstain').notNull(),
    voterCount: bigint('voter_count', { mode: 'number' }).notNull(),
    /** 'executed' once ProposalExecuted; otherwise 'active' and the app derives passed/defeated from the dates and tallies. */
    state: text('state', { enum: ['active', 'executed'] }).notNull(),
    executedBlock: bigint('executed_block', { mode: 'number' }),
    executedAt: bigint('executed_at', { mode: 'number' }),
    /** The transaction that executed it (its ProposalExecuted log's). */
    executionTransactionHash: text('execution_transaction_hash'),
    createdBlock: bigint('created_block', { mode: 'number' }).notNull(),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    transactionHash: text('transaction_hash').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.plugin, t.proposalId] }),
    index('dao_proposals_created').on(t.chainId, t.createdBlock),
    index('dao_proposals_number').on(t.chainId, t.plugin, t.proposalNumber),
  ],
)

export const daoVotes = pgTable(
  'dao_votes',
  {
    chainId: bigint('chain_id', { mode: 'number' }).notNull(),
    plugin: text('plugin').notNull(),
    proposalId: text('proposal_id').notNull(),
    voter: text('voter').notNull(),
    /** Aragon vote option: 0 none, 1 abstain, 2 yes, 3 no. */
    option: bigint('option', { mode: 'number' }).notNull(),
    optionName: text('option_name', { enum: ['none', 'abstain', 'yes', 'no'] }).notNull(),
    votingPower: text('voting_power').notNull(),
    votedBlock: bigint('voted_block', { mode: 'number' }).notNull(),
    votedAt: bigint('voted_at', { mode: 'number' }).notNull(),
    transactionHash: text('transaction_hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.plugin, t.proposalId, t.voter] }), index('dao_votes_voter').on(t.chainId, t.voter)],
)

// ─── Trustless actions (OptimisticActions, PessimisticActions) ───────────────────────────────

export const trustlessActions = pgTable(
  'trustless_actions',
  {
    chainId: bigint('chain_id', { mode: 'number' }).notNull(),
    /** The OptimisticActions or PessimisticActions contract that numbers the action. */
    contract: text('contract').notNull(),
    /** The DAO (or smart account) the action belongs to: `msg.sender` of createAction. */
    dao: text('dao').notNull(),
    /** Counts from 0 per (contract, dao). */
    actionId: bigint('action_id', { mode: 'number' }).notNull(),
    kind: text('kind', { enum: ['optimistic', 'pessimistic'] }).notNull(),
    /** The TrustlessManagement contract and role that run the actions. */
    manager: text('manager').notNull(),
    role: text('role').notNull(),
    actions: jsonb('actions').$type<DecodedAction[]>().notNull(),
    failureMap: text('failure_map').notNull(),
    metadataUri: text('metadata_uri').notNull(),
    /**
     * Who asked for it: the `sender` of the TrustlessManagement `Execution` through which the DAO
     * created it in the same transaction (a member, or TaskDisputes/TaskDrafts); null when the
     * DAO called createAction itself.
     */
    creator: text('creator'),
    /** Optimistic only: unix seconds from which it can be executed unless rejected. */
    executableFrom: bigint('executable_from', { mode: 'number' }),
    state: text('state', { enum: ['pending', 'rejected', 'executed'] }).notNull(),
    rejectionCount: bigint('rejection_count', { mode: 'number' }).notNull(),
    executor: text('executor'),
    executedBlock: bigint('executed_block', { mode: 'number' }),
    executedAt: bigint('executed_at', { mode: 'number' }),
    /** The transaction that executed it (its ActionExecuted log's). */
    executionTransactionHash: text('execution_transaction_hash'),
    createdBlock: bigint('created_block', { mode: 'number' }).notNull(),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    transactionHash: text('transaction_hash').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.contract, t.dao, t.actionId] }),
    index('trustless_actions_dao').on(t.chainId, t.dao, t.createdBlock),
    index('trustless_actions_created').on(t.chainId, t.createdBlock),
  ],
)

export const trustlessActionRejections = pgTable(
  'trustless_action_rejections',
  {
    chainId: bigint('chain_id', { mode: 'number' }).notNull(),
    blockNumber: bigint('block_number', { mode: 'number' }).notNull(),
    logIndex: bigint('log_index', { mode: 'number' }).notNull(),
    contract: text('contract').notNull(),
    dao: text('dao').notNull(),
    actionId: bigint('action_id', { mode: 'number' }).notNull(),
    metadataUri: text('metadata_uri').notNull(),
    /** The member who rejected it (the `Execution` sender in the same transaction), when known. */
    rejector: text('rejector'),
    rejectedAt: bigint('rejected_at', { mode: 'number' }).notNull(),
    transactionHash: text('transaction_hash').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.blockNumber, t.logIndex] }),
    index('trustless_action_rejections_action').on(t.chainId, t.contract, t.dao, t.actionId),
  ],
)

// ─── TrustlessManagement permissions and per-DAO settings ────────────────────────────────────


/**
 * The latest permission of (manager, dao, role) per kind, zone and function selector ('' where the
 * kind has none). `permissionChecker`: 0x0…0 off, 0xff…ff always on, anything else is asked.
 */
export const trustlessPermissions = pgTable(
  'trustless_permissions',
  {
    chainId: bigint('chain_id', { mode: 'number' }).notNull(),
    /** The TrustlessManagement contract (Address, ERC721Count or Tag). */
    manager: text('manager').notNull(),
    dao: text('dao').notNull(),
    role: text('role').notNull(),
    kind: text('kind').$type<PermissionKind>().notNull(),
    zone: text('zone').notNull(),
    functionSelector: text('function_selector').notNull(),
    permissionChecker: text('permission_checker').notNull(),
    updatedBlock: bigint('updated_block', { mode: 'number' }).notNull(),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
    transactionHash: text('transaction_hash').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.manager, t.dao, t.role, t.kind, t.zone, t.functionSelector] }),
    index('trustless_permissions_dao').on(t.chainId, t.dao),
  ],
)

/** A DAO's settings on a TrustlessManagement or trustless-actions contract: its admin (AdminSet) and, on OptimisticActions, the execute delay. */
export const trustlessDaoSettings = pgTable(
  'trustless_dao_settings',
  {
    chainId: bigint('chain_id', { mode: 'number' }).notNull(),
    contract: text('contract').notNull(),
    dao: text('dao').notNull(),
    admin: text('admin'),
    /** Seconds between an optimistic action's creation and when it may run. */
    executeDelay: bigint('execute_delay', { mode: 'number' }),
    updatedBlock: bigint('updated_block', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.contract, t.dao] })],
)
