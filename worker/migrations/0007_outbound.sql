CREATE TABLE `follows` (
	`user_id` text NOT NULL,
	`target_type` text NOT NULL,
	`target_id` text NOT NULL,
	`network_id` text NOT NULL,
	`site_key` text NOT NULL,
	`frequency` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`user_id`, `target_type`, `target_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`network_id`) REFERENCES `networks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `follows_target_idx` ON `follows` (`network_id`,`target_type`,`target_id`,`frequency`);--> statement-breakpoint
CREATE INDEX `follows_frequency_idx` ON `follows` (`network_id`,`frequency`,`user_id`);--> statement-breakpoint
CREATE TABLE `live_tickets` (
	`ticket_hash` text PRIMARY KEY NOT NULL,
	`network_id` text NOT NULL,
	`site_key` text NOT NULL,
	`thread_id` text NOT NULL,
	`user_id` text,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	FOREIGN KEY (`network_id`) REFERENCES `networks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `live_tickets_expires_idx` ON `live_tickets` (`expires_at`);--> statement-breakpoint
CREATE TABLE `notification_sends` (
	`user_id` text NOT NULL,
	`event_id` text NOT NULL,
	`network_id` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`user_id`, `event_id`),
	FOREIGN KEY (`network_id`) REFERENCES `networks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `notification_settings` (
	`user_id` text PRIMARY KEY NOT NULL,
	`network_id` text NOT NULL,
	`locale` text DEFAULT 'nl' NOT NULL,
	`link_origin` text NOT NULL,
	`daily_digest_until` integer,
	`weekly_digest_until` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`network_id`) REFERENCES `networks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `outbound_events` (
	`id` text PRIMARY KEY NOT NULL,
	`network_id` text NOT NULL,
	`site_key` text NOT NULL,
	`type` text NOT NULL,
	`actor_id` text,
	`neighbourhood_id` text NOT NULL,
	`initiative_id` text,
	`thread_id` text,
	`subject_id` text NOT NULL,
	`payload` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`network_id`) REFERENCES `networks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `outbound_events_neighbourhood_idx` ON `outbound_events` (`network_id`,`neighbourhood_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `outbound_events_initiative_idx` ON `outbound_events` (`initiative_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `outbound_events_thread_idx` ON `outbound_events` (`thread_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `webhook_deliveries` (
	`endpoint_id` text NOT NULL,
	`event_id` text NOT NULL,
	`network_id` text NOT NULL,
	`event_type` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_response_status` integer,
	`last_error` text,
	`last_attempt_at` integer,
	`delivered_at` integer,
	PRIMARY KEY(`endpoint_id`, `event_id`),
	FOREIGN KEY (`network_id`) REFERENCES `networks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `webhook_endpoints` (
	`id` text PRIMARY KEY NOT NULL,
	`network_id` text NOT NULL,
	`site_key` text NOT NULL,
	`url` text NOT NULL,
	`event_types` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`secret_sealed` text NOT NULL,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`network_id`) REFERENCES `networks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`site_key`) REFERENCES `sites`(`key`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `webhook_endpoints_site_idx` ON `webhook_endpoints` (`site_key`,`id`);