#!/usr/bin/env bash
# Two instances on one PostgreSQL, as two processes: what is activated, rolled back or saved on one is in force on the
# other within seconds (each polls the plays' change counter every teamplay.plays.scan-every, 2 s, and recompiles).
# Builds the production jar (-Ppostgres) and starts it twice on one database, each with its own copy of rules/ as on
# two machines. A edits and does not handle events (TEAMPLAY_PLAYS_WORKER=false); B handles them: the time until an
# event fires the version A just put in force is the time B took to compile and swap it in.
# Then the events per second of one instance against two (bench/events/lib.sh: 10 plays active, 200 accounts, EVENTS
# events written into the outbox at once, default 20000): X alone on a fresh database, then X and Y together, each with
# its worker (they share the work by claims with SKIP LOCKED and wake each other with NOTIFY).
# Usage: bench/two-instances.sh   (PostgreSQL on 127.0.0.1:5432 with trust auth; TEAMPLAY_TWO_DB names the database,
#        default teamplay_two: dropped and created afresh; PORT_A/PORT_B default 18481/18482; SKIP_BUILD=1 reuses
#        target/quarkus-app, which must then be a -Ppostgres build; APP_DIR=<a -Ppostgres quarkus-app> runs that build
#        and packages nothing; EVENTS, default 20000)
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${TEAMPLAY_TWO_DB:-teamplay_two}
PORT_A=${PORT_A:-18481}
PORT_B=${PORT_B:-18482}
TOKEN=two-instances-admin-token-0123456789abcdef
WORK=$(mktemp -d)
PIDS=()

stop() {
  local status=$?
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ "$status" = 0 ]; then rm -rf "$WORK"; else echo "the instances' logs: $WORK/a.log, $WORK/b.log"; fi
}
trap stop EXIT

for port in "$PORT_A" "$PORT_B"; do
  if curl -s -o /dev/null "http://127.0.0.1:$port/"; then echo "port $port is in use (set PORT_A/PORT_B)"; exit 1; fi
done

psql -q -h 127.0.0.1 -U postgres -c "drop database if exists $DB" -c "create database $DB" >/dev/null
APP=${APP_DIR:-$PWD/target/quarkus-app}
if [ "${SKIP_BUILD:-0}" != "1" ] && [ -z "${APP_DIR:-}" ]; then
  ./mvnw -q package -DskipTests -Ppostgres
fi

start() { # name port worker
  mkdir -p "$WORK/$1" && cp -r rules "$WORK/$1/rules"
  (cd "$WORK/$1" && QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" \
    QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD= TEAMPLAY_ADMIN_TOKEN=$TOKEN \
    TEAMPLAY_PLAYS_WORKER="$3" QUARKUS_HTTP_PORT="$2" \
    exec java -jar "$APP/quarkus-run.jar" >"$WORK/$1.log" 2>&1) &
  PIDS+=($!)
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$2/q/health/ready" >/dev/null 2>&1 && return 0
    sleep 1
  done
  echo "instance $1 did not get ready; its log:"; tail -50 "$WORK/$1.log"; exit 1
}

call() { # port method path [body] [content-type]
  curl -sS -X "$2" -H "Authorization: Bearer $TOKEN" -H "Content-Type: ${5:-application/json}" \
    ${4:+--data-binary "$4"} "http://127.0.0.1:$1$3"
}

# from $STARTED, waits until GET path on port answers a body matching the grep -E pattern; prints the time taken
await() { # what port path pattern
  for _ in $(seq 1 600); do
    if call "$2" GET "$3" | grep -qE "$4"; then
      echo "$1 after $(( ($(date +%s%N) - STARTED) / 1000000 )) ms"
      return 0
    fi
    sleep 0.1
  done
  echo "$1: NOT within 60 s"; exit 1
}

# the stage changes on the account until the last run of the play (handled by B) tells the message
fired() { # what message
  STARTED=$(date +%s%N)
  for i in $(seq 1 600); do
    call "$PORT_A" PATCH /api/accounts/two "{\"attributes\":{\"stage\":\"$1 $i\"}}" >/dev/null
    sleep 0.1
    if call "$PORT_A" GET "/api/plays/two-play/runs?limit=1" | grep -q "\"detail\":\"$2\""; then
      echo "$1: an event handled by B fires it after $(( ($(date +%s%N) - STARTED) / 1000000 )) ms"
      return 0
    fi
  done
  echo "$1: B did not fire it within 60 s"; exit 1
}

start a "$PORT_A" false
start b "$PORT_B" true
echo "two instances up on one database ($DB): A on $PORT_A (no event worker), B on $PORT_B (event worker)"

call "$PORT_A" POST /api/users '{"email":"sam@two.example","name":"Sam Two","license":"PRACTITIONER","teams":["Two"]}' >/dev/null
call "$PORT_A" POST /api/accounts '{"id":"two","name":"Two Inc","attributes":{"stage":"a"}}' >/dev/null
call "$PORT_A" PUT /api/accounts/two/team/success_manager '{"email":"sam@two.example"}' >/dev/null
play() { printf '// team: Two\nexpander plays.dsl\n\nrule "tell"\nwhen\n    the stage changes\nthen\n    notify the "Success Manager" that "%s"\nend\n' "$1"; }
call "$PORT_A" PUT /api/plays/two-play "$(play first)" text/plain >/dev/null
call "$PORT_A" PUT /api/plays/two-play "$(play second)" text/plain >/dev/null

call "$PORT_A" POST /api/plays/two-play/activate >/dev/null
fired "activated on A (version 2)" second
call "$PORT_A" POST /api/plays/two-play/versions/1/activate >/dev/null
fired "rolled back on A to version 1" first
call "$PORT_A" PUT /api/plays/two-play "$(play third)" text/plain >/dev/null
fired "saved on A (version 3, the play running)" third
STARTED=$(date +%s%N)
call "$PORT_B" POST /api/plays/two-play/versions/2/activate >/dev/null
await "rolled back on B to version 2: A shows it" "$PORT_A" /api/plays/two-play '"active":true.*"version":2,'
echo "versions: $(call "$PORT_A" GET /api/plays/two-play/versions)"

# -- throughput: one instance, then two, on a fresh database --
for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
PIDS=()
. bench/events/lib.sh
EVENTS=${EVENTS:-20000}
psql -q -h 127.0.0.1 -U postgres -c "drop database if exists $DB" -c "create database $DB" >/dev/null
start_service "$APP" "$DB" "$PORT_A" "$WORK/x.log"; PIDS+=("$SERVICE_PID")
prepare "$PORT_A"
drain "$DB" warm 1000 >/dev/null
read -r one_s one_rate < <(drain "$DB" one "$EVENTS")
start_service "$APP" "$DB" "$PORT_B" "$WORK/y.log"; PIDS+=("$SERVICE_PID")
drain "$DB" warm2 1000 >/dev/null
read -r two_s two_rate < <(drain "$DB" two "$EVENTS")
handled_twice=$(psql -h 127.0.0.1 -U postgres -d "$DB" -tAc "select count(*) from (select event_id from play_run where event_id like 'two-%' group by event_id, play, rule_name, action having count(*) > 1) t")
echo "events, 10 plays active: one instance $EVENTS in ${one_s} s = ${one_rate}/s; two instances $EVENTS in ${two_s} s = ${two_rate}/s ($(python3 -c "print(f'{$two_rate/$one_rate:.2f}')")x); events with a play's action recorded twice: $handled_twice"
