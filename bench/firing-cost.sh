#!/usr/bin/env bash
# What one event's firing costs when nothing goes wrong, with the firing limits (this tree) and without them (a
# baseline commit, default main, built in a temporary directory), in the same run: 20 active plays, one thread,
# wall and CPU microseconds (of the firing thread, and of the whole process: GC, JIT and the limits' watchdog
# included) and kilobytes allocated per event (bench/PlaysEngineBench.java cost). The two builds run alternately,
# ROUNDS times each; the ratio compares the medians. E2E=1 also runs the end-to-end benchmark (outbox, worker,
# PostgreSQL: src/test/java/io/teamplay/plays/PlaysThroughputBench.java) on both, which shows the claim transaction
# each event now has before its plays fire.
# Usage: bench/firing-cost.sh [seconds-per-run] [baseline-ref]    (ROUNDS=3 by default; E2E=1 needs PostgreSQL,
#        database TEAMPLAY_TEST_DB, default teamplay_plays)
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN="${1:-5}"
BASELINE="${2:-main}"
ROUNDS="${ROUNDS:-3}"
DEPENDENCY_PLUGIN=org.apache.maven.plugins:maven-dependency-plugin:3.7.0:build-classpath

classpath() { # $1: a source tree; prints its classes and runtime dependencies
  (cd "$1" && ./mvnw -q -o compile >/dev/null &&
     ./mvnw -q -o "$DEPENDENCY_PLUGIN" -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=runtime >/dev/null)
  echo "$1/target/classes:$(cat "$1/target/bench-classpath.txt")"
}

base_dir="$(mktemp -d)"
trap 'rm -rf "$base_dir"' EXIT
git archive "$BASELINE" | tar -x -C "$base_dir"
echo "building the baseline ($BASELINE, $(git rev-parse --short "$BASELINE")) and this tree ($(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo '+changes'))"
base_cp="$(classpath "$base_dir")"
this_cp="$(classpath "$PWD")"

run() { # $1: classpath; prints the "cost:" line
  java -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "$1" bench/PlaysEngineBench.java cost \
    "$SECONDS_PER_RUN" 2>/dev/null | grep '^cost:'
}

: >"$base_dir/base.txt"; : >"$base_dir/limits.txt"
for round in $(seq "$ROUNDS"); do
  run "$base_cp" | tee -a "$base_dir/base.txt" | sed 's/^/without limits  /'
  run "$this_cp" | tee -a "$base_dir/limits.txt" | sed 's/^/with limits     /'
done

median() { # $1: file, $2: the word after the figure ("us wall", "us cpu", "KB")
  grep -o "[0-9.]* $2" "$1" | awk '{print $1}' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}
for what in "us wall" "us cpu" "us process-cpu" "KB allocated"; do
  b="$(median "$base_dir/base.txt" "$what")"; l="$(median "$base_dir/limits.txt" "$what")"
  awk -v b="$b" -v l="$l" -v w="$what" 'BEGIN {printf "per event, median: %s %s without limits, %s with, ratio %.2f\n", w, b, l, l / b}'
done

if [ "${E2E:-0}" = "1" ]; then
  export TEAMPLAY_TEST_DB="${TEAMPLAY_TEST_DB:-teamplay_plays}"
  # the same benchmark on both trees (the baseline's may predate its current opt-in property)
  cp src/test/java/io/teamplay/plays/PlaysThroughputBench.java "$base_dir/src/test/java/io/teamplay/plays/"
  for tree in "$base_dir" "$PWD"; do
    label="$([ "$tree" = "$PWD" ] && echo "with limits   " || echo "without limits")"
    (cd "$tree" && ./mvnw -o test -Dtest=PlaysThroughputBench -Dbench.plays=true -Dsurefire.failIfNoSpecifiedTests=false 2>&1) \
      | { grep -E "^end-to-end:" || echo "end-to-end: failed (run it alone to see why)"; } | sed "s/^/$label  /"
  done
fi
