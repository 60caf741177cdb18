-- Account imports: one row per upload, its progress while it runs and its report at the end, so any instance
-- answers GET /api/imports/{id}. Runs on PostgreSQL and H2 (MODE=PostgreSQL).
create table account_import (
    id            varchar(40)  primary key,
    actor         varchar(320) not null,
    format        varchar(10)  not null,
    status        varchar(10)  not null,
    rows_done     bigint       not null,
    created       bigint       not null,
    updated       bigint       not null,
    unchanged     bigint       not null,
    error_count   bigint       not null,
    errors        text,
    failure       varchar(2000),
    started_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    finished_at   timestamp with time zone
);
create index account_import_actor on account_import (actor, started_at);
