CREATE TABLE `contract_start_blocks` (
	`chain_id` integer NOT NULL,
	`address` text NOT NULL,
	`block_number` integer NOT NULL,
	`found_at` integer NOT NULL,
	PRIMARY KEY(`chain_id`, `address`)
);
--> statement-breakpoint
CREATE TABLE `ovc_default_tokens` (
	`chain_id` integer NOT NULL,
	`account` text NOT NULL,
	`token_id` text NOT NULL,
	`set_block` integer NOT NULL,
	PRIMARY KEY(`chain_id`, `account`)
);
--> statement-breakpoint
CREATE TABLE `ovc_tags` (
	`chain_id` integer NOT NULL,
	`tag` text NOT NULL,
	`token_id` text NOT NULL,
	`added_block` integer NOT NULL,
	`added_at` integer NOT NULL,
	`transaction_hash` text NOT NULL,
	PRIMARY KEY(`chain_id`, `tag`, `token_id`)
);
--> statement-breakpoint
CREATE INDEX `ovc_tags_token` ON `ovc_tags` (`chain_id`,`token_id`);--> statement-breakpoint
CREATE TABLE `ovc_tokens` (
	`chain_id` integer NOT NULL,
	`token_id` text NOT NULL,
	`owner` text,
	`minted_block` integer NOT NULL,
	`minted_at` integer NOT NULL,
	`burned_at` integer,
	PRIMARY KEY(`chain_id`, `token_id`)
);
--> statement-breakpoint
CREATE INDEX `ovc_tokens_owner` ON `ovc_tokens` (`chain_id`,`owner`);--> statement-breakpoint
CREATE TABLE `trustless_action_rejections` (
	`chain_id` integer NOT NULL,
	`block_number` integer NOT NULL,
	`log_index` integer NOT NULL,
	`contract` text NOT NULL,
	`dao` text NOT NULL,
	`action_id` integer NOT NULL,
	`metadata_uri` text NOT NULL,
	`rejector` text,
	`rejected_at` integer NOT NULL,
	`transaction_hash` text NOT NULL,
	PRIMARY KEY(`chain_id`, `block_number`, `log_index`)
);
--> statement-breakpoint
CREATE INDEX `trustless_action_rejections_action` ON `trustless_action_rejections` (`chain_id`,`contract`,`dao`,`action_id`);--> statement-breakpoint
CREATE TABLE `trustless_actions` (
	`chain_id` integer NOT NULL,
	`contract` text NOT NULL,
	`dao` text NOT NULL,
	`action_id` integer NOT NULL,
	`kind` text NOT NULL,
	`manager` text NOT NULL,
	`role` text NOT NULL,
	`actions` text NOT NULL,
	`failure_map` text NOT NULL,
	`metadata_uri` text NOT NULL,
	`creator` text,
	`executable_from` integer,
	`state` text NOT NULL,
	`rejection_count` integer NOT NULL,
	`executor` text,
	`executed_block` integer,
	`executed_at` integer,
	`execution_transaction_hash` text,
	`created_block` integer NOT NULL,
	`created_at` integer NOT NULL,
	`transaction_hash` text NOT NULL,
	PRIMARY KEY(`chain_id`, `contract`, `dao`, `action_id`)
);
--> statement-breakpoint
CREATE INDEX `trustless_actions_dao` ON `trustless_actions` (`chain_id`,`dao`,`created_block`);--> statement-breakpoint
CREATE INDEX `trustless_actions_created` ON `trustless_actions` (`chain_id`,`created_block`);--> statement-breakpoint
CREATE TABLE `trustless_dao_settings` (
	`chain_id` integer NOT NULL,
	`contract` text NOT NULL,
	`dao` text NOT NULL,
	`admin` text,
	`execute_delay` integer,
	`updated_block` integer NOT NULL,
	PRIMARY KEY(`chain_id`, `contract`, `dao`)
);
--> statement-breakpoint
CREATE TABLE `trustless_permissions` (
	`chain_id` integer NOT NULL,
	`manager` text NOT NULL,
	`dao` text NOT NULL,
	`role` text NOT NULL,
	`kind` text NOT NULL,
	`zone` text NOT NULL,
	`function_selector` text NOT NULL,
	`permission_checker` text NOT NULL,
	`updated_block` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`transaction_hash` text NOT NULL,
	PRIMARY KEY(`chain_id`, `manager`, `dao`, `role`, `kind`, `zone`, `function_selector`)
);
--> statement-breakpoint
CREATE INDEX `trustless_permissions_dao` ON `trustless_permissions` (`chain_id`,`dao`);--> statement-breakpoint
CREATE TABLE `rfp_projects` (
	`chain_id` integer NOT NULL,
	`rfp_id` integer NOT NULL,
	`project_id` integer NOT NULL,
	`metadata_uri` text NOT NULL,
	`representative` text NOT NULL,
	`deadline` integer NOT NULL,
	`native_reward` text NOT NULL,
	`reward` text NOT NULL,
	`accepted` integer NOT NULL,
	`accepted_native_reward` text,
	`accepted_reward` text,
	`task_id` integer,
	`accepted_at` integer,
	`accepted_transaction_hash` text,
	`created_block` integer NOT NULL,
	`created_at` integer NOT NULL,
	`transaction_hash` text NOT NULL,
	PRIMARY KEY(`chain_id`, `rfp_id`, `project_id`)
);
--> statement-breakpoint
CREATE INDEX `rfp_projects_task` ON `rfp_projects` (`chain_id`,`task_id`);--> statement-breakpoint
CREATE TABLE `rfps` (
	`chain_id` integer NOT NULL,
	`rfp_id` integer NOT NULL,
	`metadata_uri` text NOT NULL,
	`deadline` integer NOT NULL,
	`native_budget` text NOT NULL,
	`budget` text NOT NULL,
	`creator` text NOT NULL,
	`tasks_manager` text NOT NULL,
	`dispute_manager` text NOT NULL,
	`manager` text NOT NULL,
	`escrow` text NOT NULL,
	`emptied` integer NOT NULL,
	`emptied_at` integer,
	`created_block` integer NOT NULL,
	`created_at` integer NOT NULL,
	`transaction_hash` text NOT NULL,
	PRIMARY KEY(`chain_id`, `rfp_id`)
);
--> statement-breakpoint
CREATE TABLE `task_disputes` (
	`chain_id` integer NOT NULL,
	`trustless_actions` text NOT NULL,
	`dao` text NOT NULL,
	`action_id` integer NOT NULL,
	`source` text NOT NULL,
	`task_id` integer NOT NULL,
	`metadata_uri` text NOT NULL,
	`partial_native_reward` text NOT NULL,
	`partial_reward` text NOT NULL,
	`created_block` integer NOT NULL,
	`created_at` integer NOT NULL,
	`transaction_hash` text NOT NULL,
	PRIMARY KEY(`chain_id`, `trustless_actions`, `dao`, `action_id`)
);
--> statement-breakpoint
CREATE INDEX `task_disputes_task` ON `task_disputes` (`chain_id`,`task_id`);--> statement-breakpoint
CREATE TABLE `task_drafts` (
	`chain_id` integer NOT NULL,
	`trustless_actions` text NOT NULL,
	`dao` text NOT NULL,
	`action_id` integer NOT NULL,
	`source` text NOT NULL,
	`metadata_uri` text NOT NULL,
	`task_metadata_uri` text NOT NULL,
	`task_deadline` integer NOT NULL,
	`task_manager` text NOT NULL,
	`task_dispute_manager` text NOT NULL,
	`native_budget` text NOT NULL,
	`budget` text NOT NULL,
	`preapproved` text NOT NULL,
	`created_task_id` integer,
	`created_block` integer NOT NULL,
	`created_at` integer NOT NULL,
	`transaction_hash` text NOT NULL,
	PRIMARY KEY(`chain_id`, `trustless_actions`, `dao`, `action_id`)
);
--> statement-breakpoint
CREATE INDEX `task_drafts_dao` ON `task_drafts` (`chain_id`,`dao`);--> statement-breakpoint
DROP TABLE `dao_optimistic_actions`;--> statement-breakpoint
DROP TABLE `dao_optimistic_rejections`;--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_dao_proposals` (
	`chain_id` integer NOT NULL,
	`plugin` text NOT NULL,
	`proposal_id` text NOT NULL,
	`proposal_number` integer NOT NULL,
	`creator` text NOT NULL,
	`metadata_uri` text NOT NULL,
	`title` text,
	`start_date` integer NOT NULL,
	`end_date` integer NOT NULL,
	`actions` text NOT NULL,
	`allow_failure_map` text NOT NULL,
	`snapshot_block` integer,
	`support_threshold` integer,
	`min_voting_power` text,
	`total_voting_power` text,
	`yes` text NOT NULL,
	`no` text NOT NULL,
	`abstain` text NOT NULL,
	`voter_count` integer NOT NULL,
	`state` text NOT NULL,
	`executed_block` integer,
	`executed_at` integer,
	`execution_transaction_hash` text,
	`created_block` integer NOT NULL,
	`created_at` integer NOT NULL,
	`transaction_hash` text NOT NULL,
	PRIMARY KEY(`chain_id`, `plugin`, `proposal_id`)
);
--> statement-breakpoint
INSERT INTO `__new_dao_proposals`("chain_id", "plugin", "proposal_id", "proposal_number", "creator", "metadata_uri", "title", "start_date", "end_date", "actions", "allow_failure_map", "snapshot_block", "support_threshold", "min_voting_power", "total_voting_power", "yes", "no", "abstain", "voter_count", "state", "executed_block", "executed_at", "execution_transaction_hash", "created_block", "created_at", "transaction_hash") SELECT "chain_id", "plugin", "proposal_id", "proposal_number", "creator", "metadata_uri", "title", "start_date", "end_date", "actions", "allow_failure_map", "snapshot_block", "support_threshold", "min_voting_power", "total_voting_power", "yes", "no", "abstain", "voter_count", "state", "executed_block", "executed_at", "execution_transaction_hash", "created_block", "created_at", "transaction_hash" FROM `dao_proposals`;--> statement-breakpoint
DROP TABLE `dao_proposals`;--> statement-breakpoint
ALTER TABLE `__new_dao_proposals` RENAME TO `dao_proposals`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `dao_proposals_created` ON `dao_proposals` (`chain_id`,`created_block`);--> statement-breakpoint
CREATE INDEX `dao_proposals_number` ON `dao_proposals` (`chain_id`,`plugin`,`proposal_number`);--> statement-breakpoint
CREATE TABLE `__new_dao_votes` (
	`chain_id` integer NOT NULL,
	`plugin` text NOT NULL,
	`proposal_id` text NOT NULL,
	`voter` text NOT NULL,
	`option` integer NOT NULL,
	`option_name` text NOT NULL,
	`voting_power` text NOT NULL,
	`voted_block` integer NOT NULL,
	`voted_at` integer NOT NULL,
	`transaction_hash` text NOT NULL,
	PRIMARY KEY(`chain_id`, `plugin`, `proposal_id`, `voter`)
);
--> statement-breakpoint
-- Votes had no plugin: each takes its proposal's (there was one plugin). The indexer rebuilds every projection anyway.
INSERT INTO `__new_dao_votes`("chain_id", "plugin", "proposal_id", "voter", "option", "option_name", "voting_power", "voted_block", "voted_at", "transaction_hash") SELECT "chain_id", COALESCE((SELECT p."plugin" FROM `dao_proposals` p WHERE p."chain_id" = v."chain_id" AND p."proposal_id" = v."proposal_id" LIMIT 1), ''), "proposal_id", "voter", "option", "option_name", "voting_power", "voted_block", "voted_at", "transaction_hash" FROM `dao_votes` v;--> statement-breakpoint
DROP TABLE `dao_votes`;--> statement-breakpoint
ALTER TABLE `__new_dao_votes` RENAME TO `dao_votes`;--> statement-breakpoint
CREATE INDEX `dao_votes_voter` ON `dao_votes` (`chain_id`,`voter`);--> statement-breakpoint
CREATE TABLE `__new_dao_voting_settings` (
	`chain_id` integer NOT NULL,
	`plugin` text NOT NULL,
	`voting_mode` integer NOT NULL,
	`support_threshold` integer NOT NULL,
	`min_participation` integer NOT NULL,
	`min_duration` integer NOT NULL,
	`min_proposer_voting_power` text NOT NULL,
	`updated_block` integer NOT NULL,
	PRIMARY KEY(`chain_id`, `plugin`)
);
--> statement-breakpoint
INSERT INTO `__new_dao_voting_settings`("chain_id", "plugin", "voting_mode", "support_threshold", "min_participation", "min_duration", "min_proposer_voting_power", "updated_block") SELECT "chain_id", "plugin", "voting_mode", "support_threshold", "min_participation", "min_duration", "min_proposer_voting_power", "updated_block" FROM `dao_voting_settings`;--> statement-breakpoint
DROP TABLE `dao_voting_settings`;--> statement-breakpoint
ALTER TABLE `__new_dao_voting_settings` RENAME TO `dao_voting_settings`;--> statement-breakpoint
-- Undo images of the two dropped tables could never be replayed: the projection version that comes
-- with this migration rebuilds every projection (and its undo images) on the indexer's next start.
DELETE FROM `indexer_undo` WHERE `table_name` IN ('dao_optimistic_actions', 'dao_optimistic_rejections');
