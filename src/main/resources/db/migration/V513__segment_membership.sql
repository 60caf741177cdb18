-- The saved segments each account was last seen in by the plays (names in lower case): an account enters or leaves a
-- segment once, whatever order its events are handled in.
create table play_segment_membership (
    account_id varchar(200) not null,
    segment    varchar(200) not null,
    primary key (account_id, segment)
);
