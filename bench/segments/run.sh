#!/usr/bin/env bash
# Segments at scale: ACCOUNTS accounts (3 attributes each) and 3 seats per account, written in SQL into a fresh
# database of the packaged PostgreSQL build; then, for each filter kind, REQUESTS first pages (size 50) of
# GET /api/accounts as a client sees them (curl's total time), the same with count=true (the exact count every page
# used to run), and the page query alone in SQL (pgbench, the same statement the service sends, without count).
# Prints p50/p95 in ms per filter kind and the ratio of the API's p95 to the goal (20 ms). The first row, one account
# by its id, is the floor: what any request costs on this machine at this moment (HTTP, authentication, JSON).
#
#   bench/segments/run.sh                                  # 1,000,000 accounts, 3,000,000 seats
#   ACCOUNTS=100000 bench/segments/run.sh                  # smaller
#   APP_DIR=target/quarkus-app bench/segments/run.sh       # no packaging (bench/run.sh packages once)
#   KEEP_DB=1 ...                                          # reuse the data of the last run (same ACCOUNTS)
set -euo pipefail
ACCOUNTS=${ACCOUNTS:-1000000}; REQUESTS=${REQUESTS:-40}; DB=${DB:-teamplay_segments_bench}; PORT=${PORT:-18796}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
APP=${APP_DIR:-$ROOT/target/quarkus-app}
if [[ -z "${APP_DIR:-}" ]]; then (cd "$ROOT" && ./mvnw -q -o -B package -Ppostgres -DskipTests); fi
W=$(mktemp -d)
TOKEN=segments-bench-token-of-at-least-32-characters
log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

if [[ -z "${KEEP_DB:-}" ]]; then
  psql -q -d postgres -c "drop database if exists $DB" -c "create database $DB" >/dev/null 2>&1
fi
QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://$PGHOST:5432/$DB QUARKUS_DATASOURCE_USERNAME=$PGUSER \
TEAMPLAY_ADMIN_TOKEN=$TOKEN TEAMPLAY_PLAYS_WORKER=false TEAMPLAY_DIGEST_EVERY=off \
  java ${BENCH_JAVA_OPTS:-} -Dquarkus.http.port=$PORT -Dquarkus.log.level=WARN -jar "$APP/quarkus-run.jar" >"$W/service.log" 2>&1 &
APPPID=$!
trap 'kill $APPPID 2>/dev/null || true' EXIT
for _ in $(seq 1 480); do curl -fs "localhost:$PORT/q/health/ready" >/dev/null 2>&1 && break; kill -0 $APPPID 2>/dev/null || { tail -20 "$W/service.log" >&2; exit 1; }; sleep 0.5; done

if [[ -z "${KEEP_DB:-}" ]]; then
  log "writing $ACCOUNTS accounts, $((ACCOUNTS * 3)) attributes, $((ACCOUNTS * 3)) seats"
  psql -q -d "$DB" >/dev/null <<SQL
insert into account_role (role_key, display_name, source, editable, empty_value_behavior)
values ('renewal_manager', 'Renewal Manager', 'APP', true, 'IGNORE'), ('support_lead', 'Support Lead', 'APP', true, 'IGNORE');
insert into account (id, name, created_at)
select 'acct-' || lpad(g::text, 7, '0'), 'Account ' || g, now() from generate_series(1, $ACCOUNTS) g;
insert into account_attribute (account_id, name, json_value)
select 'acct-' || lpad(g::text, 7, '0'), a.name,
       case a.name when 'segment' then '"' || (array['enterprise','mid','smb','startup'])[g % 4 + 1] || '"'
                   when 'region' then '"' || (array['emea','amer','apac'])[g % 3 + 1] || '"'
                   else '"t' || (g % 10) || '"' end
  from generate_series(1, $ACCOUNTS) g, (values ('segment'), ('region'), ('tier')) a(name);
-- success and sales managers everywhere; a renewal manager on two accounts in three, a support lead on the third
insert into assignment (id, account_id, role_key, email, name, assigned_at)
select g * 4 + r.k, 'acct-' || lpad(g::text, 7, '0'), r.role,
       'user' || ((g * r.k * 7 + r.k) % 500) || '@bench.example', null, now()
  from generate_series(1, $ACCOUNTS) g,
       (values (1, 'success_manager'), (2, 'sales_manager'), (3, 'renewal_manager'), (4, 'support_lead')) r(k, role)
 where r.k <= 2 or (r.k = 3 and g % 3 <> 0) or (r.k = 4 and g % 3 = 0);
select setval('assignment_seq', (select max(id) + 100 from assignment));
vacuum analyze account; vacuum analyze account_attribute; vacuum analyze assignment;
SQL
fi
log "$(psql -tA -d "$DB" -c "select (select count(*) from account) || ' accounts, ' || (select count(*) from assignment) || ' seats'")"

# name | query string | the same filter in SQL (the statement SegmentQuery sends for the page)
KINDS=(
  "floor: one account|/api/accounts/acct-0000001?|id = 'acct-0000001'"
  "role+assignee|/api/accounts?role=success_manager&assignee=user7@bench.example|exists (select 1 from assignment s where s.account_id = a.id and s.role_key = 'success_manager' and s.email = 'user7@bench.example')"
  "assignee|/api/accounts?assignee=user7@bench.example|exists (select 1 from assignment s where s.account_id = a.id and s.email = 'user7@bench.example')"
  "attribute|/api/accounts?attr.segment=enterprise|exists (select 1 from account_attribute t0 where t0.account_id = a.id and t0.name = 'segment' and t0.json_value in ('\"enterprise\"'))"
  "role+attribute|/api/accounts?role=renewal_manager&attr.tier=t3|exists (select 1 from assignment s where s.account_id = a.id and s.role_key = 'renewal_manager') and exists (select 1 from account_attribute t0 where t0.account_id = a.id and t0.name = 'tier' and t0.json_value in ('\"t3\"'))"
  "two attributes|/api/accounts?attr.segment=smb&attr.region=apac|exists (select 1 from account_attribute t0 where t0.account_id = a.id and t0.name = 'segment' and t0.json_value in ('\"smb\"')) and exists (select 1 from account_attribute t1 where t1.account_id = a.id and t1.name = 'region' and t1.json_value in ('\"apac\"'))"
  "noHolder+attribute|/api/accounts?noHolder=renewal_manager&attr.segment=smb|not exists (select 1 from assignment h where h.account_id = a.id and h.role_key = 'renewal_manager') and exists (select 1 from account_attribute t0 where t0.account_id = a.id and t0.name = 'segment' and t0.json_value in ('\"smb\"'))"
)

percentiles() { # stdin: one figure (ms) a line; prints "p50 p95"
  sort -n | awk '{a[NR]=$1} END {i50=int(NR*0.5+0.5); i95=int(NR*0.95+0.5); if (i95<1) i95=1; printf "%.1f %.1f", a[i50], a[i95]}'
}
api() { # $1 = path and query string; prints "p50 p95 total"
  for i in $(seq 1 3); do curl -s -o /dev/null -H "Authorization: Bearer $TOKEN" "localhost:$PORT$1&size=50"; done
  for i in $(seq 1 "$REQUESTS"); do
    curl -s -o "$W/page.json" -w '%{time_total}\n' -H "Authorization: Bearer $TOKEN" "localhost:$PORT$1&size=50" \
      | awk '{printf "%.3f\n", $1 * 1000}'
  done | percentiles
  printf ' %s' "$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print(("%d" if r.get("totalExact", True) else "%d+") % r["total"] if "total" in r else r.get("status", "-"))' "$W/page.json")"
}
sql_alone() { # $1 = where clause, $2 = "count" to add the bounded count; prints "p50 p95" (pgbench, per-transaction log)
  echo "select a.id from account a where $1 order by a.id limit 50;" >"$W/page.sql"
  [[ "${2:-}" == count ]] && echo "select count(*) from (select 1 from account a where $1 limit 201) c;" >>"$W/page.sql"
  rm -f "$W"/pgbench_log.*
  (cd "$W" && pgbench -n -f page.sql -t "$REQUESTS" -l "$DB" >/dev/null 2>&1)
  awk '{printf "%.3f\n", $3 / 1000}' "$W"/pgbench_log.* | percentiles
}

printf '%-20s %22s %26s %22s %10s %24s\n' "filter (first page)" "API p50/p95 ms" "API count=true p50/p95" "SQL page alone p50/p95" "p95/goal" "SQL page+count<=201"
for kind in "${KINDS[@]}"; do
  IFS='|' read -r name query where <<<"$kind"
  read -r a50 a95 atotal <<<"$(api "$query")"
  if [[ "$query" == /api/accounts\?* ]]; then read -r c50 c95 ctotal <<<"$(api "$query&count=true")"; else c50=-; c95=-; ctotal=-; fi
  read -r s50 s95 <<<"$(sql_alone "$where")"
  read -r b50 b95 <<<"$(sql_alone "$where" count)"
  printf '%-20s %10s/%-6s %-5s %12s/%-6s %-7s %14s/%-6s %9.2f %16s/%-6s\n' "$name" "$a50" "$a95" "$atotal" "$c50" "$c95" "$ctotal" "$s50" "$s95" \
    "$(awk -v p="$a95" 'BEGIN {print p / 20}')" "$b50" "$b95"
done
if [[ -n "${EXPLAIN:-}" ]]; then
  for kind in "${KINDS[@]:1}"; do
    IFS='|' read -r name query where <<<"$kind"
    echo "== $name: $query"
    psql -d "$DB" -c "explain (analyze, buffers off, costs off, timing off) select a.id from account a where $where order by a.id limit 50"
    psql -d "$DB" -c "explain (analyze, buffers off, costs off, timing off) select count(*) from (select 1 from account a where $where limit 201) c"
  done
fi
