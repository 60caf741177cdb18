-- Plays: the event outbox, activation state, runs (history of what plays did) and round-robin turns
-- (slot = lower-case team name + '/' + role key).
-- Runs on PostgreSQL and on H2 (MODE=PostgreSQL).

create table play_event (
    id           varchar(300)  primary key,
    type         varchar(40)   not null,
    account_id   varchar(200),
    attribute    varchar(200),
    old_value    varchar(4000),
    new_value    varchar(4000),
    role_key     varchar(200),
    from_email   varchar(320),
    to_email     varchar(320),
    user_email   varchar(320),
    event_date   date          not null,
    depth        integer       not null default 0,
    chain        varchar(4000),
    status       varchar(20)   not null,
    reason       varchar(4000),
    created_at   timestamp     not null,
    handled_at   timestamp
);
create index play_event_pending on play_event (status, created_at);

create table play_activation (
    play        varchar(200) primary key,
    active      boolean      not null,
    changed_at  timestamp    not null,
    changed_by  varchar(320)
);

create sequence play_run_seq start with 1 increment by 50;
create table play_run (
    id           bigint        primary key,
    play         varchar(200)  not null,
    rule_name    varchar(500)  not null,
    event_id     varchar(300)  not null,
    account_id   varchar(200),
    action       varchar(40)   not null,
    role_key     varchar(200),
    before_value varchar(320),
    after_value  varchar(320),
    detail       varchar(4000),
    outcome      varchar(20)   not null,
    reason       varchar(4000),
    at           timestamp     not null
);
create index play_run_by_play on play_run (play, at);
create index play_run_by_event on play_run (event_id);

create table play_rotation (
    slot        varchar(500) primary key,
    last_email  varchar(320)
);
