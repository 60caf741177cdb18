-- A user's out-of-office period (one per user: a new one replaces it) and who covers for them.
create table user_availability (
    email       varchar(320) primary key references app_user (email),
    from_date   date not null,
    to_date     date not null,
    cover_email varchar(320) references app_user (email),
    -- set when the leave was ended before its last day (DELETE): the user is back from that day on
    ended_on    date,
    updated_at  timestamp with time zone not null,
    updated_by  varchar(320) not null
);
create index user_availability_dates on user_availability (from_date, to_date);
