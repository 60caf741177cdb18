#!/usr/bin/env bash
# How long the plays worker takes to clear the event rows a CSV import queues when no play is in force.
# Imports ROWS rows (each row: one account created + one seat assigned = 2 events) into a fresh PostgreSQL
# database and prints the import time and how long after it answered the last event was done.
#
#   bench/plays-drain/run.sh                         # packages -Ppostgres, 10,000 rows
#   APP_DIR=/tmp/baseline-quarkus-app bench/plays-drain/run.sh   # measure another build (e.g. a baseline)
set -euo pipefail
ROWS=${ROWS:-10000}; DB=${DB:-teamplay_drain}; PORT=${PORT:-18777}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
APP=${APP_DIR:-$ROOT/target/quarkus-app}
if [[ -z "${APP_DIR:-}" ]]; then (cd "$ROOT" && ./mvnw -q -B package -Ppostgres -DskipTests); fi
W=$(mktemp -d)
python3 - "$ROWS" > "$W/drain.csv" <<'PY'
import sys
print('account_id,name,segment,success_manager___tid')
for i in range(int(sys.argv[1])):
    print(f'd-{i:06d},Drain {i},smb,owner{i % 20}@example.com')
PY
psql -q -h 127.0.0.1 -U postgres -d postgres -c "drop database if exists $DB" -c "create database $DB" >/dev/null 2>&1
cd "$W"
QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB QUARKUS_DATASOURCE_USERNAME=postgres \
TEAMPLAY_ADMIN_TOKEN=drain-bench-token-of-at-least-32-characters java -Dquarkus.http.port=$PORT -Dquarkus.log.level=WARN -jar "$APP/quarkus-run.jar" > "$W/service.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -fs "localhost:$PORT/q/health/ready" >/dev/null 2>&1 && break; sleep 1; done
t0=$(date +%s.%N)
curl -fs -o /dev/null -H "Authorization: Bearer drain-bench-token-of-at-least-32-characters" -H "Content-Type: text/csv" --data-binary @"$W/drain.csv" "localhost:$PORT/api/imports/accounts"
t1=$(date +%s.%N)
until [ "$(psql -h 127.0.0.1 -U postgres -d $DB -tAc "select count(*) from play_event where status = 'PENDING'")" = 0 ]; do sleep 0.5; done
t2=$(date +%s.%N)
events=$(psql -h 127.0.0.1 -U postgres -d $DB -tAc "select count(*) from play_event")
python3 -c "print(f'{int($ROWS)} rows: import {float($t1)-float($t0):.1f} s; {int($events)} events, the last done {float($t2)-float($t1):.1f} s after the import answered')"
