-- Bounded firing (issue 8). Runs on PostgreSQL and H2 (MODE=PostgreSQL).

-- Firings of a play that passed a limit since it was last activated: at teamplay.plays.limits.deactivate-after the
-- play is deactivated (and its team's admins told).
alter table play_activation add column limit_failures integer not null default 0;

-- Each handling of an event is counted, and committed, before its plays fire: an event whose handling never finished
-- (its worker crashed, hung or was killed) that many times is FAILED instead of being tried again. While a worker
-- handles an event, the event is its until claimed_until; past that another worker may try again.
alter table play_event add column attempts integer not null default 0;
alter table play_event add column claimed_until timestamp;
