-- How long a network's meetings last, longest last: an upcoming list looks back only as far as its longest meeting, instead of stepping over every meeting that is over.
CREATE INDEX `events_duration_idx` ON `events` (`network_id`,(coalesce(ends_at, starts_at) - starts_at));
