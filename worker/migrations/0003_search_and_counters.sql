-- Search over initiatives (FTS5, kept in sync by triggers) and the counters on parent rows,
-- kept by triggers so that a count always changes in the same transaction as what it counts.
-- Hand-written: drizzle-kit cannot express virtual tables or triggers.

-- External-content FTS5 index over the initiatives' text, keyed by the initiatives' rowid
-- (stable on D1, which never VACUUMs). Diacritics are folded so "cafe" finds "café".
CREATE VIRTUAL TABLE `initiatives_fts` USING fts5(
	title, summary, body,
	content='initiatives', content_rowid='rowid',
	tokenize='unicode61 remove_diacritics 2', prefix='3'
);
--> statement-breakpoint
INSERT INTO `initiatives_fts`(rowid, title, summary, body) SELECT rowid, title, summary, body FROM `initiatives`;
--> statement-breakpoint
CREATE TRIGGER `initiatives_fts_after_insert` AFTER INSERT ON `initiatives` BEGIN
	INSERT INTO `initiatives_fts`(rowid, title, summary, body) VALUES (new.rowid, new.title, new.summary, new.body);
END;
--> statement-breakpoint
CREATE TRIGGER `initiatives_fts_after_delete` AFTER DELETE ON `initiatives` BEGIN
	INSERT INTO `initiatives_fts`(`initiatives_fts`, rowid, title, summary, body) VALUES ('delete', old.rowid, old.title, old.summary, old.body);
END;
--> statement-breakpoint
CREATE TRIGGER `initiatives_fts_after_update` AFTER UPDATE OF title, summary, body ON `initiatives` BEGIN
	INSERT INTO `initiatives_fts`(`initiatives_fts`, rowid, title, summary, body) VALUES ('delete', old.rowid, old.title, old.summary, old.body);
	INSERT INTO `initiatives_fts`(rowid, title, summary, body) VALUES (new.rowid, new.title, new.summary, new.body);
END;
--> statement-breakpoint

-- Supporters: one row per +1.
CREATE TRIGGER `supports_after_insert` AFTER INSERT ON `supports` BEGIN
	UPDATE `initiatives` SET supporter_count = supporter_count + 1 WHERE id = new.initiative_id;
END;
--> statement-breakpoint
CREATE TRIGGER `supports_after_delete` AFTER DELETE ON `supports` BEGIN
	UPDATE `initiatives` SET supporter_count = supporter_count - 1 WHERE id = old.initiative_id;
END;
--> statement-breakpoint

-- Members: only active memberships count (an invitation does not).
CREATE TRIGGER `memberships_after_insert` AFTER INSERT ON `memberships` WHEN new.status = 'active' BEGIN
	UPDATE `initiatives` SET member_count = member_count + 1 WHERE id = new.initiative_id;
END;
--> statement-breakpoint
CREATE TRIGGER `memberships_after_delete` AFTER DELETE ON `memberships` WHEN old.status = 'active' BEGIN
	UPDATE `initiatives` SET member_count = member_count - 1 WHERE id = old.initiative_id;
END;
--> statement-breakpoint
CREATE TRIGGER `memberships_after_update` AFTER UPDATE OF status ON `memberships` WHEN old.status <> new.status BEGIN
	UPDATE `initiatives`
	SET member_count = member_count + (CASE WHEN new.status = 'active' THEN 1 ELSE -1 END)
	WHERE id = new.initiative_id;
END;
--> statement-breakpoint

-- Comments: a thread counts its visible comments and knows its last activity; a comment counts its replies.
CREATE TRIGGER `comments_after_insert` AFTER INSERT ON `comments` BEGIN
	UPDATE `threads`
	SET comment_count = comment_count + (new.status = 'visible'), last_activity_at = new.created_at
	WHERE id = new.thread_id;
	UPDATE `comments` SET reply_count = reply_count + 1 WHERE id = new.parent_id;
END;
--> statement-breakpoint
CREATE TRIGGER `comments_after_status_update` AFTER UPDATE OF status ON `comments` WHEN (old.status = 'visible') <> (new.status = 'visible') BEGIN
	UPDATE `threads`
	SET comment_count = comment_count + (CASE WHEN new.status = 'visible' THEN 1 ELSE -1 END)
	WHERE id = new.thread_id;
END;
--> statement-breakpoint

-- Meetings: attendees are RSVPs that are going; capacity is enforced here, so that no
-- interleaving of requests can over-book a meeting.
CREATE TRIGGER `event_rsvps_before_insert` BEFORE INSERT ON `event_rsvps` WHEN new.status = 'going' BEGIN
	SELECT RAISE(ABORT, 'event-full')
	WHERE (SELECT capacity IS NOT NULL AND attendee_count >= capacity FROM `events` WHERE id = new.event_id);
END;
--> statement-breakpoint
CREATE TRIGGER `event_rsvps_before_update` BEFORE UPDATE OF status ON `event_rsvps` WHEN new.status = 'going' AND old.status <> 'going' BEGIN
	SELECT RAISE(ABORT, 'event-full')
	WHERE (SELECT capacity IS NOT NULL AND attendee_count >= capacity FROM `events` WHERE id = new.event_id);
END;
--> statement-breakpoint
CREATE TRIGGER `event_rsvps_after_insert` AFTER INSERT ON `event_rsvps` WHEN new.status = 'going' BEGIN
	UPDATE `events` SET attendee_count = attendee_count + 1 WHERE id = new.event_id;
END;
--> statement-breakpoint
CREATE TRIGGER `event_rsvps_after_update` AFTER UPDATE OF status ON `event_rsvps` WHEN old.status <> new.status BEGIN
	UPDATE `events`
	SET attendee_count = attendee_count + (CASE WHEN new.status = 'going' THEN 1 ELSE -1 END)
	WHERE id = new.event_id;
END;
--> statement-breakpoint
CREATE TRIGGER `event_rsvps_after_delete` AFTER DELETE ON `event_rsvps` WHEN old.status = 'going' BEGIN
	UPDATE `events` SET attendee_count = attendee_count - 1 WHERE id = old.event_id;
END;
