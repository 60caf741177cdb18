#!/usr/bin/env bash
# Compiling plays when many exist, before (BASE, default main) and after (this tree), in one run: N active plays
# (default 1,000) written to the database as another instance would (versions, activations, the change counter),
# then for each build and database: start-up to ready, start-up until the plays are loaded (and the compile figure
# the service logs), saving one active play (PUT /api/plays/{name}) and activating one more (POST .../activate).
# Usage: bench/plays-compile/run.sh [plays]
#   DBS="h2 postgres" (default both; PostgreSQL on 127.0.0.1:5432, trust auth, database teamplay_compile_bench
#   dropped and created afresh), BASE=<git ref> (default main), BENCH_DIR (builds and logs, default
#   /tmp/plays-compile-bench), SKIP_BUILD=1 reuses the builds there, PORT (default 18491), PGDB (default
#   teamplay_compile_bench), JAVA_OPTS (JVM flags of both builds' starts).
# Each measure also writes threads.txt: the CPU time of the service's threads when the plays were loaded.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
N=${1:-1000}
DBS=${DBS:-h2 postgres}
BASE=${BASE:-main}
OUT=${BENCH_DIR:-/tmp/plays-compile-bench}
PORT=${PORT:-18491}
PGDB=${PGDB:-teamplay_compile_bench}
TOKEN=plays-compile-bench-admin-token-0123456789abcdef
URL=http://127.0.0.1:$PORT
PID=
mkdir -p "$OUT"

stop() {
  if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; PID=; fi
}
trap stop EXIT
if curl -s -o /dev/null "$URL/"; then echo "port $PORT is in use (set PORT)"; exit 1; fi

build() { # variant db -> $OUT/<variant>-<db>/quarkus-app
  local src=$ROOT
  if [ "$1" = before ]; then
    src=$OUT/src-before
    rm -rf "$src" && mkdir -p "$src" && git archive "$BASE" | tar -x -C "$src"
  fi
  (cd "$src" && ./mvnw -B -o -q package -DskipTests $([ "$2" = postgres ] && echo -Ppostgres) >/dev/null)
  # cp -a: an AppCDS archive is only used with the very jars (size and time) it was made from
  rm -rf "$OUT/$1-$2" && mkdir -p "$OUT/$1-$2" && cp -a "$src/target/quarkus-app" "$OUT/$1-$2/"
}

threads() { # -> CPU ms of the service's threads so far, by name (numbers folded), most first, and in all
  for t in /proc/"$PID"/task/*; do
    printf '%s\t%s\n' "$(tr -d '\n' <"$t/comm" | tr -s '0-9' '#')" "$(awk '{print ($14 + $15) * 10}' "$t/stat")"
  done 2>/dev/null | awk -F'\t' '{ms[$1] += $2; all += $2} END {for (n in ms) printf "%8d ms  %s\n", ms[n], n; printf "%8d ms  (all)\n", all}' \
    | sort -rn
}

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

start() { # variant db workdir
  local env=(TEAMPLAY_ADMIN_TOKEN=$TOKEN QUARKUS_HTTP_PORT=$PORT)
  if [ "$2" = postgres ]; then
    env+=(QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$PGDB QUARKUS_DATASOURCE_USERNAME=postgres
          QUARKUS_DATASOURCE_PASSWORD=)
  fi
  (cd "$3" && exec env "${env[@]}" java ${JAVA_OPTS:-} -jar "$OUT/$1-$2/quarkus-app/quarkus-run.jar" >>"$3/service.log" 2>&1) &
  PID=$!
}

await_ready() { # -> ms waited
  local from=$1
  for _ in $(seq 1 3000); do
    if curl -fs -o /dev/null "$URL/q/health/ready"; then echo $(( $(now_ms) - from )); return 0; fi
    kill -0 "$PID" 2>/dev/null || { echo "the service stopped" >&2; exit 1; }
    sleep 0.1
  done
  echo "not ready within 300 s" >&2; exit 1
}

# GET /api/plays waits for the plays to load (after) or answers once they did (before)
await_plays() { # from expected-count -> ms waited
  local from=$1
  for _ in $(seq 1 3000); do
    local count
    count=$(curl -fs -m 600 -H "Authorization: Bearer $TOKEN" "$URL/api/plays" | grep -o '"name"' | wc -l || true)
    if [ "${count:-0}" -ge "$2" ]; then echo $(( $(now_ms) - from )); return 0; fi
    sleep 0.1
  done
  echo "plays not loaded within 300 s" >&2; exit 1
}

timed() { # expected-status method path [body] -> ms
  local from status
  from=$(now_ms)
  status=$(curl -s -o "$WORK/last.json" -w '%{http_code}' -m 900 -X "$2" -H "Authorization: Bearer $TOKEN" \
    -H "Content-Type: ${5:-text/plain}" ${4:+--data-binary "$4"} "$URL$3")
  if [ "$status" != "$1" ]; then echo "$2 $3 answered $status: $(head -c 400 "$WORK/last.json")" >&2; exit 1; fi
  echo $(( $(now_ms) - from ))
}

play() { # number message
  printf '// team: Bench\n// description: bench play %s\nexpander plays.dsl\n\nrule "tell %s"\nwhen\n    the bench_%s changes\nthen\n    notify the "Success Manager" that "%s"\nend\n' "$1" "$1" "$1" "$2"
}

plays_sql() { # -> SQL adding N active plays and one inactive, raising the plays' change counter
  python3 - "$N" <<'PY'
import hashlib, sys
n = int(sys.argv[1])
def text(i, message):
    return ('// team: Bench\n// description: bench play %d\nexpander plays.dsl\n\nrule "tell %d"\nwhen\n'
            '    the bench_%d changes\nthen\n    notify the "Success Manager" that "%s"\nend\n') % (i, i, i, message)
print("update play_revision set revision = revision + 1;")
for i in range(1, n + 2):
    name, source = "bench-%04d" % i, text(i, "play %d" % i)
    print("insert into play_version (id, play, version, file_name, team, description, author, origin, created_at, "
          "source, source_hash, status, errors, warnings) values (nextval('play_version_seq'), '%s', 1, '%s.dslr', "
          "'Bench', 'bench play %d', 'bench', 'API', now(), '%s', '%s', 'OK', '[]', '[]');"
          % (name, name, i, source.replace("'", "''"), hashlib.sha256(source.encode()).hexdigest()))
    if i <= n:
        print("insert into play_activation (play, active, version, changed_at, changed_by) values "
              "('%s', true, 1, now(), 'bench');" % name)
PY
}

insert_plays() { # variant db workdir
  plays_sql >"$3/plays.sql"
  if [ "$2" = postgres ]; then
    psql -q -h 127.0.0.1 -U postgres -d $PGDB -v ON_ERROR_STOP=1 -f "$3/plays.sql" >/dev/null
  else
    java -cp "$(ls "$OUT/$1-$2"/quarkus-app/lib/main/com.h2database.h2-*.jar)" org.h2.tools.RunScript \
      -url "jdbc:h2:file:$3/data/teamplay;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
      -user teamplay -script "$3/plays.sql"
  fi
}

compile_figure() { # log -> the ms the service reports for compiling the book at start
  grep -oE "compiled $N play file\(s\) in [0-9]+ ms|book in force was compiled: $N active play\(s\) in [0-9]+ ms" "$1" \
    | head -1 | grep -oE "[0-9]+ ms" | grep -oE "[0-9]+" || echo "?"
}

measure() { # variant db
  WORK=$OUT/run-$1-$2
  rm -rf "$WORK" && mkdir -p "$WORK" && cp -r rules "$WORK/rules"
  [ "$2" = postgres ] && psql -q -h 127.0.0.1 -U postgres -c "drop database if exists $PGDB" -c "create database $PGDB" >/dev/null
  # first start: the schema, the shipped plays as versions, a team for the plays
  start "$1" "$2" "$WORK"; local t0; t0=$(now_ms); await_ready "$t0" >/dev/null; await_plays "$t0" 1 >/dev/null
  timed 201 POST /api/users '{"email":"bench@example.com","name":"Bench Sam","license":"PRACTITIONER","teams":["Bench"]}' application/json >/dev/null
  stop
  insert_plays "$1" "$2" "$WORK"
  : >"$WORK/service.log"
  t0=$(now_ms); start "$1" "$2" "$WORK"
  local ready loaded save activate
  ready=$(await_ready "$t0")
  loaded=$(await_plays "$t0" "$N")
  threads >"$WORK/threads.txt"
  local half=$(( (N + 1) / 2 ))
  save=$(timed 200 PUT "/api/plays/bench-$(printf %04d $half)" "$(play $half "play $half, saved again")")
  activate=$(timed 200 POST "/api/plays/bench-$(printf %04d $((N + 1)))/activate")
  local started
  started=$(grep -oE "started in [0-9.]+s" "$WORK/service.log" | head -1 | grep -oE "[0-9.]+" || echo "?")
  stop
  echo "$1 $2 $ready $loaded $(compile_figure "$WORK/service.log") $save $activate $started" | tee -a "$OUT/figures"
}

: >"$OUT/figures"
for db in $DBS; do
  for variant in before after; do
    [ "${SKIP_BUILD:-0}" = 1 ] || build "$variant" "$db"
    measure "$variant" "$db"
  done
done

echo
echo "$N active plays; ms unless said; ratio = before / after"
printf '%-9s %-26s %10s %10s %8s\n' db what before after ratio
while read -r db; do
  b=($(grep "^before $db " "$OUT/figures")); a=($(grep "^after $db " "$OUT/figures"))
  names=("" "" "start-up to ready" "start-up to plays loaded" "compile at start (log)" "save one play" "activate one play" "Quarkus started in (s)")
  for i in 2 3 4 5 6 7; do
    ratio=$(python3 -c "import sys; b,a=sys.argv[1:]; print('%.1f' % (float(b)/float(a)) if a not in ('?','0') and b!='?' else '-')" "${b[$i]}" "${a[$i]}")
    printf '%-9s %-26s %10s %10s %8s\n' "$db" "${names[$i]}" "${b[$i]}" "${a[$i]}" "$ratio"
  done
done < <(for db in $DBS; do echo "$db"; done)
