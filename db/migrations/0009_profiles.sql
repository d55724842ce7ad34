CREATE TABLE `ens_names` (
	`address` text PRIMARY KEY NOT NULL,
	`name` text,
	`avatar_url` text,
	`resolved_at` integer NOT NULL,
	`error` text
);
--> statement-breakpoint
CREATE INDEX `ens_names_name` ON `ens_names` (`name`);--> statement-breakpoint
CREATE INDEX `ens_names_resolved` ON `ens_names` (`resolved_at`);--> statement-breakpoint
CREATE TABLE `profiles` (
	`address` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`description` text NOT NULL,
	`links` text NOT NULL,
	`metadata_uri` text NOT NULL,
	`signature` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `profiles_title` ON `profiles` (`title`);--> statement-breakpoint
CREATE TABLE `email_confirmations` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`address` text NOT NULL,
	`email` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `email_confirmations_address` ON `email_confirmations` (`address`);--> statement-breakpoint
CREATE TABLE `inbox_reads` (
	`address` text NOT NULL,
	`item_key` text NOT NULL,
	`read_at` integer NOT NULL,
	PRIMARY KEY(`address`, `item_key`)
);
--> statement-breakpoint
CREATE TABLE `notification_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`address` text NOT NULL,
	`channel` text NOT NULL,
	`item_key` text NOT NULL,
	`kind` text NOT NULL,
	`payload` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`created_at` integer NOT NULL,
	`sent_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notification_outbox_item` ON `notification_outbox` (`address`,`channel`,`item_key`);--> statement-breakpoint
CREATE INDEX `notification_outbox_due` ON `notification_outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `notification_settings` (
	`address` text PRIMARY KEY NOT NULL,
	`feed_token_hash` text,
	`webhook_url` text,
	`webhook_secret` text,
	`webhook_since` integer,
	`email` text,
	`email_frequency` text DEFAULT 'daily' NOT NULL,
	`email_since` integer,
	`last_digest_at` integer,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notification_settings_feed_token` ON `notification_settings` (`feed_token_hash`);--> statement-breakpoint
CREATE TABLE `notification_subscriptions` (
	`address` text NOT NULL,
	`channel` text NOT NULL,
	`kind` text NOT NULL,
	PRIMARY KEY(`address`, `channel`, `kind`)
);
