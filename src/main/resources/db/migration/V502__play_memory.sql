-- The plays' memory: a rule that acts "once per account" or "once per value of an attribute" remembers each key it
-- acted on, per account, whatever version of its play runs (re-saving a play forgets nothing).
create table play_memory (
    play        varchar(200)  not null,
    rule_name   varchar(500)  not null,
    account_id  varchar(200)  not null,
    memory_key  varchar(1000) not null,
    event_id    varchar(300)  not null,
    at          timestamp     not null,
    primary key (account_id, play, rule_name, memory_key)
);

-- Each run shows the memory key its firing was about.
alter table play_run add column once_key varchar(1000);

-- The days whose daily tick was queued: a day missed (the service was down at the daily time) is made up for.
create table play_daily_run (
    tick_date   date       primary key,
    at          timestamp  not null
);
