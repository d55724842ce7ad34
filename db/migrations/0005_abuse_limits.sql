CREATE TABLE `document_quota_usage` (
	`address` text NOT NULL,
	`day` text NOT NULL,
	`documents` integer NOT NULL,
	`bytes` integer NOT NULL,
	PRIMARY KEY(`address`, `day`)
);
--> statement-breakpoint
CREATE TABLE `rate_limit_hits` (
	`key` text PRIMARY KEY NOT NULL,
	`hits` integer NOT NULL,
	`reset_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `rate_limit_hits_reset_at` ON `rate_limit_hits` (`reset_at`);--> statement-breakpoint
ALTER TABLE `auth_nonces` ADD `client_key` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `auth_nonces_client_key` ON `auth_nonces` (`client_key`,`created_at`);