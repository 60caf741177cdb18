-- Plays live in the database, with versions. Runs on PostgreSQL and on H2 (MODE=PostgreSQL).

-- Every save of a play (over the API, or a file of the rules directory loaded) is a version: numbered 1, 2, ... per
-- play, never changed afterwards. status OK or ERROR; errors and warnings are JSON arrays of {line,column,message}.
create sequence play_version_seq start with 1 increment by 50;
create table play_version (
    id           bigint          primary key,
    play         varchar(200)    not null,
    version      integer         not null,
    file_name    varchar(300)    not null,
    team         varchar(200),
    description  varchar(1000),
    author       varchar(320)    not null,
    origin       varchar(10)     not null,
    created_at   timestamp with time zone not null,
    source       varchar(1000000) not null,
    source_hash  varchar(64)     not null,
    status       varchar(10)     not null,
    errors       varchar(100000) not null,
    warnings     varchar(100000) not null,
    constraint play_version_number unique (play, version)
);

-- An active play runs one version: the one activated (the latest OK one, or an older one rolled back to).
-- Rows from before versions have no version: the latest OK version is the one in force.
alter table play_activation add column version integer;

-- The files of the rules directory as last loaded, by any instance: a file is loaded as a version only when its
-- content changed since (and differs from the play's latest version), so restarts add no versions.
create table play_file (
    file_name    varchar(300) primary key,
    source_hash  varchar(64)  not null,
    loaded_at    timestamp with time zone not null
);

-- One counter raised by every change of versions or activations, in the same transaction. Each instance polls it
-- and rebuilds its play book when it moved; its row lock also serialises changes to plays across instances.
create table play_revision (
    id        integer primary key,
    revision  bigint  not null
);
insert into play_revision (id, revision) values (1, 0);
