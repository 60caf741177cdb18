-- Tasks have a priority (plays create tasks "with high priority"); every task so far is NORMAL.
-- Runs on PostgreSQL and H2 (MODE=PostgreSQL).
alter table task add column priority varchar(10) not null default 'NORMAL';
