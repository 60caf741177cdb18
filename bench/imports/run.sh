#!/usr/bin/env bash
# Load driver for POST /api/imports/accounts: packages the PostgreSQL build, starts it with a small heap against a
# fresh database (the plays' event worker off: the events stay queued, so only the import is measured), generates a
# CSV (2 role columns, 3 attributes) and prints, from one run: our import of the file (all accounts new), COPY of the
# rows it wrote into the same tables, our import of the same file again (all unchanged), and a set-based unchanged
# baseline in SQL alone, with the ratios the goals are set on; then the JVM's max heap and the peak heap used.
#
#   bench/imports/run.sh                      # 100,000 rows, -Xmx512m
#   ROWS=20000 XMX=128m bench/imports/run.sh  # smaller run
#   SKIP_BUILD=1 bench/imports/run.sh         # reuse target/quarkus-app
#   APP_DIR=/some/quarkus-app bench/imports/run.sh  # run another build (e.g. a baseline copy)
#   JAVA_EXTRA="-XX:StartFlightRecording=filename=rec.jfr" bench/imports/run.sh  # profile
#   SQL_LOG_MS=20 bench/imports/run.sh        # PostgreSQL logs the service's statements slower than 20 ms (its log)
#   ROWS=20000 PAD=3900 XMX=64m bench/imports/run.sh  # an extra 'note' attribute of PAD characters: a file far
#                                             # bigger than the heap, to show the body is streamed, not buffered
set -euo pipefail

ROWS=${ROWS:-100000}
XMX=${XMX:-512m}
USERS=${USERS:-50}
PAD=${PAD:-0}
PORT=${PORT:-18093}
DB=${DB:-teamplay_imports_bench}
PGHOST=${PGHOST:-127.0.0.1}
PGUSER=${PGUSER:-postgres}
TOKEN=bench-admin-token-at-least-32-characters-long
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=${WORK:-$ROOT/target/bench-imports}
mkdir -p "$WORK"
export PGHOST PGUSER

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

# 1. A fresh database, so every run starts from the same state.
log "database $DB: recreating"
psql -q -d postgres -c "drop database if exists $DB" -c "create database $DB" >/dev/null

# 2. The production (PostgreSQL) package.
if [[ -z "${SKIP_BUILD:-}" && -z "${APP_DIR:-}" ]]; then
  log "packaging (-Ppostgres)"
  (cd "$ROOT" && ./mvnw -q -o package -Ppostgres -DskipTests >"$WORK/build.log" 2>&1 || ./mvnw -q package -Ppostgres -DskipTests >"$WORK/build.log" 2>&1)
fi

# 3. Start it with a small heap.
log "starting the service with -Xmx$XMX on port $PORT"
JDBC_OPTIONS=""
[[ -n "${SQL_LOG_MS:-}" ]] && JDBC_OPTIONS="?options=-c%20log_min_duration_statement=$SQL_LOG_MS%20-c%20log_parameter_max_length=0"
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:5432/$DB$JDBC_OPTIONS" \
QUARKUS_DATASOURCE_USERNAME="$PGUSER" QUARKUS_DATASOURCE_PASSWORD="" \
TEAMPLAY_ADMIN_TOKEN="$TOKEN" QUARKUS_HTTP_PORT="$PORT" TEAMPLAY_PLAYS_WORKER=false \
  java "-Xmx$XMX" -XX:+UseSerialGC ${JAVA_EXTRA:-} -jar "${APP_DIR:-$ROOT/target/quarkus-app}/quarkus-run.jar" >"$WORK/service.log" 2>&1 &
APP=$!
SAMPLER=
ANALYZER=
cleanup() {
  [[ -n "$ANALYZER" ]] && kill "$ANALYZER" 2>/dev/null || true
  [[ -n "$SAMPLER" ]] && kill "$SAMPLER" 2>/dev/null || true
  kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true
}
trap cleanup EXIT
for _ in $(seq 1 480); do  # up to 4 minutes: a loaded machine starts slowly
  curl -fs "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1 && break
  kill -0 "$APP" 2>/dev/null || { log "the service died:"; tail -30 "$WORK/service.log" >&2; exit 1; }
  sleep 0.5
done
API="http://127.0.0.1:$PORT/api"
auth=(-H "Authorization: Bearer $TOKEN")

# 4. Users: half named in the file by email (success_manager___tid), half by name (sales_manager).
log "creating $USERS users"
for i in $(seq 1 "$USERS"); do
  curl -fs "${auth[@]}" -H 'Content-Type: application/json' -o /dev/null \
    -d "{\"email\":\"bench.user$i@example.com\",\"name\":\"Bench User $i\",\"license\":\"PRACTITIONER\"}" "$API/users"
done

# 5. The file: account_id,name,2 role columns,3 attributes (a string, a number, a boolean).
SUFFIX=""; [[ "$PAD" -gt 0 ]] && SUFFIX="-pad$PAD"
CSV="$WORK/accounts-$ROWS$SUFFIX.csv"
awk -v rows="$ROWS" -v users="$USERS" -v pad="$PAD" 'BEGIN {
  note = ""; for (j = 0; j < pad; j++) note = note "x";
  print "account_id,name,success_manager___tid,sales_manager,stage,arr,strategic" (pad > 0 ? ",note" : "");
  split("onboarding,adoption,renewal,expansion", stage, ",");
  for (i = 1; i <= rows; i++) {
    printf "bench-%07d,\"Account %d, Inc.\",bench.user%d@example.com,Bench User %d,%s,%d,%s%s\n",
      i, i, (i % users) + 1, ((i * 7) % users) + 1, stage[(i % 4) + 1], (i * 37) % 500000, (i % 3 == 0 ? "true" : "false"),
      (pad > 0 ? "," note : "");
  }
}' >"$CSV"
log "file: $CSV ($(wc -c <"$CSV") bytes, $ROWS rows)"

# 6. Sample the heap while the import runs: one jstat, every 500 ms (used = S0U+S1U+EU+OU, in KB).
PEAK="$WORK/heap-peak"
echo 0 >"$PEAK"
jstat -gc "$APP" 500 2>/dev/null | awk -v out="$PEAK" '$1 ~ /^[0-9.]+$/ { u = $3 + $4 + $6 + $8; if (u > p) { p = u; print int(p) > out; close(out) } }' &
SAMPLER=$!

# 7. This server runs with autovacuum off: without statistics, plans cached while the tables were empty (sequential
# scans) stay in use as the tables grow, and every row gets slower. Production runs autovacuum, whose autoanalyze
# re-plans them; do what it would do, every 10 s, unless NO_ANALYZE=1.
if [[ -z "${NO_ANALYZE:-}" && "$(psql -tA -d "$DB" -c 'show autovacuum')" == "off" ]]; then
  ( while kill -0 "$APP" 2>/dev/null; do sleep 10; psql -q -d "$DB" -c analyze >/dev/null 2>&1 || true; done ) &
  ANALYZER=$!
  log "autovacuum is off here: analyzing $DB every 10 s, as autoanalyze would"
fi

MAXHEAP=$(jcmd "$APP" VM.flags 2>/dev/null | tr ' ' '\n' | awk -F= '/^-XX:MaxHeapSize=/ {printf "%d MiB", $2/1048576}')

# 8. Our import, timed from the post to the report (a file this large answers 202; GET /api/imports/{id} until DONE).
import_once() {  # $1 = label; prints elapsed seconds
  local start end id
  start=$(date +%s.%N)
  id=$(curl -s "${auth[@]}" -H 'Content-Type: text/csv' -H 'Prefer: respond-async' --data-binary "@$CSV" \
    "$API/imports/accounts" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  while curl -s "${auth[@]}" "$API/imports/$id" -o "$WORK/report-$1.json" && grep -q '"status":"RUNNING"' "$WORK/report-$1.json"; do
    sleep 0.1
  done
  end=$(date +%s.%N)
  log "$1: $(python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print("%s rows=%s created=%s updated=%s unchanged=%s errors=%s" % (r["status"], r["rows"], r["created"], r["updated"], r["unchanged"], r["errorCount"]))' "$WORK/report-$1.json")"
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", e - s }'
}
log "our import: $ROWS new accounts"
T_NEW=$(import_once new)
log "our import again: the same file, every row unchanged"
T_SAME=$(import_once unchanged)

# 9. COPY of the same rows into the same tables: what the import wrote, copied out and into an empty copy of the schema.
TABLES="account account_attribute assignment assignment_history play_event digest_item"
COPYDB="${DB}_copy"
psql -q -d postgres -c "drop database if exists $COPYDB" -c "create database $COPYDB" >/dev/null
pg_dump -s "$DB" | psql -q -d "$COPYDB" >/dev/null
for t in $TABLES; do psql -q -d "$DB" -c "\\copy $t to '$WORK/$t.copy'"; done
start=$(date +%s.%N)
for t in $TABLES; do psql -q -d "$COPYDB" -c "\\copy $t from '$WORK/$t.copy'"; done
end=$(date +%s.%N)
T_COPY=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", e - s }')
COPIED=$(for t in $TABLES; do printf '%s=%s ' "$t" "$(wc -l <"$WORK/$t.copy")"; done)

# 10. A set-based unchanged re-import in SQL alone: the file copied into a staging table, then every value compared
# with what is stored (accounts, attributes, both seats by email; the names resolved by a join) in one statement.
start=$(date +%s.%N)
psql -q -d "$DB" >"$WORK/baseline.out" <<SQL
create temporary table staged (account_id text, name text, sm text, sales text, stage text, arr text, strategic text);
\\copy staged from '$CSV' with (format csv, header true)
select count(*) filter (where a.id is null or a.name <> s.name
         or st.json_value is distinct from to_json(s.stage)::text or ar.json_value is distinct from s.arr
         or sg.json_value is distinct from s.strategic
         or sm.email is distinct from lower(trim(s.sm)) or sa.email is distinct from u.email) as changed
  from staged s
  left join account a on a.id = s.account_id
  left join account_attribute st on st.account_id = s.account_id and st.name = 'stage'
  left join account_attribute ar on ar.account_id = s.account_id and ar.name = 'arr'
  left join account_attribute sg on sg.account_id = s.account_id and sg.name = 'strategic'
  left join assignment sm on sm.account_id = s.account_id and sm.role_key = 'success_manager'
  left join assignment sa on sa.account_id = s.account_id and sa.role_key = 'sales_manager'
  left join app_user u on u.name = s.sales;
SQL
end=$(date +%s.%N)
T_BASE=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", e - s }')
log "baseline found $(grep -E '^ *[0-9]+ *$' "$WORK/baseline.out" | tr -d ' ') changed rows (0 expected)"

sleep 0.5
echo
echo "$ROWS rows, one run, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); worker off (TEAMPLAY_PLAYS_WORKER=false)"
echo "COPY wrote: $COPIED"
awk -v rows="$ROWS" -v tn="$T_NEW" -v tc="$T_COPY" -v ts="$T_SAME" -v tb="$T_BASE" 'BEGIN {
  printf "%-44s %10s %12s %8s\n", "what", "seconds", "rows/s", "ratio"
  printf "%-44s %10.1f %12.0f %8s\n", "our import, all accounts new", tn, rows / tn, ""
  printf "%-44s %10.1f %12.0f %8s\n", "COPY of the same rows into the same tables", tc, rows / tc, ""
  printf "%-44s %10s %12s %8.2f  (goal >= 0.5)\n", "  ours / COPY", "", "", tc / tn
  printf "%-44s %10.1f %12.0f %8s\n", "our import again, every row unchanged", ts, rows / ts, ""
  printf "%-44s %10.1f %12.0f %8s\n", "set-based unchanged baseline (SQL alone)", tb, rows / tb, ""
  printf "%-44s %10s %12s %8.2f  (goal >= 0.5)\n", "  ours / baseline", "", "", tb / ts }'
echo "JVM max heap (-Xmx$XMX): $MAXHEAP; peak heap used during the run: $(( $(cat "$PEAK") / 1024 )) MiB"
grep -c "OutOfMemoryError" "$WORK/service.log" | awk '{ if ($1 > 0) print "OutOfMemoryError in the service log!" }'
psql -q -d postgres -c "drop database if exists $COPYDB" >/dev/null
