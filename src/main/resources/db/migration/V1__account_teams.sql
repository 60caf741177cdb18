-- Account teams: users, roles, accounts, assignments, tasks. Runs on PostgreSQL and H2 (MODE=PostgreSQL).

-- Emails are stored normalised (trimmed, lower case): one row per person whatever the case they were typed in.
create table app_user (
    email       varchar(320) primary key check (email = lower(trim(email))),
    name        varchar(200) not null,
    license     varchar(20)  not null,
    permission  varchar(20)  not null,
    status      varchar(20)  not null,
    created_at  timestamp with time zone not null
);
create index app_user_name on app_user (name);

create table user_team (
    email varchar(320) not null references app_user (email),
    team  varchar(200) not null,
    primary key (email, team)
);
create index user_team_team on user_team (team);

create table api_token (
    token_hash  varchar(64)  primary key,
    email       varchar(320) not null references app_user (email),
    created_at  timestamp with time zone not null
);

create table admin_token (
    id          int primary key,
    token_hash  varchar(64) not null,
    created_at  timestamp with time zone not null
);

create table account_role (
    role_key              varchar(100) primary key,
    display_name          varchar(100) not null,
    description           varchar(1000),
    source                varchar(20)  not null,
    editable              boolean      not null,
    empty_value_behavior  varchar(10)  not null
);
insert into account_role (role_key, display_name, description, source, editable, empty_value_behavior)
values ('success_manager', 'Success Manager', 'Owns the customer relationship after the sale', 'APP', true, 'IGNORE'),
       ('sales_manager', 'Sales Manager', 'Owns the commercial relationship', 'APP', true, 'IGNORE');

create table account (
    id          varchar(200) primary key,
    name        varchar(500) not null,
    created_at  timestamp with time zone not null
);

-- Typed JSON scalar per attribute, stored as its JSON text ("enterprise", 120000, true).
create table account_attribute (
    account_id  varchar(200) not null references account (id),
    name        varchar(200) not null,
    json_value  varchar(4000) not null,
    primary key (account_id, name)
);
create index account_attribute_value on account_attribute (name, json_value);

create sequence assignment_seq increment by 50;
create table assignment (
    id           bigint primary key,
    account_id   varchar(200) not null references account (id),
    role_key     varchar(100) not null,
    email        varchar(320) not null,
    name         varchar(200),
    assigned_at  timestamp with time zone not null,
    constraint assignment_one_holder_per_role unique (account_id, role_key)
);
create index assignment_email on assignment (email);
create index assignment_role on assignment (role_key);

create sequence assignment_history_seq increment by 50;
create table assignment_history (
    id          bigint primary key,
    account_id  varchar(200) not null,
    at          timestamp with time zone not null,
    role_key    varchar(100) not null,
    from_email  varchar(320),
    to_email    varchar(320),
    source      varchar(20)  not null,
    actor       varchar(320) not null,
    play        varchar(200),
    rule_name   varchar(500),
    tasks_moved int not null
);
create index assignment_history_account on assignment_history (account_id, at);

create sequence task_seq increment by 50;
create table task (
    id          bigint primary key,
    account_id  varchar(200) not null references account (id),
    title       varchar(1000) not null,
    assignee    varchar(320),
    role_key    varchar(100),
    source      varchar(20)  not null,
    status      varchar(10)  not null,
    due_date    date,
    created_at  timestamp with time zone not null
);
create index task_account_assignee on task (account_id, assignee, status);
create index task_assignee on task (assignee, status);

create table task_ownership_setting (
    id      int primary key,
    policy  varchar(30) not null
);
insert into task_ownership_setting (id, policy) values (1, 'ACCOUNT_ONLY');
