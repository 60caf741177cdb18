-- Saved segments: a named filter over accounts (the one GET /api/accounts takes), which plays can name.
create table saved_segment (
    name        varchar(200) primary key,
    filter_json varchar(4000) not null,
    updated_by  varchar(320)  not null,
    updated_at  timestamp with time zone not null
);
