CREATE TABLE `daily_counters` (
	`network_id` text NOT NULL,
	`user_id` text NOT NULL,
	`day` text NOT NULL,
	`kind` text NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`network_id`, `user_id`, `day`, `kind`),
	FOREIGN KEY (`network_id`) REFERENCES `networks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `daily_counters_day_idx` ON `daily_counters` (`day`);--> statement-breakpoint
CREATE TABLE `deletion_log` (
	`id` text PRIMARY KEY NOT NULL,
	`network_id` text NOT NULL,
	`user_id` text NOT NULL,
	`contributions` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`network_id`) REFERENCES `networks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `deletion_log_network_idx` ON `deletion_log` (`network_id`,`id`);--> statement-breakpoint
CREATE TABLE `moderation_log` (
	`id` text PRIMARY KEY NOT NULL,
	`network_id` text NOT NULL,
	`site_key` text NOT NULL,
	`action` text NOT NULL,
	`target_type` text,
	`target_id` text,
	`user_id` text,
	`actor_id` text,
	`reason` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`network_id`) REFERENCES `networks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `moderation_log_network_idx` ON `moderation_log` (`network_id`,`id`);--> statement-breakpoint
CREATE INDEX `moderation_log_user_idx` ON `moderation_log` (`network_id`,`user_id`);--> statement-breakpoint
CREATE TABLE `recent_posts` (
	`network_id` text NOT NULL,
	`user_id` text NOT NULL,
	`fingerprint` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`network_id`, `user_id`, `fingerprint`),
	FOREIGN KEY (`network_id`) REFERENCES `networks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `recent_posts_created_idx` ON `recent_posts` (`created_at`);--> statement-breakpoint
CREATE TABLE `reports` (
	`id` text PRIMARY KEY NOT NULL,
	`network_id` text NOT NULL,
	`neighbourhood_id` text NOT NULL,
	`target_type` text NOT NULL,
	`target_id` text NOT NULL,
	`reporter_id` text NOT NULL,
	`reason` text NOT NULL,
	`note` text,
	`status` text DEFAULT 'open' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`closed_at` integer,
	FOREIGN KEY (`network_id`) REFERENCES `networks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`neighbourhood_id`) REFERENCES `neighbourhoods`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reporter_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reports_one_open_idx` ON `reports` (`target_type`,`target_id`,`reporter_id`) WHERE status = 'open';--> statement-breakpoint
CREATE INDEX `reports_queue_idx` ON `reports` (`network_id`,`status`,`target_type`,`target_id`);--> statement-breakpoint
CREATE INDEX `reports_reporter_idx` ON `reports` (`network_id`,`reporter_id`);--> statement-breakpoint
CREATE TABLE `user_blocks` (
	`network_id` text NOT NULL,
	`user_id` text NOT NULL,
	`blocked_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`network_id`, `user_id`),
	FOREIGN KEY (`network_id`) REFERENCES `networks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`blocked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `initiatives` ADD `visibility` text DEFAULT 'visible' NOT NULL;--> statement-breakpoint
CREATE INDEX `initiatives_owner_idx` ON `initiatives` (`network_id`,`owner_id`);--> statement-breakpoint
ALTER TABLE `site_keys` ADD `encrypted_secret` text;--> statement-breakpoint
ALTER TABLE `sites` ADD `policy` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
-- Hand-written: the audit log of moderation is append-only. Nothing may change or remove an entry.
CREATE TRIGGER `moderation_log_no_update` BEFORE UPDATE ON `moderation_log` BEGIN
	SELECT RAISE(ABORT, 'moderation-log-append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `moderation_log_no_delete` BEFORE DELETE ON `moderation_log` BEGIN
	SELECT RAISE(ABORT, 'moderation-log-append-only');
END;
