# Shared by bench/events/run.sh and bench/two-instances.sh: start a packaged (-Ppostgres) service, prepare 10 active
# plays on 200 accounts, queue events straight into the outbox table and time until the workers have handled them.
TOKEN=${TOKEN:-events-bench-admin-token-0123456789abcdef}
BENCH_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

# start_service <app dir> <db> <port> <log> [extra java options...]: starts it in the background, PID in $SERVICE_PID
start_service() {
  local app=$1 db=$2 port=$3 log=$4; shift 4
  local dir; dir=$(mktemp -d); mkdir -p "$dir/rules" && cp "$BENCH_ROOT/rules/plays.dsl" "$dir/rules/"
  (cd "$dir" && QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$db" QUARKUS_DATASOURCE_USERNAME=postgres \
    QUARKUS_DATASOURCE_PASSWORD= TEAMPLAY_ADMIN_TOKEN=$TOKEN QUARKUS_HTTP_PORT=$port QUARKUS_LOG_LEVEL=WARN \
    exec java -Xmx1g "$@" -jar "$app/quarkus-run.jar" >"$log" 2>&1) &
  SERVICE_PID=$!
  for _ in $(seq 1 180); do
    curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1 && return 0
    sleep 1
  done
  echo "the service on $port did not get ready; its log:"; tail -30 "$log"; return 1
}

api() { # port method path [body] [content-type]
  curl -sS -o /dev/null -w '%{http_code}' -X "$2" -H "Authorization: Bearer $TOKEN" \
    -H "Content-Type: ${5:-application/json}" ${4:+--data-binary "$4"} "http://127.0.0.1:$1$3"
}

# prepare <port>: 5 members of team Bench, 200 accounts, 10 plays activated (the triggers and actions of the DSL)
prepare() {
  local port=$1 i
  for i in 0 1 2 3 4; do
    api "$port" POST /api/users "{\"email\":\"m$i@bench.example\",\"name\":\"Member $i\",\"license\":\"PRACTITIONER\",\"teams\":[\"Bench\"]}" >/dev/null
  done
  for i in $(seq 0 199); do
    local seg=smb health=green; (( i % 3 == 0 )) && seg=enterprise; (( i % 4 == 0 )) && health=red
    api "$port" POST /api/accounts "{\"id\":\"b$i\",\"name\":\"Bench $i\",\"attributes\":{\"segment\":\"$seg\",\"health\":\"$health\",\"stage\":\"onboarding\",\"arr\":$((50000 + i * 500))}}" >/dev/null
  done
  local triggers=(
    'the account is created and its segment is "enterprise"'
    'the stage leaves "onboarding"'
    'the stage changes to "churned"'
    'the health changes from "green" to "red"'
    'the "Success Manager" changes hands'
    'the "Sales Manager" is cleared'
    'any role changes hands and its segment is "nothing"'
    'a team member is disabled and it has no "Success Manager"'
    'a new day starts and its health is "red"'
    'the tier changes')
  local actions=(
    'assign the least loaded member of team "Bench" as "Success Manager"'
    'notify the "Success Manager" that "bench"'
    'create a task "Bench task" for the "Success Manager" due in 3 days'
    'assign the next member of team "Bench" by round robin as "Sales Manager"'
    'notify the "Sales Manager" that "bench"')
  for i in $(seq 0 9); do
    local source
    source=$(printf '// team: Bench\nexpander plays.dsl\n\nrule "bench %d"\nwhen\n    %s\nthen\n    %s\nend\n' \
      "$i" "${triggers[$i]}" "${actions[$((i % 5))]}")
    [ "$(api "$port" PUT "/api/plays/bench-$i.dslr" "$source" text/plain)" = 201 ] || { echo "play bench-$i not saved" >&2; return 1; }
    [ "$(api "$port" POST "/api/plays/bench-$i/activate")" = 200 ] || { echo "play bench-$i not activated" >&2; return 1; }
  done
}

# queue <db> <prefix> <n>: n events on the 200 accounts, written in one transaction (as a bulk change writes them):
# account created, stage onboarding -> live, health green -> red, daily tick, in turn
queue() {
  psql -q -h 127.0.0.1 -U postgres -d "$1" -v ON_ERROR_STOP=1 <<SQL
insert into play_event (id, type, account_id, attribute, old_value, new_value, event_date, depth, status, created_at, attempts)
select '$2-' || g,
       (array['ACCOUNT_CREATED','ATTRIBUTE_CHANGED','ATTRIBUTE_CHANGED','DAILY'])[g % 4 + 1],
       'b' || (g % 200),
       (array[null,'stage','health',null])[g % 4 + 1],
       (array[null,'"onboarding"','"green"',null])[g % 4 + 1],
       (array[null,'"live"','"red"',null])[g % 4 + 1],
       current_date, 0, 'PENDING', clock_timestamp() + g * interval '1 microsecond', 0
from generate_series(1, $3) g;
notify teamplay_play_events;
SQL
}

# drain <db> <prefix> <n>: queues n events and prints the seconds until none is pending, and events/s
drain() {
  local t0 t1
  t0=$(date +%s.%N)
  queue "$1" "$2" "$3"
  until [ "$(psql -h 127.0.0.1 -U postgres -d "$1" -tAc "select count(*) from play_event where id like '$2-%' and status = 'PENDING'")" = 0 ]; do
    sleep 0.2
  done
  t1=$(date +%s.%N)
  python3 -c "s=$t1-$t0; print(f'{s:.2f} {$3/s:.0f}')"
}
