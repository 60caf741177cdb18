-- Telling people: in-app notifications and the digest outbox. Runs on PostgreSQL and H2 (MODE=PostgreSQL).

-- What a change moved, told to whoever made it (a user's email, 'admin-token', or a play team's admin).
-- Account and role are empty only for the summary of a user being disabled (tasks moved with no seat).
create sequence notification_seq increment by 50;
create table notification (
    id            bigint primary key,
    recipient     varchar(320)  not null,
    account_id    varchar(200),
    account_name  varchar(500),
    role_key      varchar(100),
    role_name     varchar(100),
    from_email    varchar(320),
    to_email      varchar(320),
    tasks_moved   int           not null,
    path          varchar(20)   not null,
    actor         varchar(320)  not null,
    play          varchar(200),
    message       varchar(2000) not null,
    created_at    timestamp with time zone not null,
    read_at       timestamp with time zone
);
create index notification_recipient on notification (recipient, created_at);

-- The digest outbox: one row per change and person who received a role (and maybe tasks), written in the
-- change's transaction. The digest job claims WAITING rows (FOR UPDATE SKIP LOCKED), emails, marks them SENT.
create sequence digest_item_seq increment by 50;
create table digest_item (
    id               bigint primary key,
    recipient        varchar(320)  not null,
    account_id       varchar(200)  not null,
    account_name     varchar(500)  not null,
    role_key         varchar(100)  not null,
    role_name        varchar(100)  not null,
    from_email       varchar(320),
    changed_by       varchar(500)  not null,
    path             varchar(20)   not null,
    created_at       timestamp with time zone not null,
    status           varchar(10)   not null,
    attempts         int           not null,
    next_attempt_at  timestamp with time zone not null,
    last_error       varchar(2000),
    sent_at          timestamp with time zone,
    message_id       varchar(300),
    drop_reason      varchar(2000)
);
create index digest_item_due on digest_item (status, next_attempt_at, recipient);
create index digest_item_recipient on digest_item (recipient, status);

-- The titles of the tasks that came with the role, in the order they moved.
create table digest_item_task (
    item_id   bigint        not null references digest_item (id) on delete cascade,
    position  int           not null,
    task_id   bigint        not null,
    title     varchar(1000) not null,
    primary key (item_id, position)
);
