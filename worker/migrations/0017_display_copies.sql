ALTER TABLE `events` ADD `organiser_name` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `events_organiser_idx` ON `events` (`network_id`,`organiser_id`);--> statement-breakpoint
ALTER TABLE `help_offers` ADD `professional_name` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `help_offers` ADD `professional_job_title` text;--> statement-breakpoint
ALTER TABLE `help_offers` ADD `organisation_name` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `help_offers` ADD `organisation_kind` text DEFAULT 'other' NOT NULL;--> statement-breakpoint
CREATE INDEX `offers_professional_idx` ON `help_offers` (`network_id`,`professional_id`);--> statement-breakpoint
ALTER TABLE `initiative_status_changes` ADD `changed_by_name` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `status_changes_user_idx` ON `initiative_status_changes` (`network_id`,`changed_by`);--> statement-breakpoint
ALTER TABLE `initiative_updates` ADD `author_name` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `updates_author_idx` ON `initiative_updates` (`network_id`,`author_id`);--> statement-breakpoint
ALTER TABLE `memberships` ADD `user_name` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `memberships` ADD `user_organisation_id` text;--> statement-breakpoint
ALTER TABLE `memberships` ADD `user_organisation_name` text;--> statement-breakpoint
CREATE INDEX `memberships_organisation_idx` ON `memberships` (`network_id`,`user_organisation_id`) WHERE "memberships"."user_organisation_id" is not null;--> statement-breakpoint

-- Hand-written from here (drizzle-kit cannot express triggers). The rows that name a user carry
-- the name (and for members and offers the organisation and job title) that an initiative's page
-- shows, so the page reads no users, organisations or profiles row per entry. Triggers set the
-- copies when a row is written and keep them right when a user is renamed, changes organisation
-- or deletes their account (see data/privacy.ts), and when an organisation or profile changes.

-- The copies of the rows written before now.
UPDATE `memberships` SET
	user_name = (SELECT u.display_name FROM `users` u WHERE u.id = memberships.user_id),
	user_organisation_id = (SELECT o.id FROM `users` u JOIN `organisations` o ON o.id = u.organisation_id AND o.network_id = memberships.network_id WHERE u.id = memberships.user_id AND u.is_professional),
	user_organisation_name = (SELECT o.name FROM `users` u JOIN `organisations` o ON o.id = u.organisation_id AND o.network_id = memberships.network_id WHERE u.id = memberships.user_id AND u.is_professional);
--> statement-breakpoint
UPDATE `initiative_status_changes` SET changed_by_name = (SELECT u.display_name FROM `users` u WHERE u.id = initiative_status_changes.changed_by);
--> statement-breakpoint
UPDATE `initiative_updates` SET author_name = (SELECT u.display_name FROM `users` u WHERE u.id = initiative_updates.author_id);
--> statement-breakpoint
UPDATE `help_offers` SET
	professional_name = (SELECT u.display_name FROM `users` u WHERE u.id = help_offers.professional_id),
	professional_job_title = (SELECT p.job_title FROM `professional_profiles` p WHERE p.user_id = help_offers.professional_id),
	organisation_name = (SELECT o.name FROM `organisations` o WHERE o.id = help_offers.organisation_id),
	organisation_kind = (SELECT o.kind FROM `organisations` o WHERE o.id = help_offers.organisation_id);
--> statement-breakpoint
UPDATE `events` SET organiser_name = (SELECT u.display_name FROM `users` u WHERE u.id = events.organiser_id);
--> statement-breakpoint

-- A new row takes the copies as they are now (AFTER INSERT: SQLite cannot change NEW before it).
CREATE TRIGGER `memberships_copies_after_insert` AFTER INSERT ON `memberships` BEGIN
	UPDATE `memberships` SET
		user_name = (SELECT u.display_name FROM `users` u WHERE u.id = new.user_id),
		user_organisation_id = (SELECT o.id FROM `users` u JOIN `organisations` o ON o.id = u.organisation_id AND o.network_id = new.network_id WHERE u.id = new.user_id AND u.is_professional),
		user_organisation_name = (SELECT o.name FROM `users` u JOIN `organisations` o ON o.id = u.organisation_id AND o.network_id = new.network_id WHERE u.id = new.user_id AND u.is_professional)
	WHERE network_id = new.network_id AND initiative_id = new.initiative_id AND user_id = new.user_id;
END;
--> statement-breakpoint
CREATE TRIGGER `status_changes_copies_after_insert` AFTER INSERT ON `initiative_status_changes` BEGIN
	UPDATE `initiative_status_changes` SET changed_by_name = (SELECT u.display_name FROM `users` u WHERE u.id = new.changed_by)
	WHERE id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `updates_copies_after_insert` AFTER INSERT ON `initiative_updates` BEGIN
	UPDATE `initiative_updates` SET author_name = (SELECT u.display_name FROM `users` u WHERE u.id = new.author_id)
	WHERE id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `help_offers_copies_after_insert` AFTER INSERT ON `help_offers` BEGIN
	UPDATE `help_offers` SET
		professional_name = (SELECT u.display_name FROM `users` u WHERE u.id = new.professional_id),
		professional_job_title = (SELECT p.job_title FROM `professional_profiles` p WHERE p.user_id = new.professional_id),
		organisation_name = (SELECT o.name FROM `organisations` o WHERE o.id = new.organisation_id),
		organisation_kind = (SELECT o.kind FROM `organisations` o WHERE o.id = new.organisation_id)
	WHERE id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `events_copies_after_insert` AFTER INSERT ON `events` BEGIN
	UPDATE `events` SET organiser_name = (SELECT u.display_name FROM `users` u WHERE u.id = new.organiser_id)
	WHERE id = new.id;
END;
--> statement-breakpoint

-- A rename, also to "Voormalig buurtbewoner" when the account is deleted, shows everywhere at once.
CREATE TRIGGER `users_name_after_update` AFTER UPDATE OF display_name ON `users` WHEN old.display_name IS NOT new.display_name BEGIN
	UPDATE `memberships` SET user_name = new.display_name WHERE network_id = new.network_id AND user_id = new.id;
	UPDATE `initiative_status_changes` SET changed_by_name = new.display_name WHERE network_id = new.network_id AND changed_by = new.id;
	UPDATE `initiative_updates` SET author_name = new.display_name WHERE network_id = new.network_id AND author_id = new.id;
	UPDATE `help_offers` SET professional_name = new.display_name WHERE network_id = new.network_id AND professional_id = new.id;
	UPDATE `events` SET organiser_name = new.display_name WHERE network_id = new.network_id AND organiser_id = new.id;
END;
--> statement-breakpoint
-- A member shows an organisation only while they are a professional of it (a deleted account is neither).
CREATE TRIGGER `users_organisation_after_update` AFTER UPDATE OF organisation_id, is_professional ON `users`
WHEN old.organisation_id IS NOT new.organisation_id OR old.is_professional IS NOT new.is_professional BEGIN
	UPDATE `memberships` SET
		user_organisation_id = (SELECT o.id FROM `organisations` o WHERE o.id = new.organisation_id AND o.network_id = new.network_id AND new.is_professional),
		user_organisation_name = (SELECT o.name FROM `organisations` o WHERE o.id = new.organisation_id AND o.network_id = new.network_id AND new.is_professional)
	WHERE network_id = new.network_id AND user_id = new.id;
END;
--> statement-breakpoint
-- An offer keeps the organisation it was made for; members show the one they belong to now.
CREATE TRIGGER `organisations_name_after_update` AFTER UPDATE OF name, kind ON `organisations` BEGIN
	UPDATE `memberships` SET user_organisation_name = new.name WHERE network_id = new.network_id AND user_organisation_id = new.id;
	UPDATE `help_offers` SET organisation_name = new.name, organisation_kind = new.kind WHERE network_id = new.network_id AND organisation_id = new.id;
END;
--> statement-breakpoint
-- Offers show the professional's job title while they have a profile.
CREATE TRIGGER `professional_profiles_after_insert` AFTER INSERT ON `professional_profiles` BEGIN
	UPDATE `help_offers` SET professional_job_title = new.job_title WHERE network_id = new.network_id AND professional_id = new.user_id;
END;
--> statement-breakpoint
CREATE TRIGGER `professional_profiles_after_update` AFTER UPDATE OF job_title ON `professional_profiles` BEGIN
	UPDATE `help_offers` SET professional_job_title = new.job_title WHERE network_id = new.network_id AND professional_id = new.user_id;
END;
--> statement-breakpoint
CREATE TRIGGER `professional_profiles_after_delete` AFTER DELETE ON `professional_profiles` BEGIN
	UPDATE `help_offers` SET professional_job_title = NULL WHERE network_id = old.network_id AND professional_id = old.user_id;
END;
