CREATE TABLE `quiz_cooldowns` (
	`address` text NOT NULL,
	`course_slug` text NOT NULL,
	`quiz_id` text NOT NULL,
	`failed_in_a_row` integer NOT NULL,
	`next_attempt_at` integer NOT NULL,
	PRIMARY KEY(`address`, `course_slug`, `quiz_id`)
);
