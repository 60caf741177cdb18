#!/usr/bin/env bash
# The digest at scale: ITEMS waiting digest items for RECIPIENTS people (written straight into digest_item, as the
# outbox would have), one run (POST /api/digests/run) of the packaged PostgreSQL build against a local SMTP sink
# (bench/digest/smtp-sink.py), timed from the request to its answer. Then checks what a user would: one email per
# recipient, every item in exactly one email (the X-Teamplay-Digest-Items headers the sink received), every row SENT.
# Runs once per value of SENDERS (teamplay.digest.senders; 1 = one recipient after another, as before), each on a
# fresh database, and prints one line per run: seconds, items/s, emails, items seen, repeated items.
#
#   bench/digest/run.sh                               # 100,000 items, 10,000 recipients, SENDERS="1 4"
#   ITEMS=20000 RECIPIENTS=2000 bench/digest/run.sh   # smaller
#   APP_DIR=target/quarkus-app bench/digest/run.sh    # no packaging (bench/run.sh packages once)
#   BEFORE_APP=/work/wt/base-app APP_DIR=... bench/digest/run.sh
#                                                     # before/after in one run: for each SENDERS value, the "before"
#                                                     # build then this one, ROUNDS times (default 1), alternating
set -euo pipefail
ITEMS=${ITEMS:-100000}; RECIPIENTS=${RECIPIENTS:-10000}; SENDERS=${SENDERS:-"1 4"}
DB=${DB:-teamplay_digest_bench}; PORT=${PORT:-18794}; SMTP_PORT=${SMTP_PORT:-18795}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
APP=${APP_DIR:-$ROOT/target/quarkus-app}
if [[ -z "${APP_DIR:-}" ]]; then (cd "$ROOT" && ./mvnw -q -o -B package -Ppostgres -DskipTests); fi
W=$(mktemp -d)
TOKEN=digest-bench-token-of-at-least-32-characters
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

one_run() { # $1 = senders, $2 = app dir (default APP), $3 = label; prints one result line
  local senders=$1 app_dir=${2:-$APP} label=${3:-} sink="$W/received-$1.txt" app sinkpid t0 t1
  : >"$sink"
  python3 "$ROOT/bench/digest/smtp-sink.py" "$SMTP_PORT" "$sink" & sinkpid=$!; PIDS+=("$sinkpid")
  psql -q -d postgres -c "drop database if exists $DB" -c "create database $DB" >/dev/null 2>&1
  QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://$PGHOST:5432/$DB QUARKUS_DATASOURCE_USERNAME=$PGUSER \
  TEAMPLAY_ADMIN_TOKEN=$TOKEN TEAMPLAY_PLAYS_WORKER=false TEAMPLAY_DIGEST_EVERY=off TEAMPLAY_DIGEST_SENDERS="$senders" \
  QUARKUS_MAILER_MOCK=false QUARKUS_MAILER_HOST=127.0.0.1 QUARKUS_MAILER_PORT=$SMTP_PORT QUARKUS_MAILER_START_TLS=DISABLED \
    java ${BENCH_JAVA_OPTS:-} -Dquarkus.http.port=$PORT -Dquarkus.log.level=WARN \
    -Dquarkus.log.category.\"io.teamplay.notifications\".level=INFO -jar "$app_dir/quarkus-run.jar" >"$W/service-$senders.log" 2>&1 &
  app=$!; PIDS+=("$app")
  for _ in $(seq 1 480); do curl -fs "localhost:$PORT/q/health/ready" >/dev/null 2>&1 && break; kill -0 "$app" 2>/dev/null || { tail -20 "$W/service-$senders.log" >&2; exit 1; }; sleep 0.5; done
  psql -q -d "$DB" >/dev/null <<SQL
insert into digest_item (id, recipient, account_id, account_name, role_key, role_name, changed_by, path, created_at,
                         status, attempts, next_attempt_at)
select nextval('digest_item_seq'), 'person' || (g % $RECIPIENTS) || '@bench.example', 'acct-' || g, 'Account ' || g,
       'success_manager', 'Success Manager', 'Ann Lee (ann@bench.example)', 'MANUAL', now() - interval '1 minute',
       'WAITING', 0, now() - interval '1 minute'
  from generate_series(1, $ITEMS) g;
analyze digest_item;
SQL
  t0=$(date +%s.%N)
  curl -fsS -X POST -H "Authorization: Bearer $TOKEN" "localhost:$PORT/api/digests/run" >"$W/run-$senders.json"
  t1=$(date +%s.%N)
  kill "$app" "$sinkpid" 2>/dev/null || true; wait "$app" "$sinkpid" 2>/dev/null || true
  local sent emails seen unique conns
  conns=$(cat "$sink.connections" 2>/dev/null || echo 0)
  sent=$(psql -tA -d "$DB" -c "select count(*) from digest_item where status = 'SENT' and attempts = 1")
  emails=$(wc -l <"$sink")
  seen=$(tr ',' '\n' <"$sink" | grep -c . || true)
  unique=$(tr ',' '\n' <"$sink" | grep . | sort -u | wc -l)
  python3 - "$t0" "$t1" "$senders" "$ITEMS" "$RECIPIENTS" "$emails" "$seen" "$unique" "$sent" "$conns" "$label" <<'PY'
import sys
t0, t1, senders, items, recipients, emails, seen, unique, sent, conns, label = sys.argv[1:]
s = float(t1) - float(t0)
print(f"{label}digest senders={senders}: {items} items for {recipients} recipients in {s:.1f} s = {int(items)/s:,.0f} items/s; "
      f"emails {emails} on {conns} SMTP connection(s), items received {seen}, distinct {unique}, repeated {int(seen)-int(unique)}, rows SENT once {sent}")
PY
}
if [[ -z "${BEFORE_APP:-}" ]]; then
  for s in $SENDERS; do one_run "$s"; done
else
  for _ in $(seq 1 "${ROUNDS:-1}"); do
    for s in $SENDERS; do one_run "$s" "$BEFORE_APP" "before: "; one_run "$s" "$APP" "after:  "; done
  done
fi
