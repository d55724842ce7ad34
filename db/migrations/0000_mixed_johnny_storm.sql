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
CREATE TABLE `sync_checkpoints` (
	`chain_id` integer PRIMARY KEY NOT NULL,
	`block_number` integer NOT NULL,
	`block_hash` text NOT NULL,
	`chain_head` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`halted_reason` text
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
	PRIMARY KEY(`chain_id`, `task_id`)
);
--> statement-breakpoint
CREATE TABLE `content_blobs` (
	`cid` text PRIMARY KEY NOT NULL,
	`bytes` blob NOT NULL,
	`media_type` text DEFAULT 'application/json' NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL
);
