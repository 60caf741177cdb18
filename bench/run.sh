#!/usr/bin/env bash
# Every row of issue 10's table, each against its baseline in the same run, on this machine; one table at the end.
#
#   bench/run.sh            # the issue's sizes (1M accounts / 3M seats, 100,000 import rows, 100,000 digest items)
#   bench/run.sh --small    # the same measurements at small sizes, under 5 minutes
#
# Packages the PostgreSQL build once (SKIP_BUILD=1 reuses target/quarkus-app) and runs, in order:
#   events (bench/events/run.sh, when present: events10's; its own pgbench baseline of the same writes per event),
#   CSV import (bench/imports/run.sh: COPY of the same rows, a set-based re-import in SQL),
#   segments (bench/segments/run.sh: the SQL page query alone),
#   start-up to ready (this script: the packaged jar started on a migrated database),
#   digest (bench/digest/run.sh: one sender, as before, against the parallel senders),
#   1,000 plays (bench/plays-compile/run.sh, when present: compile10's).
# Each part's full output is kept under target/bench-run/<part>.log; PostgreSQL on 127.0.0.1:5432 (trust auth).
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SMALL=; [[ "${1:-}" == "--small" ]] && SMALL=1
OUT=$ROOT/target/bench-run; mkdir -p "$OUT"
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
APP=${APP_DIR:-$ROOT/target/quarkus-app}   # APP_DIR: a -Ppostgres build elsewhere (then no packaging)
started=$(date +%s)
log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
ROWS=(); row() { ROWS+=("$(printf '%-34s|%-44s|%-40s|%-8s|%s' "$@")"); }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }

if [[ -z "${SKIP_BUILD:-}" && -z "${APP_DIR:-}" ]]; then
  log "packaging -Ppostgres"
  (cd "$ROOT" && ./mvnw -q -o -B package -Ppostgres -DskipTests >"$OUT/build.log" 2>&1) || { log "build failed: $OUT/build.log"; exit 1; }
fi

# 1. Events (events10).
if [[ -x "$ROOT/bench/events/run.sh" ]]; then
  log "events: bench/events/run.sh"
  APP_DIR=$APP "$ROOT/bench/events/run.sh" ${SMALL:+--small} >"$OUT/events.log" 2>&1
  row "events end to end, 10 plays" "$(grep -iE 'events/s' "$OUT/events.log" | head -1 | cut -c1-44)" "pgbench: see events.log" "" ">= 2,000/s, >= 3x pgbench"
else
  row "events end to end, 10 plays" "skipped: bench/events/run.sh not here" "(events10 adds it)" "" ">= 2,000/s, >= 3x pgbench"
  row "reaction time, mixed load" "skipped: bench/events/run.sh not here" "(events10 adds it)" "" "p99 < 100 ms"
fi

# 2. CSV import against COPY of the same rows and a set-based re-import.
IMPORT_ROWS=$([[ -n "$SMALL" ]] && echo 10000 || echo 100000)
log "import: $IMPORT_ROWS rows (bench/imports/run.sh)"
ROWS=$IMPORT_ROWS XMX=512m APP_DIR=$APP "$ROOT/bench/imports/run.sh" >"$OUT/imports.log" 2>&1   # exits 1 when its last grep finds no OutOfMemoryError
ours=$(awk '/^our import, all accounts new/ {print $(NF)}' "$OUT/imports.log")
copy=$(awk '/^COPY of the same rows/ {print $(NF)}' "$OUT/imports.log")
again=$(awk '/^our import again/ {print $(NF)}' "$OUT/imports.log")
setb=$(awk '/^set-based unchanged baseline/ {print $(NF)}' "$OUT/imports.log")
[[ -z "$ours" ]] && log "imports failed: $OUT/imports.log"
heap=$(grep -o 'peak heap used during the run: [0-9]* MiB' "$OUT/imports.log" | grep -o '[0-9]* MiB')
row "CSV import, $IMPORT_ROWS new accounts" "${ours:-?} rows/s (peak heap ${heap:-?})" "COPY ${copy:-?} rows/s" "$(ratio "${ours:-0}" "${copy:-0}")" ">= 0.5 of COPY, heap < 512 MB"
row "CSV re-import, unchanged" "${again:-?} rows/s" "set-based SQL ${setb:-?} rows/s" "$(ratio "${again:-0}" "${setb:-0}")" ">= 0.5 of set-based"

# 3. Segments against the page query alone in SQL.
SEG_ACCOUNTS=$([[ -n "$SMALL" ]] && echo 100000 || echo 1000000)
log "segments: $SEG_ACCOUNTS accounts (bench/segments/run.sh)"
ACCOUNTS=$SEG_ACCOUNTS REQUESTS=$([[ -n "$SMALL" ]] && echo 20 || echo 40) APP_DIR=$APP "$ROOT/bench/segments/run.sh" >"$OUT/segments.log" 2>&1 || log "segments failed: $OUT/segments.log"
while read -r line; do
  name=$(cut -c1-20 <<<"$line" | sed 's/ *$//')
  set -- $(cut -c21- <<<"$line")
  p95=${1#*/}
  row "seg $SEG_ACCOUNTS: $name" "API $1 ms (total $2); count=true $3" "SQL page $5; page+count $7" "$(awk -v a="$p95" 'BEGIN {printf "%.2f", a / 20}')" "p95 <= 20 ms (ratio to goal)"
done < <(sed -n '/^filter (first page)/,$p' "$OUT/segments.log" | tail -n +2 | grep -v '^==')

# 4. Start-up to ready: the packaged jar on an already migrated database, median of STARTS.
STARTS=$([[ -n "$SMALL" ]] && echo 1 || echo 3)
log "start-up: $STARTS start(s)"
psql -q -d postgres -c "drop database if exists teamplay_startup_bench" -c "create database teamplay_startup_bench" >/dev/null 2>&1
rm -rf "$OUT/startup-rules"; mkdir -p "$OUT/startup-rules" && cp "$ROOT"/rules/*.dsl* "$ROOT"/rules/*.drl "$OUT/startup-rules/"
times=()
for i in $(seq 0 "$STARTS"); do
  t0=$(date +%s%N)
  QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://$PGHOST:5432/teamplay_startup_bench QUARKUS_DATASOURCE_USERNAME=$PGUSER \
  TEAMPLAY_ADMIN_TOKEN=startup-bench-token-of-at-least-32-characters TEAMPLAY_PLAYS_DIR="$OUT/startup-rules" \
    java -Dquarkus.http.port=18797 -jar "$APP/quarkus-run.jar" >"$OUT/startup-$i.log" 2>&1 &
  pid=$!
  until curl -fs localhost:18797/q/health/ready >/dev/null 2>&1; do sleep 0.1; kill -0 $pid 2>/dev/null || break; done
  t1=$(date +%s%N)
  kill $pid; wait $pid 2>/dev/null
  [[ $i -gt 0 ]] && times+=($(( (t1 - t0) / 1000000 )))   # the first start migrates the database: not counted
done
startup=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
row "start-up to ready" "${startup} ms (median of $STARTS)" "" "$(ratio "$startup" 3000)" "<= 3 s (ratio to goal)"

# 5. Digest: one sender (one recipient after another, as before) against the parallel senders.
if [[ -n "$SMALL" ]]; then D_ITEMS=5000; D_RCPT=500; else D_ITEMS=100000; D_RCPT=10000; fi
log "digest: $D_ITEMS items for $D_RCPT recipients (bench/digest/run.sh)"
ITEMS=$D_ITEMS RECIPIENTS=$D_RCPT SENDERS="1 4" APP_DIR=$APP "$ROOT/bench/digest/run.sh" >"$OUT/digest.log" 2>&1 || log "digest failed: $OUT/digest.log"
one=$(grep -o 'senders=1: .* in [0-9.]* s' "$OUT/digest.log" | grep -o '[0-9.]* s$' | tr -d ' s')
par=$(grep -o 'senders=4: .* in [0-9.]* s' "$OUT/digest.log" | grep -o '[0-9.]* s$' | tr -d ' s')
rep=$(grep -o 'senders=4: .*' "$OUT/digest.log" | grep -o 'repeated [0-9]*')
goal=$(awk -v i="$D_ITEMS" 'BEGIN {printf "%.0f", 60 * i / 100000}')
row "digest, $D_ITEMS items / $D_RCPT people" "${par:-?} s with 4 senders ($rep)" "1 sender: ${one:-?} s" "$(ratio "${one:-0}" "${par:-0}")x" "<= $goal s here (60 s at 100,000)"

# 6. 1,000 plays (compile10).
if [[ -x "$ROOT/bench/plays-compile/run.sh" ]]; then
  log "plays: bench/plays-compile/run.sh"
  APP_DIR=$APP "$ROOT/bench/plays-compile/run.sh" ${SMALL:+--small} >"$OUT/plays-compile.log" 2>&1
  row "1,000 plays: compile, save one" "$(tail -1 "$OUT/plays-compile.log" | cut -c1-44)" "see plays-compile.log" "" "<= 20 s; <= 1 s"
else
  row "1,000 plays: compile, save one" "skipped: bench/plays-compile/run.sh not here" "(compile10 adds it)" "" "<= 20 s; <= 1 s"
fi

echo
echo "issue 10, $([[ -n "$SMALL" ]] && echo '--small' || echo 'full sizes'); $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB, load $(cut -d' ' -f1-3 /proc/loadavg), $(psql -tA -d postgres -c 'show server_version' | cut -d' ' -f1) PostgreSQL; $(( $(date +%s) - started )) s"
printf '%-34s|%-44s|%-40s|%-8s|%s\n' "what" "measured" "baseline, same run" "ratio" "goal"
printf '%s\n' "${ROWS[@]}"
echo "(logs: $OUT/*.log)"
