#!/usr/bin/env bash
# Every row of issue 10's table, each against its baseline in the same run, on this machine; one table at the end.
#
#   bench/run.sh            # the issue's sizes (1M accounts / 3M seats, 100,000 import rows, 100,000 digest items,
#                           # 1,000 plays, 20,000 events, events offered at 1,000/s)
#   bench/run.sh --small    # the same measurements at small sizes, about 8 minutes on an idle 2-core machine (9.4 min on 2026-12-02, before --small took fewer segment samples)
#   SKIP_BUILD=1 bench/run.sh --small        # reuse target/quarkus-app (it must be a -Ppostgres build)
#   APP_DIR=<a -Ppostgres quarkus-app> bench/run.sh --small   # another build, no packaging
#
# Packages the PostgreSQL build once (unless SKIP_BUILD/APP_DIR) and hands that one build to every part, in order:
#   events end to end (bench/events/run.sh; baseline: pgbench doing the same 3 writes per event, one tx each),
#   event-to-handled latency at a fixed offered rate (this script: pgbench -R writes the events into the outbox),
#   reaction time under 16 clients of mixed HTTP load (bench/mixed/run.sh: no baseline, p99 against the goal),
#   CSV import (bench/imports/run.sh: COPY of the same rows, a set-based re-import in SQL),
#   segments (bench/segments/run.sh: the page query alone in SQL),
#   start-up to ready (this script: the packaged jar started on a migrated database),
#   digest (bench/digest/run.sh: one sender, as before, against the parallel senders),
#   many plays (bench/plays-compile/run.sh: start-up, compile at start, save one, activate one).
# Each part's full output is kept under target/bench-run/<part>.log. PostgreSQL on 127.0.0.1:5432 (trust auth); the
# parts' databases are named ${DB_PREFIX}_<part> (DB_PREFIX, default teamplay_run) so that a run does not drop the
# database of someone running one part alone (bench/plays-compile/run.sh always uses teamplay_compile_bench).
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SMALL=; [[ "${1:-}" == "--small" ]] && SMALL=1
OUT=$ROOT/target/bench-run; mkdir -p "$OUT"
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
APP=${APP_DIR:-$ROOT/target/quarkus-app}
DBP=${DB_PREFIX:-teamplay_run}
size() { [[ -n "$SMALL" ]] && echo "$1" || echo "$2"; }   # size <small> <full>
started=$(date +%s)
LOADS=()
log() { LOADS+=("$(cut -d' ' -f1 /proc/loadavg)"); printf '%s %s (load %s)\n' "$(date -u +%H:%M:%S)" "$*" "${LOADS[-1]}" >&2; }
ROWS=(); row() { ROWS+=("$(printf '%s|%s|%s|%s|%s|%s' "$@")"); }   # what | ours | baseline | ratio | goal | met?
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a != "" && b + 0 > 0) printf "%.2f", a / b; else print "-" }'; }
met() { awk "BEGIN { print (($1) ? \"yes\" : \"no\") }" 2>/dev/null || echo "?"; }   # met '<awk condition>'
num() { [[ "${1:-}" =~ ^[0-9.]+$ ]] && echo "$1" || echo ""; }

if [[ -z "${SKIP_BUILD:-}" && -z "${APP_DIR:-}" ]]; then
  log "packaging -Ppostgres (once, for every part)"
  (cd "$ROOT" && ./mvnw -q -o -B package -Ppostgres -DskipTests >"$OUT/build.log" 2>&1) || { log "build failed: $OUT/build.log"; exit 1; }
fi
[[ -f "$APP/quarkus-run.jar" ]] || { log "no build in $APP (run without SKIP_BUILD, or set APP_DIR)"; exit 1; }

# 1. Events end to end, 10 plays active, 1 worker, against pgbench with the writes of one event. bench/events/run.sh
#    measures a "before" and an "after" build: both are this build here (the before one, a few events, is a repeat).
EVENTS=$(size 3000 20000)
log "events: $EVENTS events (bench/events/run.sh)"
BEFORE_APP=$APP AFTER_APP=$APP EVENTS=$EVENTS BASE_EVENTS=$(size 300 1000) WARM=$(size 300 1000) \
  DB=${DBP}_events PORT=18891 "$ROOT/bench/events/run.sh" >"$OUT/events.log" 2>&1 || log "events failed: $OUT/events.log"
ev=$(num "$(awk '/^after \(this tree\)/ {print $(NF-3)}' "$OUT/events.log")")
pg=$(num "$(awk '/^pgbench, 3 writes/ {print $NF}' "$OUT/events.log")")
evf=$(awk '/^after \(this tree\)/ {print $(NF-2)}' "$OUT/events.log")
row "events end to end, 10 plays, 1 worker ($EVENTS)" "${ev:-?} events/s (${evf:-?} failed)" "pgbench, same 3 writes/event: ${pg:-?} tps" \
  "$(ratio "$ev" "$pg")" ">= 2,000/s and >= 3x pgbench" "$(met "${ev:-0} >= 2000 && ${ev:-0} >= 3 * ${pg:-1}")"

# 2. Event-to-handled latency at a fixed offered rate: pgbench -R inserts one event per transaction into the outbox
#    (and notifies, as the service's own writes do) while the service runs; latency = handled_at - created_at.
RATE=$(size 100 1000); SECS=$(size 5 10)
log "latency: events offered at $RATE/s for $SECS s"
(
  . "$ROOT/bench/events/lib.sh"
  db=${DBP}_latency port=18892
  psql -q -d postgres -c "drop database if exists $db" -c "create database $db" >/dev/null
  start_service "$APP" "$db" "$port" "$OUT/latency-service.log" || exit 1
  trap 'kill $SERVICE_PID 2>/dev/null; wait $SERVICE_PID 2>/dev/null' EXIT
  prepare "$port" || exit 1
  drain "$db" warm "$(size 300 1000)" >/dev/null
  psql -q -d "$db" -c "create sequence bench_latency_seq" >/dev/null
  cat >"$OUT/latency-event.sql" <<'SQL'
\set t random(0, 3)
\set a random(0, 199)
insert into play_event (id, type, account_id, attribute, old_value, new_value, event_date, depth, status, created_at, attempts)
values ('lat-' || nextval('bench_latency_seq'), (array['ACCOUNT_CREATED','ATTRIBUTE_CHANGED','ATTRIBUTE_CHANGED','DAILY'])[:t + 1],
        'b' || :a, (array[null,'stage','health',null])[:t + 1], (array[null,'"onboarding"','"green"',null])[:t + 1],
        (array[null,'"live"','"red"',null])[:t + 1], current_date, 0, 'PENDING', clock_timestamp(), 0);
notify teamplay_play_events;
SQL
  pgbench -n -c 2 -j 2 -R "$RATE" -T "$SECS" -f "$OUT/latency-event.sql" "$db" 2>&1 | grep -E 'latency|tps|processed' 
  for _ in $(seq 1 1800); do
    [[ "$(psql -tA -d "$db" -c "select count(*) from play_event where id like 'lat-%' and status = 'PENDING'")" == 0 ]] && break
    sleep 0.2
  done
  psql -tA -F ' ' -d "$db" -c "select 'handled-latency', count(*),
      round(1000 * extract(epoch from percentile_cont(0.5) within group (order by handled_at - created_at))),
      round(1000 * extract(epoch from percentile_cont(0.99) within group (order by handled_at - created_at))),
      round(count(*) / extract(epoch from max(handled_at) - min(created_at)))
    from play_event where id like 'lat-%' and handled_at is not null"
) >"$OUT/latency.log" 2>&1 || log "latency failed: $OUT/latency.log"
read -r _ lat_n lat50 lat99 lat_rate < <(grep '^handled-latency ' "$OUT/latency.log" || echo "- ? ? ? ?")
ins=$(grep -o 'latency average = [0-9.]* ms' "$OUT/latency.log" | grep -o '[0-9.]* ms')
row "event-to-handled at $RATE events/s offered ($lat_n)" "p50 ${lat50} ms, p99 ${lat99} ms; handled ${lat_rate}/s" \
  "the insert alone (pgbench): ${ins:-?} average" "$(ratio "$(num "$lat99")" 100)" "p99 < 100 ms at 1,000 events/s" \
  "$([[ -z "$SMALL" ]] && met "${lat99:-1e9} < 100" || echo "no (at $RATE/s: $(met "${lat99:-1e9} < 100"))")"

# 2b. Reaction time under a mixed HTTP load: 16 clients change seats, attributes and tasks over the REST API at 155
#     requests/s in all, 2 plays active (bench/mixed/run.sh); event-to-handled from the database. No baseline: the
#     ratio is p99 to the goal.
MIXED_SECS=$(size 20 60)
log "mixed load: 16 clients at 155 requests/s for $MIXED_SECS s (bench/mixed/run.sh)"
APP_DIR=$APP DB=${DBP}_mixed PORT=18899 LOAD_SECONDS=$MIXED_SECS WARM=$(size 5 10) OUT_DIR=$OUT/mixed \
  "$ROOT/bench/mixed/run.sh" >"$OUT/mixed.log" 2>&1 || log "mixed load failed: $OUT/mixed.log"
read -r _ m_rps m_failed m_req50 m_req99 m_queued m_handled m_e50 m_e99 m_events m_unhandled \
  < <(grep '^mixed-result ' "$OUT/mixed.log" || echo "- ? ? ? ? ? ? ? ? ? ?")
row "reaction time, 16 clients of mixed HTTP load ($m_events events)" \
  "event-to-handled p50 ${m_e50} ms, p99 ${m_e99} ms; queued ${m_queued}/s, handled ${m_handled}/s" \
  "the requests: ${m_rps}/s of 155 (${m_failed} failed), p50 ${m_req50} ms, p99 ${m_req99} ms" "$(ratio "$(num "$m_e99")" 100)" \
  "p99 < 100 ms at 155 requests/s" "$(met "${m_e99/\?/1e9} < 100 && ${m_rps/\?/0} >= 150 && ${m_failed/\?/1} == 0")"

# 3. CSV import against COPY of the same rows and a set-based re-import.
IMPORT_ROWS=$(size 10000 100000)
log "import: $IMPORT_ROWS rows (bench/imports/run.sh)"
ROWS=$IMPORT_ROWS XMX=512m APP_DIR=$APP DB=${DBP}_imports PORT=18893 "$ROOT/bench/imports/run.sh" >"$OUT/imports.log" 2>&1   # exits 1 when its last grep finds no OutOfMemoryError
ours=$(awk '/^our import, all accounts new/ {print $(NF)}' "$OUT/imports.log")
copy=$(awk '/^COPY of the same rows/ {print $(NF)}' "$OUT/imports.log")
again=$(awk '/^our import again/ {print $(NF)}' "$OUT/imports.log")
setb=$(awk '/^set-based unchanged baseline/ {print $(NF)}' "$OUT/imports.log")
[[ -z "$ours" ]] && log "imports failed: $OUT/imports.log"
heap=$(grep -o 'peak heap used during the run: [0-9]* MiB' "$OUT/imports.log" | grep -o '[0-9]*')
r=$(ratio "$ours" "$copy")
row "CSV import, $IMPORT_ROWS new accounts" "${ours:-?} rows/s (peak heap ${heap:-?} MiB)" "COPY ${copy:-?} rows/s" "$r" \
  ">= 0.5 of COPY, heap < 512 MB" "$(met "${r/-/0} >= 0.5 && ${heap:-1e9} < 512")"
r=$(ratio "$again" "$setb")
row "CSV re-import, unchanged" "${again:-?} rows/s" "set-based SQL ${setb:-?} rows/s" "$r" ">= 0.5 of set-based" "$(met "${r/-/0} >= 0.5")"

# 4. Segments against the page query alone in SQL.
SEG_ACCOUNTS=$(size 100000 1000000)
log "segments: $SEG_ACCOUNTS accounts (bench/segments/run.sh)"
REQUESTS=$(size 100 200) CURL_REQUESTS=$(size 20 200) \
  ACCOUNTS=$SEG_ACCOUNTS APP_DIR=$APP DB=${DBP}_segments PORT=18894 "$ROOT/bench/segments/run.sh" >"$OUT/segments.log" 2>&1 || log "segments failed: $OUT/segments.log"
while read -r line; do
  name=$(cut -c1-20 <<<"$line" | sed 's/ *$//')
  set -- $(cut -c21- <<<"$line")
  p95=${1#*/}
  row "segments $SEG_ACCOUNTS: $name" "API p50/p95 $1 ms (total $2); count=true $3" "SQL page $5; page+count $7" \
    "$(ratio "$p95" 20)" "p95 <= 20 ms first page (ratio to goal)" "$(met "$p95 <= 20")"
done < <(sed -n '/^filter (first page)/,$p' "$OUT/segments.log" | tail -n +2 | grep -v '^==')

# 5. Start-up to ready: the packaged jar on an already migrated database, median of STARTS.
STARTS=$(size 1 3)
log "start-up: $STARTS start(s)"
psql -q -d postgres -c "drop database if exists ${DBP}_startup" -c "create database ${DBP}_startup" >/dev/null 2>&1
rm -rf "$OUT/startup-rules"; mkdir -p "$OUT/startup-rules" && cp "$ROOT"/rules/*.dsl* "$ROOT"/rules/*.drl "$OUT/startup-rules/" 2>/dev/null
# as the README runs it: from its folder, with the AppCDS archive of the -Ppostgres build (-Xshare:on: never without it)
cds=; cds_said="no AppCDS archive"
[[ -f "$APP/app-cds.jsa" ]] && cds="-Xshare:on -XX:SharedArchiveFile=app-cds.jsa" cds_said=AppCDS
times=()
for i in $(seq 0 "$STARTS"); do
  t0=$(date +%s%N)
  QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://$PGHOST:5432/${DBP}_startup QUARKUS_DATASOURCE_USERNAME=$PGUSER \
  TEAMPLAY_ADMIN_TOKEN=startup-bench-token-of-at-least-32-characters TEAMPLAY_PLAYS_DIR="$OUT/startup-rules" \
    bash -c 'cd "$1" && shift && exec java "$@"' - "$APP" $cds -Dquarkus.http.port=18895 -jar quarkus-run.jar >"$OUT/startup-$i.log" 2>&1 &
  pid=$!
  until curl -fs localhost:18895/q/health/ready >/dev/null 2>&1; do sleep 0.1; kill -0 $pid 2>/dev/null || break; done
  t1=$(date +%s%N)
  kill -0 $pid 2>/dev/null || { log "start-up $i: the service stopped, not counted ($OUT/startup-$i.log)"; continue; }
  kill $pid; wait $pid 2>/dev/null
  [[ $i -gt 0 ]] && times+=($(( (t1 - t0) / 1000000 )))   # the first start migrates the database: not counted
done
startup=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
quarkus=$(grep -ohE 'started in [0-9.]+s' "$OUT"/startup-[1-9].log | grep -oE '[0-9.]+' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
row "start-up to ready (shipped plays)" "${startup:-?} ms (median of $STARTS; Quarkus: started in ${quarkus:-?} s; $cds_said)" "" \
  "$(ratio "$startup" 3000)" "<= 3 s (ratio to goal)" "$(met "${startup:-1e9} <= 3000")"

# 6. Digest: one sender (one recipient after another, as before) against the parallel senders.
D_ITEMS=$(size 5000 100000); D_RCPT=$(size 500 10000)
log "digest: $D_ITEMS items for $D_RCPT recipients (bench/digest/run.sh)"
ITEMS=$D_ITEMS RECIPIENTS=$D_RCPT SENDERS="1 4" APP_DIR=$APP DB=${DBP}_digest PORT=18896 SMTP_PORT=18897 \
  "$ROOT/bench/digest/run.sh" >"$OUT/digest.log" 2>&1 || log "digest failed: $OUT/digest.log"
one=$(grep -o 'senders=1: .* in [0-9.]* s' "$OUT/digest.log" | grep -o '[0-9.]* s$' | tr -d ' s')
par=$(grep -o 'senders=4: .* in [0-9.]* s' "$OUT/digest.log" | grep -o '[0-9.]* s$' | tr -d ' s')
rep=$(grep -o 'senders=4: .*' "$OUT/digest.log" | grep -o 'repeated [0-9]*')
goal=$(awk -v i="$D_ITEMS" 'BEGIN {printf "%.0f", 60 * i / 100000}')
row "digest, $D_ITEMS items for $D_RCPT people" "${par:-?} s with 4 senders (${rep:-repeated ?})" "1 sender: ${one:-?} s" \
  "$(ratio "$par" "$one")" "<= $goal s here (60 s at 100,000), each once" "$(met "${par:-1e9} <= $goal && \"${rep:-x}\" == \"repeated 0\"")"

# 7. Many plays: bench/plays-compile/run.sh, on PostgreSQL, this build in both of its slots (its "before" is a
#    run of the same build just before: the spread between the two is the noise of the moment).
if [[ -x "$ROOT/bench/plays-compile/run.sh" ]]; then
  PLAYS=$(size 300 1000)
  log "plays: $PLAYS active plays (bench/plays-compile/run.sh)"
  PC=$OUT/plays-compile; rm -rf "$PC"; mkdir -p "$PC/before-postgres" "$PC/after-postgres"
  ln -s "$APP" "$PC/before-postgres/quarkus-app"; ln -s "$APP" "$PC/after-postgres/quarkus-app"
  SKIP_BUILD=1 DBS=postgres BENCH_DIR=$PC PORT=18898 "$ROOT/bench/plays-compile/run.sh" "$PLAYS" >"$OUT/plays-compile.log" 2>&1 \
    || log "plays failed: $OUT/plays-compile.log"
  read -r _ _ p_ready p_loaded p_compile p_save p_activate _ < <(grep '^after postgres ' "$PC/figures" || echo "- - ? ? ? ? ? ?")
  read -r _ _ q_ready q_loaded q_compile q_save q_activate _ < <(grep '^before postgres ' "$PC/figures" || echo "- - ? ? ? ? ? ?")
  one_file=$(grep -ohE 'compiled 1 play file\(s\)[^0-9]*[0-9]+ ms' "$PC"/run-after-postgres/service.log | grep -oE '[0-9]+ ms' | head -1)
  row "$PLAYS plays: compile at start (in the background)" "$p_compile ms (plays loaded $p_loaded ms after start)" \
    "same build, run just before: $q_compile ms" "$(ratio "$(num "$p_compile")" 20000)" "<= 20 s at 1,000 plays (ratio to goal)" \
    "$(met "${p_compile/\?/1e9} <= 20000")$([[ "$PLAYS" != 1000 ]] && echo " (at $PLAYS)")"
  row "$PLAYS plays: save one active play" "$p_save ms" "run just before: $q_save ms; one play's compile ${one_file:-?}" \
    "$(ratio "$(num "$p_save")" 1000)" "<= 1 s (ratio to goal)" "$(met "${p_save/\?/1e9} <= 1000")"
  row "$PLAYS plays: activate one play" "$p_activate ms" "run just before: $q_activate ms" \
    "$(ratio "$(num "$p_activate")" 1000)" "<= 1 s (ratio to goal)" "$(met "${p_activate/\?/1e9} <= 1000")"
  row "start-up to ready with $PLAYS plays" "$p_ready ms" "run just before: $q_ready ms" "$(ratio "$(num "$p_ready")" 3000)" \
    "<= 3 s (ratio to goal)" "$(met "${p_ready/\?/1e9} <= 3000")"
else
  row "1,000 plays: compile, save one" "skipped: bench/plays-compile/run.sh not here" "" "" "<= 20 s; <= 1 s" "?"
fi

loads=$(printf '%s\n' "${LOADS[@]}" | sort -n | awk 'NR == 1 {lo = $1} {hi = $1} END {print lo "-" hi}')
echo
echo "issue 10, $(size --small 'full sizes'), $(date -u '+%Y-%m-%d %H:%M') UTC, $(( $(date +%s) - started )) s;" \
  "$(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB, load average $loads (1-minute, at each part's start)," \
  "PostgreSQL $(psql -tA -d postgres -c 'show server_version' | cut -d' ' -f1), $(java -version 2>&1 | head -1)"
echo "ratio: ours / baseline, or ours / goal where there is no baseline (a time: <= 1 meets it)"
{
  echo "what|ours|baseline, same run|ratio|goal|met?"
  printf '%s\n' "${ROWS[@]}"
} | column -t -s '|' -o ' | '
echo "(logs: $OUT/*.log)"
