CREATE TABLE `tokens` (
	`chain_id` integer NOT NULL,
	`address` text NOT NULL,
	`symbol` text,
	`name` text,
	`decimals` integer,
	`problem` text,
	`read_block` integer NOT NULL,
	PRIMARY KEY(`chain_id`, `address`)
);
