ALTER TABLE `networks` ADD `content_version` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `site_neighbourhoods_position_idx` ON `site_neighbourhoods` (`site_key`,`position`);