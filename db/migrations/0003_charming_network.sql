PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_metadata_documents` (
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
DROP TABLE `metadata_documents`;--> statement-breakpoint
ALTER TABLE `__new_metadata_documents` RENAME TO `metadata_documents`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `metadata_documents_due` ON `metadata_documents` (`status`,`next_attempt_at`);