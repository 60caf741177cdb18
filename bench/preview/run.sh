#!/usr/bin/env bash
# Preview of a play over a segment (POST /api/plays/{name}/preview) on ROWS accounts, against the baseline of asking
# a dry run (POST /api/plays/{name}/dry-run) account by account, in the same run on the same data.
# Imports ROWS accounts (half with a Success Manager) into a fresh PostgreSQL database, saves an inactive play that
# assigns the Success Manager where there is none, then times both and prints accounts per second and the ratio.
#
#   bench/preview/run.sh              # packages -Ppostgres, 10,000 accounts, 300 single dry runs
set -euo pipefail
ROWS=${ROWS:-10000}; SINGLES=${SINGLES:-300}; DB=${DB:-teamplay_preview}; PORT=${PORT:-18778}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
APP=${APP_DIR:-$ROOT/target/quarkus-app}
if [[ -z "${APP_DIR:-}" ]]; then (cd "$ROOT" && ./mvnw -q -B package -Ppostgres -DskipTests); fi
W=$(mktemp -d)
TOKEN=preview-bench-token-of-at-least-32-characters
python3 - "$ROWS" > "$W/accounts.csv" <<'PY'
import sys
print('account_id,name,segment,success_manager___tid')
for i in range(int(sys.argv[1])):
    print(f'p-{i:06d},Preview {i},enterprise,{"owner%d@example.com" % (i % 20) if i % 2 else ""}')
PY
psql -q -h 127.0.0.1 -U postgres -d postgres -c "drop database if exists $DB" -c "create database $DB" >/dev/null 2>&1
cd "$W"
QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB QUARKUS_DATASOURCE_USERNAME=postgres \
TEAMPLAY_ADMIN_TOKEN=$TOKEN TEAMPLAY_PLAYS_DIR="$W/rules" java ${BENCH_JAVA_OPTS:-} -Dquarkus.http.port=$PORT -Dquarkus.log.level=WARN \
  -jar "$APP/quarkus-run.jar" > "$W/service.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
mkdir -p "$W/rules" && cp "$ROOT/rules/plays.dsl" "$W/rules/"
for _ in $(seq 1 90); do curl -fs "localhost:$PORT/q/health/ready" >/dev/null 2>&1 && break; sleep 1; done
A=(-H "Authorization: Bearer $TOKEN")
curl -fsS -o /dev/null "${A[@]}" -H 'Content-Type: application/json' \
  -d '{"email":"enterprise.rep@example.com","name":"Enterprise Rep","license":"PRACTITIONER","teams":["Enterprise"]}' "localhost:$PORT/api/users"
curl -fsS -o /dev/null "${A[@]}" -H "Content-Type: text/csv" --data-binary @"$W/accounts.csv" "localhost:$PORT/api/imports/accounts"
curl -fsS -o /dev/null "${A[@]}" -H 'Content-Type: text/plain' -X PUT --data-binary @- "localhost:$PORT/api/plays/bench-preview" <<'PLAY'
// team: Enterprise
// description: give every enterprise account without a Success Manager the enterprise rep
expander plays.dsl

rule "enterprise accounts get a Success Manager"
when
    a new day starts
    its segment is "enterprise"
    it has no "Success Manager"
then
    assign "enterprise.rep@example.com" as "Success Manager"
end
PLAY
t0=$(date +%s.%N)
curl -fsS "${A[@]}" -H 'Content-Type: application/json' -d '{"filter":{"attributes":{"segment":"enterprise"}}}' \
  "localhost:$PORT/api/plays/bench-preview/preview" > "$W/preview.json"
t1=$(date +%s.%N)
for i in $(seq 0 $((SINGLES - 1))); do
  curl -fsS -o /dev/null "${A[@]}" -H 'Content-Type: application/json' -d "{\"accountId\":\"p-$(printf %06d $i)\"}" \
    "localhost:$PORT/api/plays/bench-preview/dry-run"
done
t2=$(date +%s.%N)
python3 - "$W/preview.json" "$t0" "$t1" "$t2" "$SINGLES" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); t0, t1, t2, n = float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
preview_rate = r['matched'] / (t1 - t0); single_rate = n / (t2 - t1)
print(f"preview: {r['matched']} accounts matched, {r['changing']} changing, in {t1 - t0:.2f} s = {preview_rate:,.0f} accounts/s")
print(f"baseline, one dry run per account: {n} in {t2 - t1:.2f} s = {single_rate:,.0f} accounts/s")
print(f"ratio preview / dry runs one by one: {preview_rate / single_rate:.1f}x")
PY
