CREATE TABLE `task_events` (
	`chain_id` integer NOT NULL,
	`task_id` integer NOT NULL,
	`block_number` integer NOT NULL,
	`log_index` integer NOT NULL,
	`name` text NOT NULL,
	`args` text NOT NULL,
	`timestamp` integer NOT NULL,
	`transaction_hash` text NOT NULL,
	PRIMARY KEY(`chain_id`, `task_id`, `block_number`, `log_index`)
);
--> statement-breakpoint
ALTER TABLE `dao_optimistic_actions` ADD `execution_transaction_hash` text;--> statement-breakpoint
ALTER TABLE `dao_proposals` ADD `execution_transaction_hash` text;--> statement-breakpoint
ALTER TABLE `sync_checkpoints` ADD `projection_version` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `task_budgets_token` ON `task_budgets` (`chain_id`,`token`,`task_id`,`position`);