-- Each neighbourhood's visible initiatives newest first, with and without a status, so the list steps over no hidden entry.
DROP INDEX `initiatives_neighbourhood_idx`;--> statement-breakpoint
CREATE INDEX `initiatives_visible_idx` ON `initiatives` (`network_id`,`neighbourhood_id`,`visibility`,`id`);--> statement-breakpoint
CREATE INDEX `initiatives_visible_status_idx` ON `initiatives` (`network_id`,`neighbourhood_id`,`visibility`,`status`,`id`);