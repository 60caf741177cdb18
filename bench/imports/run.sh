#!/usr/bin/env bash
# Load driver for POST /api/imports/accounts: packages the PostgreSQL build, starts it with a small heap against a
# fresh database, generates a CSV (2 role columns, 3 attributes), posts it in one request and prints rows/s, the
# JVM's max heap and the peak heap used during the import.
#
#   bench/imports/run.sh                      # 100,000 rows, -Xmx256m
#   ROWS=20000 XMX=128m bench/imports/run.sh  # smaller run
#   SKIP_BUILD=1 bench/imports/run.sh         # reuse target/quarkus-app
#   APP_DIR=/some/quarkus-app bench/imports/run.sh  # run another build (e.g. a baseline copy)
#   JAVA_EXTRA="-XX:StartFlightRecording=filename=rec.jfr" bench/imports/run.sh  # profile
#   RUNS=2 bench/imports/run.sh               # second post re-imports the same file (all rows unchanged)
#   ROWS=20000 PAD=3900 XMX=64m bench/imports/run.sh  # an extra 'note' attribute of PAD characters: a file far
#                                             # bigger than the heap, to show the body is streamed, not buffered
set -euo pipefail

ROWS=${ROWS:-100000}
XMX=${XMX:-256m}
RUNS=${RUNS:-1}
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
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:5432/$DB" \
QUARKUS_DATASOURCE_USERNAME="$PGUSER" QUARKUS_DATASOURCE_PASSWORD="" \
TEAMPLAY_ADMIN_TOKEN="$TOKEN" QUARKUS_HTTP_PORT="$PORT" \
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
for _ in $(seq 1 120); do
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
for run in $(seq 1 "$RUNS"); do
  log "import run $run: posting $ROWS rows"
  start=$(date +%s.%N)
  cpu0=$(awk '{print $14 + $15}' "/proc/$APP/stat")
  code=$(curl -s "${auth[@]}" -H 'Content-Type: text/csv' --data-binary "@$CSV" -o "$WORK/report-$run.json" \
    -w '%{http_code}' "$API/imports/accounts")
  end=$(date +%s.%N)
  cpu1=$(awk '{print $14 + $15}' "/proc/$APP/stat")
  summary=$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print("rows=%s created=%s updated=%s unchanged=%s errors=%d" % (r.get("rows"), r.get("created"), r.get("updated"), r.get("unchanged"), len(r.get("errors") or [])))' "$WORK/report-$run.json" 2>/dev/null || head -c 300 "$WORK/report-$run.json")
  awk -v s="$start" -v e="$end" -v rows="$ROWS" -v run="$run" -v code="$code" -v summary="$summary" \
      -v cpu="$(( cpu1 - cpu0 ))" -v hz="$(getconf CLK_TCK)" 'BEGIN {
    t = e - s; c = cpu / hz
    printf "run %d: HTTP %s, %s, %.1f s, %.0f rows/s (service JVM CPU %.1f s, %.0f rows per CPU-second)\n",
      run, code, summary, t, rows / t, c, (c > 0 ? rows / c : 0) }'
done
sleep 0.5
echo "JVM max heap (-Xmx$XMX): $MAXHEAP; peak heap used during the run: $(( $(cat "$PEAK") / 1024 )) MiB"
grep -c "OutOfMemoryError" "$WORK/service.log" | awk '{ if ($1 > 0) print "OutOfMemoryError in the service log!" }'
