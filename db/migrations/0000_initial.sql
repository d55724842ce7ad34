CREATE TABLE `chain_activity` (
	`chain_id` integer NOT NULL,
	`address` text NOT NULL,
	`block_number` integer NOT NULL,
	`log_index` integer NOT NULL,
	`kind` text NOT NULL,
	`subject` text,
	`detail` text,
	`timestamp` integer NOT NULL,
	`transaction_hash` text NOT NULL,
	PRIMARY KEY(`chain_id`, `address`, `block_number`, `log_index`)
);
--> statement-breakpoint
CREATE TABLE `dao_delegations` (
	`chain_id` integer NOT NULL,
	`delegator` text NOT NULL,
	`delegate` text NOT NULL,
	`updated_block` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`chain_id`, `delegator`)
);
--> statement-breakpoint
CREATE INDEX `dao_delegations_delegate` ON `dao_delegations` (`chain_id`,`delegate`);--> statement-breakpoint
CREATE TABLE `dao_members` (
	`chain_id` integer NOT NULL,
	`address` text NOT NULL,
	`balance` integer NOT NULL,
	`token_id` text,
	`active` integer NOT NULL,
	`joined_block` integer NOT NULL,
	`joined_at` integer NOT NULL,
	`revoked_block` integer,
	`revoked_at` integer,
	PRIMARY KEY(`chain_id`, `address`)
);
--> statement-breakpoint
CREATE TABLE `dao_optimistic_actions` (
	`chain_id` integer NOT NULL,
	`action_id` integer NOT NULL,
	`dao` text NOT NULL,
	`manager` text NOT NULL,
	`role` text NOT NULL,
	`actions` text NOT NULL,
	`failure_map` text NOT NULL,
	`metadata_uri` text NOT NULL,
	`executable_from` integer,
	`state` text NOT NULL,
	`rejection_count` integer NOT NULL,
	`executor` text,
	`executed_block` integer,
	`executed_at` integer,
	`created_block` integer NOT NULL,
	`created_at` integer NOT NULL,
	`transaction_hash` text NOT NULL,
	PRIMARY KEY(`chain_id`, `action_id`)
);
--> statement-breakpoint
CREATE TABLE `dao_optimistic_rejections` (
	`chain_id` integer NOT NULL,
	`action_id` integer NOT NULL,
	`block_number` integer NOT NULL,
	`log_index` integer NOT NULL,
	`metadata_uri` text NOT NULL,
	`rejected_at` integer NOT NULL,
	`transaction_hash` text NOT NULL,
	PRIMARY KEY(`chain_id`, `block_number`, `log_index`)
);
--> statement-breakpoint
CREATE INDEX `dao_optimistic_rejections_action` ON `dao_optimistic_rejections` (`chain_id`,`action_id`);--> statement-breakpoint
CREATE TABLE `dao_proposals` (
	`chain_id` integer NOT NULL,
	`proposal_id` text NOT NULL,
	`proposal_number` integer NOT NULL,
	`plugin` text NOT NULL,
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
	`created_block` integer NOT NULL,
	`created_at` integer NOT NULL,
	`transaction_hash` text NOT NULL,
	PRIMARY KEY(`chain_id`, `proposal_id`)
);
--> statement-breakpoint
CREATE INDEX `dao_proposals_number` ON `dao_proposals` (`chain_id`,`proposal_number`);--> statement-breakpoint
CREATE TABLE `dao_votes` (
	`chain_id` integer NOT NULL,
	`proposal_id` text NOT NULL,
	`voter` text NOT NULL,
	`option` integer NOT NULL,
	`option_name` text NOT NULL,
	`voting_power` text NOT NULL,
	`reason` text,
	`voted_block` integer NOT NULL,
	`voted_at` integer NOT NULL,
	`transaction_hash` text NOT NULL,
	PRIMARY KEY(`chain_id`, `proposal_id`, `voter`)
);
--> statement-breakpoint
CREATE INDEX `dao_votes_voter` ON `dao_votes` (`chain_id`,`voter`);--> statement-breakpoint
CREATE TABLE `dao_voting_power` (
	`chain_id` integer NOT NULL,
	`address` text NOT NULL,
	`votes` text NOT NULL,
	`updated_block` integer NOT NULL,
	PRIMARY KEY(`chain_id`, `address`)
);
--> statement-breakpoint
CREATE TABLE `dao_voting_settings` (
	`chain_id` integer PRIMARY KEY NOT NULL,
	`plugin` text NOT NULL,
	`voting_mode` integer NOT NULL,
	`support_threshold` integer NOT NULL,
	`min_participation` integer NOT NULL,
	`min_duration` integer NOT NULL,
	`min_proposer_voting_power` text NOT NULL,
	`updated_block` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `indexer_blocks` (
	`chain_id` integer NOT NULL,
	`block_number` integer NOT NULL,
	`block_hash` text NOT NULL,
	`parent_hash` text NOT NULL,
	`timestamp` integer NOT NULL,
	PRIMARY KEY(`chain_id`, `block_number`)
);
--> statement-breakpoint
CREATE TABLE `indexer_undo` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`chain_id` integer NOT NULL,
	`block_number` integer NOT NULL,
	`table_name` text NOT NULL,
	`row_key` text NOT NULL,
	`before` text
);
--> statement-breakpoint
CREATE INDEX `indexer_undo_block` ON `indexer_undo` (`chain_id`,`block_number`);--> statement-breakpoint
CREATE TABLE `metadata_documents` (
	`chain_id` integer NOT NULL,
	`uri` text NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`title` text,
	`content` text,
	`error` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer DEFAULT 0 NOT NULL,
	`fetched_at` integer,
	PRIMARY KEY(`chain_id`, `uri`)
);
--> statement-breakpoint
CREATE INDEX `metadata_documents_due` ON `metadata_documents` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `raw_logs` (
	`chain_id` integer NOT NULL,
	`block_hash` text NOT NULL,
	`log_index` integer NOT NULL,
	`block_number` integer NOT NULL,
	`block_timestamp` integer NOT NULL,
	`transaction_hash` text NOT NULL,
	`transaction_index` integer NOT NULL,
	`address` text NOT NULL,
	`topics` text NOT NULL,
	`data` text NOT NULL,
	PRIMARY KEY(`chain_id`, `block_hash`, `log_index`)
);
--> statement-breakpoint
CREATE INDEX `raw_logs_order` ON `raw_logs` (`chain_id`,`block_number`,`transaction_index`,`log_index`);--> statement-breakpoint
CREATE TABLE `raw_reads` (
	`chain_id` integer NOT NULL,
	`block_hash` text NOT NULL,
	`block_number` integer NOT NULL,
	`kind` text NOT NULL,
	`key` text NOT NULL,
	`result` text NOT NULL,
	PRIMARY KEY(`chain_id`, `block_hash`, `kind`, `key`)
);
--> statement-breakpoint
CREATE INDEX `raw_reads_block` ON `raw_reads` (`chain_id`,`block_number`);--> statement-breakpoint
CREATE TABLE `sync_checkpoints` (
	`chain_id` integer PRIMARY KEY NOT NULL,
	`block_number` integer NOT NULL,
	`block_hash` text NOT NULL,
	`chain_head` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`halted_reason` text,
	`finality_depth` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `task_applications` (
	`chain_id` integer NOT NULL,
	`task_id` integer NOT NULL,
	`application_id` integer NOT NULL,
	`applicant` text NOT NULL,
	`metadata_uri` text NOT NULL,
	`accepted` integer NOT NULL,
	`native_reward` text NOT NULL,
	`reward` text NOT NULL,
	`created_block` integer NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`chain_id`, `task_id`, `application_id`)
);
--> statement-breakpoint
CREATE INDEX `task_applications_applicant` ON `task_applications` (`chain_id`,`applicant`);--> statement-breakpoint
CREATE TABLE `task_budgets` (
	`chain_id` integer NOT NULL,
	`task_id` integer NOT NULL,
	`position` integer NOT NULL,
	`token` text NOT NULL,
	`amount` text NOT NULL,
	PRIMARY KEY(`chain_id`, `task_id`, `position`)
);
--> statement-breakpoint
CREATE TABLE `task_cancel_requests` (
	`chain_id` integer NOT NULL,
	`task_id` integer NOT NULL,
	`request_id` integer NOT NULL,
	`metadata_uri` text NOT NULL,
	`accepted` integer NOT NULL,
	`executed` integer NOT NULL,
	`executed_by` text,
	`created_block` integer NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`chain_id`, `task_id`, `request_id`)
);
--> statement-breakpoint
CREATE TABLE `task_payouts` (
	`chain_id` integer NOT NULL,
	`block_number` integer NOT NULL,
	`log_index` integer NOT NULL,
	`position` integer NOT NULL,
	`task_id` integer NOT NULL,
	`kind` text NOT NULL,
	`recipient` text NOT NULL,
	`token` text,
	`amount` text NOT NULL,
	`transaction_hash` text NOT NULL,
	`paid_at` integer NOT NULL,
	PRIMARY KEY(`chain_id`, `block_number`, `log_index`, `position`)
);
--> statement-breakpoint
CREATE INDEX `task_payouts_task` ON `task_payouts` (`chain_id`,`task_id`);--> statement-breakpoint
CREATE INDEX `task_payouts_recipient` ON `task_payouts` (`chain_id`,`recipient`);--> statement-breakpoint
CREATE TABLE `task_submissions` (
	`chain_id` integer NOT NULL,
	`task_id` integer NOT NULL,
	`submission_id` integer NOT NULL,
	`submitter` text,
	`metadata_uri` text NOT NULL,
	`judgement` text NOT NULL,
	`feedback_uri` text,
	`created_block` integer NOT NULL,
	`created_at` integer NOT NULL,
	`reviewed_at` integer,
	PRIMARY KEY(`chain_id`, `task_id`, `submission_id`)
);
--> statement-breakpoint
CREATE TABLE `tasks` (
	`chain_id` integer NOT NULL,
	`task_id` integer NOT NULL,
	`metadata_uri` text NOT NULL,
	`title` text,
	`deadline` integer NOT NULL,
	`manager` text NOT NULL,
	`dispute_manager` text NOT NULL,
	`creator` text NOT NULL,
	`state` text NOT NULL,
	`escrow` text NOT NULL,
	`native_budget` text NOT NULL,
	`created_block` integer NOT NULL,
	`created_at` integer NOT NULL,
	`executor_application_id` integer,
	`outcome` text,
	`closed_at` integer,
	`updated_block` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`chain_id`, `task_id`)
);
--> statement-breakpoint
CREATE INDEX `tasks_state` ON `tasks` (`chain_id`,`state`);--> statement-breakpoint
CREATE INDEX `tasks_metadata` ON `tasks` (`metadata_uri`);--> statement-breakpoint
CREATE TABLE `content_blobs` (
	`cid` text PRIMARY KEY NOT NULL,
	`bytes` blob NOT NULL,
	`media_type` text DEFAULT 'application/json' NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `certificates` (
	`id` text PRIMARY KEY NOT NULL,
	`address` text NOT NULL,
	`course_slug` text NOT NULL,
	`course_title` text NOT NULL,
	`course_version` text NOT NULL,
	`issued_at` integer NOT NULL,
	`issuer` text NOT NULL,
	`signature` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `certificates_one_per_course` ON `certificates` (`address`,`course_slug`);--> statement-breakpoint
CREATE TABLE `course_completions` (
	`address` text NOT NULL,
	`course_slug` text NOT NULL,
	`course_version` text NOT NULL,
	`completed_at` integer NOT NULL,
	`certificate_id` text NOT NULL,
	PRIMARY KEY(`address`, `course_slug`),
	FOREIGN KEY (`certificate_id`) REFERENCES `certificates`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `lesson_progress` (
	`address` text NOT NULL,
	`course_slug` text NOT NULL,
	`lesson_slug` text NOT NULL,
	`completed_at` integer NOT NULL,
	PRIMARY KEY(`address`, `course_slug`, `lesson_slug`)
);
--> statement-breakpoint
CREATE TABLE `membership_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`address` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`record` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `membership_requests_one_open` ON `membership_requests` (`address`) WHERE status = 'open';--> statement-breakpoint
CREATE INDEX `membership_requests_by_time` ON `membership_requests` (`created_at`);--> statement-breakpoint
CREATE TABLE `quiz_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`address` text NOT NULL,
	`course_slug` text NOT NULL,
	`lesson_slug` text NOT NULL,
	`quiz_id` text NOT NULL,
	`course_version` text NOT NULL,
	`answers` text NOT NULL,
	`results` text NOT NULL,
	`correct_count` integer NOT NULL,
	`question_count` integer NOT NULL,
	`score_percent` integer NOT NULL,
	`passed` integer NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `quiz_attempts_by_learner` ON `quiz_attempts` (`address`,`course_slug`,`quiz_id`,`id`);--> statement-breakpoint
CREATE TABLE `auth_nonces` (
	`nonce` text PRIMARY KEY NOT NULL,
	`binding_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `auth_nonces_expires_at` ON `auth_nonces` (`expires_at`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`address` text NOT NULL,
	`chain_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sessions_address` ON `sessions` (`address`);--> statement-breakpoint
CREATE INDEX `sessions_expires_at` ON `sessions` (`expires_at`);