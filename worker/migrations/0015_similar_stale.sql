-- Since when an initiative's similar ids may be out of date: a write to an initiative it lists marks it, and its list
-- is searched again after that request's response or by the cron (see worker/src/data/similar-refresh.ts).
ALTER TABLE `initiatives` ADD `similar_stale_at` integer;--> statement-breakpoint
-- The few marked, a network's oldest first, for that refresh.
CREATE INDEX `initiatives_similar_stale_idx` ON `initiatives` (`network_id`,`similar_stale_at`,`id`) WHERE "initiatives"."similar_stale_at" is not null;