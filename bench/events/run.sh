#!/usr/bin/env bash
# Events per second end to end with 10 plays active, before (a baseline build, by default main) and after (this tree),
# against pgbench doing the writes of one event (bench/events/pgbench-event.sql), one transaction each, in the same run.
# Each build: the -Ppostgres jar on a fresh database, 200 accounts, 10 plays (bench/events/lib.sh), a warm-up of 1,000
# events, then EVENTS (after) / BASE_EVENTS (before) events written into the outbox at once; timed until none is
# pending. Prints one table with the ratios.
#   bench/events/run.sh                      # builds both (this tree and BASELINE, default main)
#   BEFORE_APP=<quarkus-app dir> AFTER_APP=<quarkus-app dir> bench/events/run.sh   # reuse builds
#   PROFILE=1 bench/events/run.sh            # also records a JFR profile of the after run (its path is printed)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$ROOT/bench/events/lib.sh"
EVENTS=${EVENTS:-20000}; BASE_EVENTS=${BASE_EVENTS:-3000}; # WARM: warm-up events, default 1000
 PORT=${PORT:-18791}; DB=${DB:-teamplay_events_bench}
BASELINE=${BASELINE:-main}
W=$(mktemp -d)
PID=
trap '[ -n "$PID" ] && kill $PID 2>/dev/null; wait 2>/dev/null || true' EXIT

if [ -z "${AFTER_APP:-}" ]; then
  (cd "$ROOT" && ./mvnw -q -o -B package -Ppostgres -DskipTests -DskipITs) && cp -r "$ROOT/target/quarkus-app" "$W/after"
  AFTER_APP=$W/after
fi
if [ -z "${BEFORE_APP:-}" ]; then
  git -C "$ROOT" worktree add -q --detach "$W/baseline-src" "$BASELINE"
  (cd "$W/baseline-src" && ./mvnw -q -o -B package -Ppostgres -DskipTests) && cp -r "$W/baseline-src/target/quarkus-app" "$W/before"
  git -C "$ROOT" worktree remove --force "$W/baseline-src"
  BEFORE_APP=$W/before
fi

measure() { # name app events [java options]
  local name=$1 app=$2 n=$3; shift 3
  psql -q -h 127.0.0.1 -U postgres -c "drop database if exists $DB" -c "create database $DB" >/dev/null
  start_service "$app" "$DB" "$PORT" "$W/$name.log" "$@"; PID=$SERVICE_PID
  prepare "$PORT" || { tail -20 "$W/$name.log" >&2; return 1; }
  drain "$DB" "warm" "${WARM:-1000}" >/dev/null
  read -r secs rate < <(drain "$DB" "$name" "$n")
  local failed runs
  failed=$(psql -h 127.0.0.1 -U postgres -d "$DB" -tAc "select count(*) from play_event where id like '$name-%' and status = 'FAILED'")
  runs=$(psql -h 127.0.0.1 -U postgres -d "$DB" -tAc "select count(*) from play_run where event_id like '$name-%'")
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=
  printf '%s %s %s %s %s\n' "$n" "$secs" "$rate" "$failed" "$runs"
}

read -r b_n b_s b_rate b_failed b_runs < <(measure before "$BEFORE_APP" "$BASE_EVENTS")
JFR=()
[ "${PROFILE:-0}" = 1 ] && JFR=("-XX:StartFlightRecording=filename=$W/after.jfr,settings=profile")
read -r a_n a_s a_rate a_failed a_runs < <(measure after "$AFTER_APP" "$EVENTS" "${JFR[@]}")
pg=$(pgbench -h 127.0.0.1 -U postgres -n -c 2 -j 2 -T 10 -f "$ROOT/bench/events/pgbench-event.sql" "$DB" 2>/dev/null \
  | sed -n 's/^tps = \([0-9.]*\).*/\1/p' | head -1)

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB, $(psql -h 127.0.0.1 -U postgres -tAc 'show server_version' | cut -d' ' -f1) PostgreSQL on the same box, $(java -version 2>&1 | head -1)"
printf '%-34s %10s %10s %12s %8s %10s %14s\n' "what" "events" "seconds" "events/s" "failed" "runs" "x pgbench"
printf '%-34s %10s %10s %12s %8s %10s %14.2f\n' "before ($BASELINE), 1 worker" "$b_n" "$b_s" "$b_rate" "$b_failed" "$b_runs" "$(python3 -c "print($b_rate/$pg)")"
printf '%-34s %10s %10s %12s %8s %10s %14.2f\n' "after (this tree), 1 worker" "$a_n" "$a_s" "$a_rate" "$a_failed" "$a_runs" "$(python3 -c "print($a_rate/$pg)")"
printf '%-34s %10s %10s %12.0f\n' "pgbench, 3 writes/event, 1 tx each" "" "10" "$pg"
printf 'after / before: %.1fx\n' "$(python3 -c "print($a_rate/$b_rate)")"
[ "${PROFILE:-0}" = 1 ] && echo "profile of the after run: $W/after.jfr (jfr print --events jdk.ExecutionSample)"
true
