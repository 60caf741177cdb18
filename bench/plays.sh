#!/usr/bin/env bash
# Plays benchmarks: prints events per second with 20 active plays.
#  1. engine alone (compile once, fire events from 1, 2 and 4 threads, a fresh session per event), no database;
#  2. end to end on PostgreSQL (outbox -> worker -> facts -> firing -> write path -> runs), 1 and 2 worker threads.
# Usage: bench/plays.sh [seconds-per-engine-run]   (needs PostgreSQL on 127.0.0.1:5432 for part 2;
#        TEAMPLAY_TEST_DB picks the database, default teamplay_plays; SKIP_E2E=1 skips part 2)
# Maven runs offline (-o): every plugin and dependency it needs is in ~/.m2 once the project has been built.
set -euo pipefail
cd "$(dirname "$0")/.."
export TEAMPLAY_TEST_DB="${TEAMPLAY_TEST_DB:-teamplay_plays}"

./mvnw -q -o compile
./mvnw -q -o dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=runtime >/dev/null
echo "== engine (no database) =="
java -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
     -cp "target/classes:$(cat target/bench-classpath.txt)" bench/PlaysEngineBench.java "${1:-5}" 2>/dev/null \
  | grep -E "^(compile|engine):"

if [ "${SKIP_E2E:-0}" != "1" ]; then
  echo "== end to end (PostgreSQL database ${TEAMPLAY_TEST_DB}) =="
  ./mvnw -o test -Dtest=PlaysThroughputBench -Dbench.plays=true -Dsurefire.failIfNoSpecifiedTests=false 2>&1 \
    | grep -E "^end-to-end:|BUILD|Tests run:" | grep -v "^\[INFO\] Tests run" || true
fi
