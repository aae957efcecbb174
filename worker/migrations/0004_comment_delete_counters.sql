-- Removing a comment (its author deleted it and it had no replies) keeps the counters of 0003
-- right: the thread no longer counts it and its parent has one reply fewer.
CREATE TRIGGER `comments_after_delete` AFTER DELETE ON `comments` BEGIN
	UPDATE `threads` SET comment_count = comment_count - (old.status = 'visible') WHERE id = old.thread_id;
	UPDATE `comments` SET reply_count = reply_count - 1 WHERE id = old.parent_id;
END;
