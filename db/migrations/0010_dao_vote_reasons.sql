CREATE TABLE `dao_vote_reasons` (
	`chain_id` integer NOT NULL,
	`plugin` text NOT NULL,
	`proposal_id` text NOT NULL,
	`voter` text NOT NULL,
	`option` text NOT NULL,
	`cid` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`chain_id`, `plugin`, `proposal_id`, `voter`, `cid`)
);
