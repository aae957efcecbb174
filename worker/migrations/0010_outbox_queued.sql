-- When the queue accepted each outbox event; NULL while it still has to be sent, so the cron
-- re-sends events whose send after the commit was lost. Events from before this column count as sent.
ALTER TABLE `outbound_events` ADD `queued_at` integer;--> statement-breakpoint
CREATE INDEX `outbound_events_unqueued_idx` ON `outbound_events` (`created_at`) WHERE queued_at is null;--> statement-breakpoint
UPDATE `outbound_events` SET `queued_at` = `created_at`;
