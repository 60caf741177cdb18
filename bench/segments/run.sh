#!/usr/bin/env bash
# Segments at scale: ACCOUNTS accounts (3 attributes each) and 3 seats per account, written in SQL into a fresh
# database of the packaged PostgreSQL build; then, for each filter kind, first pages (size 50) of GET /api/accounts
# as a client sees them, the same with count=true (the exact count every page used to run), and the page query alone
# in SQL (pgbench, the same statement the service sends, without count). Requests carry a read-only user's bearer
# token (one token lookup per request, as for every real user; the admin token needs none).
#
# "API": the way a real client calls, and what the issue's row reports: one JVM (KeepAliveClient.java), one
# kept-alive connection, a warm service (WARMUP requests per filter first), REQUESTS timed requests per filter.
# "curl/request": the bench's former way, a new curl process and TCP connection per request (no keep-alive), the
# same number of samples: what a script calling the API once costs.
# Prints p50/p95 in ms per filter kind and the ratio of the API's p95 to the goal (20 ms). The first row, one account
# by its id, is the floor: what any request costs on this machine at this moment (HTTP, authentication, JSON).
#
#   bench/segments/run.sh                                  # 1,000,000 accounts, 3,000,000 seats
#   ACCOUNTS=100000 bench/segments/run.sh                  # smaller
#   APP_DIR=target/quarkus-app bench/segments/run.sh       # no packaging (bench/run.sh packages once)
#   BEFORE_APP=/work/wt/base-app APP_DIR=... bench/segments/run.sh
#                                                          # both builds at once on one database (ports PORT, PORT+1),
#                                                          # their requests interleaved: a second table, "before"
#   KEEP_DB=1 ...                                          # reuse the data of the last run (same ACCOUNTS)
#   COUNT_TRUE=0 CURL_REQUESTS=100 ...                     # shorter: no count=true column, fewer curl samples
set -euo pipefail
ACCOUNTS=${ACCOUNTS:-1000000}; REQUESTS=${REQUESTS:-200}; WARMUP=${WARMUP:-200}; CURL_REQUESTS=${CURL_REQUESTS:-$REQUESTS}; COUNT_TRUE=${COUNT_TRUE:-1}; DB=${DB:-teamplay_segments_bench}; PORT=${PORT:-18796}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
APP=${APP_DIR:-$ROOT/target/quarkus-app}
if [[ -z "${APP_DIR:-}" ]]; then (cd "$ROOT" && ./mvnw -q -o -B package -Ppostgres -DskipTests); fi
W=$(mktemp -d)
TOKEN=segments-bench-token-of-at-least-32-characters
USER_TOKEN=segments-bench-reader-token-of-at-least-32-characters
log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

if [[ -z "${KEEP_DB:-}" ]]; then
  psql -q -d postgres -c "drop database if exists $DB" -c "create database $DB" >/dev/null 2>&1
fi
start() { # $1 = app dir, $2 = port; prints the pid
  QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://$PGHOST:5432/$DB QUARKUS_DATASOURCE_USERNAME=$PGUSER \
  TEAMPLAY_ADMIN_TOKEN=$TOKEN TEAMPLAY_PLAYS_WORKER=false TEAMPLAY_DIGEST_EVERY=off \
    java ${BENCH_JAVA_OPTS:-} -Dquarkus.http.port=$2 -Dquarkus.log.level=WARN -jar "$1/quarkus-run.jar" >"$W/service-$2.log" 2>&1 &
  echo $!
}
ready() { # $1 = pid, $2 = port
  for _ in $(seq 1 480); do curl -fs "localhost:$2/q/health/ready" >/dev/null 2>&1 && return; kill -0 "$1" 2>/dev/null || { tail -20 "$W/service-$2.log" >&2; exit 1; }; sleep 0.5; done
}
APPPID=$(start "$APP" "$PORT")
trap 'kill $APPPID 2>/dev/null || true' EXIT
ready "$APPPID" "$PORT" # migrates the schema; the "before" build starts on it afterwards
BASES="http://localhost:$PORT"
if [[ -n "${BEFORE_APP:-}" ]]; then
  BEFOREPID=$(start "$BEFORE_APP" $((PORT + 1)))
  trap 'kill $APPPID $BEFOREPID 2>/dev/null || true' EXIT
  ready "$BEFOREPID" $((PORT + 1))
  BASES="$BASES,http://localhost:$((PORT + 1))"
fi

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
psql -q -d "$DB" >/dev/null <<SQL
insert into app_user (email, name, license, permission, status, created_at)
values ('reader@bench.example', 'Bench Reader', 'VIEWER', 'READ_ONLY', 'ACTIVE', now())
    on conflict (email) do update set license = 'VIEWER', permission = 'READ_ONLY', status = 'ACTIVE';
insert into api_token (token_hash, email, created_at)
values (encode(sha256('$USER_TOKEN'::bytea), 'hex'), 'reader@bench.example', now()) on conflict do nothing;
SQL
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
kept_alive() { # $@ = paths with query strings; one line per path: "p50 p95 total" for each base in BASES
  java "$ROOT/bench/segments/KeepAliveClient.java" "$USER_TOKEN" "$WARMUP" "$REQUESTS" "$W" "$BASES" "$@"
}
curl_each() { # $1 = base, $2 = path and query string; prints "p50 p95": a new curl process and connection a request
  for i in $(seq 1 3); do curl -s -o /dev/null -H "Authorization: Bearer $USER_TOKEN" "$1$2"; done
  for i in $(seq 1 "$CURL_REQUESTS"); do
    curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $USER_TOKEN" "$1$2" | awk '{printf "%.3f\n", $1 * 1000}'
  done | percentiles
}
sql_alone() { # $1 = where clause, $2 = "count" to add the bounded count; prints "p50 p95" (pgbench, per-transaction log)
  echo "select a.id from account a where $1 order by a.id limit 50;" >"$W/page.sql"
  [[ "${2:-}" == count ]] && echo "select count(*) from (select 1 from account a where $1 limit 201) c;" >>"$W/page.sql"
  rm -f "$W"/pgbench_log.*
  (cd "$W" && pgbench -n -f page.sql -t "$REQUESTS" -l "$DB" >/dev/null 2>&1)
  awk '{printf "%.3f\n", $3 / 1000}' "$W"/pgbench_log.* | percentiles
}

# every request of every filter, kept alive, before any curl (one client JVM: warm-up once per filter and base)
PATHS=()
for kind in "${KINDS[@]}"; do
  IFS='|' read -r name query where <<<"$kind"
  PATHS+=("$query&size=50")
  [[ "$query" == /api/accounts\?* && $COUNT_TRUE == 1 ]] && PATHS+=("$query&count=true&size=50")
done
kept_alive "${PATHS[@]}" >"$W/kept-alive.txt"
IFS=',' read -r -a BASE_LIST <<<"$BASES"
for b in "${!BASE_LIST[@]}"; do
  [[ $b == 1 ]] && printf '\nbefore (%s), the same requests interleaved with the ones above:\n' "$BEFORE_APP"
  printf '%-20s %22s %26s %22s %10s %24s %22s\n' "filter (first page)" "API p50/p95 ms" "API count=true p50/p95" "SQL page alone p50/p95" "p95/goal" "SQL page+count<=201" "curl/request p50/p95"
  line=0
  for kind in "${KINDS[@]}"; do
    IFS='|' read -r name query where <<<"$kind"
    line=$((line + 1)); l=$(sed -n "${line}p" "$W/kept-alive.txt")
    a50=$(cut -d' ' -f$((b * 3 + 1)) <<<"$l"); a95=$(cut -d' ' -f$((b * 3 + 2)) <<<"$l"); atotal=$(cut -d' ' -f$((b * 3 + 3)) <<<"$l")
    if [[ "$query" == /api/accounts\?* && $COUNT_TRUE == 1 ]]; then
      line=$((line + 1)); l=$(sed -n "${line}p" "$W/kept-alive.txt")
      c50=$(cut -d' ' -f$((b * 3 + 1)) <<<"$l"); c95=$(cut -d' ' -f$((b * 3 + 2)) <<<"$l"); ctotal=$(cut -d' ' -f$((b * 3 + 3)) <<<"$l")
    else c50=-; c95=-; ctotal=-; fi
    read -r s50 s95 <<<"$(sql_alone "$where")"
    read -r b50 b95 <<<"$(sql_alone "$where" count)"
    read -r k50 k95 <<<"$(curl_each "${BASE_LIST[$b]}" "$query&size=50")"
    printf '%-20s %10s/%-6s %-5s %12s/%-6s %-7s %14s/%-6s %9.2f %16s/%-6s %14s/%-6s\n' "$name" "$a50" "$a95" "$atotal" "$c50" "$c95" "$ctotal" "$s50" "$s95" \
      "$(awk -v p="$a95" 'BEGIN {print p / 20}')" "$b50" "$b95" "$k50" "$k95"
  done
done
if [[ -n "${EXPLAIN:-}" ]]; then
  for kind in "${KINDS[@]:1}"; do
    IFS='|' read -r name query where <<<"$kind"
    echo "== $name: $query"
    psql -d "$DB" -c "explain (analyze, buffers off, costs off, timing off) select a.id from account a where $where order by a.id limit 50"
    psql -d "$DB" -c "explain (analyze, buffers off, costs off, timing off) select count(*) from (select 1 from account a where $where limit 201) c"
  done
fi
