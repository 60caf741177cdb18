#!/usr/bin/env bash
# Reaction time under a modest mixed HTTP load (issue 10): CLIENTS clients (16) change seats, attributes and tasks over
# the REST API at RATE requests/s in all (155, the issue's figure) for LOAD_SECONDS (60) while 2 plays are active; then, from
# the database, how fast the events those requests wrote were handled (play_event.handled_at - created_at).
#
#   bench/mixed/run.sh                        # packages nothing: APP_DIR (default target/quarkus-app, -Ppostgres)
#   APP_DIR=/work/wt/base-app LOAD_SECONDS=20 bench/mixed/run.sh
#   PROFILE=1 bench/mixed/run.sh              # also a JFR recording of the service during the load, and its top frames
#
# Settings (environment): APP_DIR, DB (tp_load10_mixed, dropped and created afresh), PORT (19030), CLIENTS (16),
# RATE (155), LOAD_SECONDS (60), WARM (10: seconds of the same load before the measured one, for the JIT, not counted),
# DRAIN_TIMEOUT (300: seconds to wait after the load for the events to be handled), PROFILE (JFR of the service
# during the measured load, summarised by bench/mixed/profile.py; without it, the CPU each thread group used and
# waited for during the load (from the driver's start, its own JVM start included, to its end: bench/mixed/cpu.py)
# and what PostgreSQL's backends were doing (bench/mixed/pg-waits.sh) are printed anyway), OUT_DIR
# (target/bench-mixed: the logs, the requests as CSV, the recording). The service reads its TEAMPLAY_* settings from
# the environment: TEAMPLAY_PLAYS_BATCH_SIZE=10 bench/mixed/run.sh runs it with batches of 10 events.
# The data: 5 PRACTITIONER members of team Bench, 200 accounts b0..b199 each with a Success Manager and the attributes
# the load changes (one JSON import: two first writes of one attribute at once on an account collide, see RESULTS).
# The 2 plays: a new Success Manager gets a task (ASSIGNMENT_CHANGED), health green -> red tells the Success Manager
# (ATTRIBUTE_CHANGED). The requests (bench/mixed/Driver.java): 40 % seat changes, 30 % attribute changes (health and
# a score), 15 % task created through the role, 15 % task completed; ~0.8 events per request. A client waits for
# its answer before its next request: 16 clients reach 155/s only while a request takes under 16/155 s (103 ms).
# Last line: "mixed-result <req/s> <failed> <req p50> <req p99> <queued/s> <handled/s> <e2h p50> <e2h p99> <events>
# <unhandled>" (ms; bench/run.sh reads it).
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/../events/lib.sh"
APP=${APP_DIR:-$BENCH_ROOT/target/quarkus-app}
DB=${DB:-tp_load10_mixed}
PORT=${PORT:-19030}
CLIENTS=${CLIENTS:-16} RATE=${RATE:-155} SECS=${LOAD_SECONDS:-60}
WARM=${WARM:-10}
DRAIN_TIMEOUT=${DRAIN_TIMEOUT:-300}
OUT=${OUT_DIR:-$BENCH_ROOT/target/bench-mixed}; mkdir -p "$OUT"
export PGHOST=127.0.0.1 PGUSER=postgres
q() { psql -d "$DB" -tA -F ' ' -c "$1"; }

[[ -f "$APP/quarkus-run.jar" ]] || { echo "no build in $APP (set APP_DIR to a -Ppostgres quarkus-app)"; exit 1; }
psql -q -d postgres -c "drop database if exists $DB" -c "create database $DB" >/dev/null || exit 1
start_service "$APP" "$DB" "$PORT" "$OUT/service.log" || exit 1
trap 'kill $SERVICE_PID 2>/dev/null; wait $SERVICE_PID 2>/dev/null' EXIT

for i in 0 1 2 3 4; do
  api "$PORT" POST /api/users "{\"email\":\"m$i@bench.example\",\"name\":\"Member $i\",\"license\":\"PRACTITIONER\",\"teams\":[\"Bench\"]}" >/dev/null
done
rows=$(for i in $(seq 0 199); do
  printf '{"account_id":"b%d","name":"Bench %d","segment":"%s","health":"green","stage":"live","score":0,"success_manager___tid":"m%d@bench.example"}\n' \
    "$i" "$i" "$([[ $((i % 3)) == 0 ]] && echo enterprise || echo smb)" "$((i % 5))"
done | paste -sd, -)
[[ "$(api "$PORT" POST /api/imports/accounts "[$rows]")" == 200 ]] || { echo "the accounts were not imported"; exit 1; }
play() { printf '// team: Bench\nexpander plays.dsl\n\nrule "%s"\nwhen\n    %s\nthen\n    %s\nend\n' "$1" "$2" "$3"; }
play welcome 'the "Success Manager" changes hands' 'create a task "Welcome call" for the "Success Manager" due in 3 days' >"$OUT/welcome.dslr"
play health-alert 'the health changes from "green" to "red"' 'notify the "Success Manager" that "health went red"' >"$OUT/health-alert.dslr"
for p in welcome health-alert; do
  [[ "$(api "$PORT" PUT "/api/plays/$p.dslr" "$(cat "$OUT/$p.dslr")" text/plain)" == 201 ]] || { echo "play $p not saved"; exit 1; }
  [[ "$(api "$PORT" POST "/api/plays/$p/activate")" == 200 ]] || { echo "play $p not activated"; exit 1; }
done

wait_handled() { # <created_at bound> <timeout s>: until no event created after the bound is pending
  local until=$(( $(date +%s) + $2 ))
  while (( $(date +%s) < until )); do
    [[ "$(q "select count(*) from play_event where created_at > $1 and status = 'PENDING'")" == 0 ]] && return 0
    sleep 0.2
  done
  return 1
}
driver() { # <seconds> [csv]
  BASE=http://127.0.0.1:$PORT TOKEN=$TOKEN CLIENTS=$CLIENTS RATE=$RATE DURATION=$1 OUT=${2:-} java "$HERE/Driver.java"
}
wait_handled "'-infinity'" 120 || { echo "the import's events were not handled"; exit 1; }
if (( WARM > 0 )); then
  echo "warm-up: $WARM s of the same load (not counted)"
  driver "$WARM" | sed 's/^/  warm-up: /'
  wait_handled "'-infinity'" "$DRAIN_TIMEOUT" || echo "warm-up events still pending after $DRAIN_TIMEOUT s"
fi

mark=$(q "select coalesce(max(created_at), '-infinity') from play_event")
loads=$(cut -d' ' -f1-3 /proc/loadavg)
echo "load: $CLIENTS clients at $RATE requests/s for $SECS s on $DB (port $PORT, $APP); load average before: $loads"
rm -f "$OUT/service.jfr"
[[ -n "${PROFILE:-}" ]] && jcmd "$SERVICE_PID" JFR.start name=mixed settings=profile filename="$OUT/service.jfr" >/dev/null
backends() { q "select pid from pg_stat_activity where datname = '$DB'"; }
python3 "$HERE/cpu.py" snapshot "$SERVICE_PID" $(backends) >"$OUT/cpu-before"
"$HERE/pg-waits.sh" "$DB" "$OUT/pg-waits.txt" & waits_pid=$!
t_load=$(date +%s.%N)
driver "$SECS" "$OUT/requests.csv" | tee "$OUT/driver.txt"
python3 "$HERE/cpu.py" snapshot "$SERVICE_PID" $(backends) >"$OUT/cpu-after"
kill "$waits_pid"; wait "$waits_pid" 2>/dev/null; cat "$OUT/pg-waits.txt.summary"
[[ -n "${PROFILE:-}" ]] && jcmd "$SERVICE_PID" JFR.stop name=mixed >/dev/null
echo "load average at the end of the load: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 "$HERE/cpu.py" diff "$OUT/cpu-before" "$OUT/cpu-after" "$(python3 -c "print($(date +%s.%N) - $t_load)")"
pending_at_end=$(q "select count(*) from play_event where created_at > '$mark' and status = 'PENDING'")
t0=$(date +%s.%N)
wait_handled "'$mark'" "$DRAIN_TIMEOUT" || echo "events still pending $DRAIN_TIMEOUT s after the load"
echo "pending when the load ended: $pending_at_end; all handled $(python3 -c "print(f'{$(date +%s.%N) - $t0:.1f}')") s later"
if [[ -n "${PROFILE:-}" ]]; then
  if [[ -s "$OUT/service.jfr" ]]; then
    echo "JFR recording of the service during the load: $OUT/service.jfr"
    python3 "$HERE/profile.py" "$OUT/service.jfr" | tee "$OUT/profile.txt"
  fi
fi

read -r n_req rps failed req50 req99 < <(python3 - "$OUT/requests.csv" "$OUT/driver.txt" <<'PY'
import csv, sys, re
rows = list(csv.DictReader(open(sys.argv[1])))
lat = sorted(float(r['latency_ms']) for r in rows)
failed = sum(1 for r in rows if int(r['status']) == 0 or int(r['status']) >= 400)
rate = re.search(r'= ([0-9.]+)/s', open(sys.argv[2]).read()).group(1)
pct = lambda p: lat[min(len(lat) - 1, max(0, -(-int(p * len(lat) * 1000) // 1000) - 1))] if lat else float('nan')
print(len(rows), rate, failed, f'{pct(0.5):.1f}', f'{pct(0.99):.1f}')
PY
)
read -r events unhandled queued handled e50 e99 < <(q "
  with load as (select * from play_event where created_at > '$mark'),
       w as (select min(created_at) s, min(created_at) + interval '$SECS seconds' e from load)
  select count(*), count(*) filter (where handled_at is null),
         round(count(*) filter (where created_at <= (select e from w)) / $SECS::numeric, 1),
         round((select count(*) from load, w where handled_at between w.s and w.e) / $SECS::numeric, 1),
         round(1000 * extract(epoch from percentile_cont(0.5) within group (order by coalesce(handled_at, localtimestamp) - created_at))),
         round(1000 * extract(epoch from percentile_cont(0.99) within group (order by coalesce(handled_at, localtimestamp) - created_at)))
  from load")
echo "events written by the load: $events ($(q "select string_agg(type || ' ' || n, ', ') from (select type, count(*) n from play_event where created_at > '$mark' group by type order by 1) t")); failed events: $(q "select count(*) from play_event where created_at > '$mark' and status = 'FAILED'")"
echo
printf '%-44s %s\n' "requests/s achieved (target $RATE)" "$rps ($n_req requests, $CLIENTS clients, $SECS s)" \
  "failed requests" "$failed" \
  "request latency p50 / p99" "$req50 / $req99 ms" \
  "events queued/s during the load" "$queued" \
  "events handled/s during the load" "$handled" \
  "event-to-handled p50 / p99 ($events events)" "$e50 / $e99 ms$([[ "${unhandled:-0}" != 0 ]] && echo " ($unhandled not handled, counted up to now)")"
echo "mixed-result $rps $failed $req50 $req99 $queued $handled $e50 $e99 $events $unhandled"
