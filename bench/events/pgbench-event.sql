-- The writes the worker makes for an event whose play decides once, one transaction each (as the issue's baseline):
-- the event row, a run, the event marked done. pgbench -f bench/events/pgbench-event.sql on the service's database.
\set n random(1, 2000000000)
begin;
insert into play_event (id, type, account_id, event_date, depth, status, created_at, attempts)
  values ('pgb-' || :client_id || '-' || :n, 'DAILY', 'b' || (:n % 200), current_date, 0, 'PENDING', now(), 1)
  on conflict do nothing;
insert into play_run (id, play, rule_name, event_id, account_id, action, outcome, at)
  values (nextval('play_run_seq'), 'bench-0', 'bench 0', 'pgb-' || :client_id || '-' || :n, 'b' || (:n % 200), 'NOTIFY', 'APPLIED', now());
update play_event set status = 'DONE', handled_at = now() where id = 'pgb-' || :client_id || '-' || :n;
commit;
