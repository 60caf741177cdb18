#!/usr/bin/env bash
# What the test suite costs: `./mvnw -B -o verify` from an empty target/ (as on a fresh clone) of a baseline commit,
# then of this working tree, one after the other on this machine (so both see the same load). Prints, for each, the
# wall and CPU time of the whole build, the Quarkus starts in the test log, and the seconds of each test class
# (slowest first), with the ratio new / baseline.
# Wall-clock time moves with whatever else runs here; CPU time (user + sys of Maven and its forks) much less.
#
# Usage: bench/suite.sh [BASE_REF]      (default: main; TEAMPLAY_TEST_DB picks the database, as for the tests)
#        bench/suite.sh --report DIR    (the table of one run kept in DIR)
set -euo pipefail
cd "$(dirname "$0")/.."
here=$(pwd)

# run DIR LABEL: the full build in DIR, its log, times and reports kept under $out/LABEL
run() {
  local dir=$1 label=$2
  mkdir -p "$out/$label"
  echo "== $label: ./mvnw -B -o verify in $dir, from an empty target/" >&2
  rm -rf "$dir/target"
  (cd "$dir" && /usr/bin/time -f "%e %U %S" -o "$out/$label/time" ./mvnw -B -o verify > "$out/$label/build.log" 2>&1) \
    || { echo "the build of $label failed: $out/$label/build.log" >&2; exit 1; }
  cp -r "$dir/target/surefire-reports" "$out/$label/"
  [ -d "$dir/target/failsafe-reports" ] && cp -r "$dir/target/failsafe-reports" "$out/$label/"
  true
}

# classes DIR: "seconds class" per test class of the run kept in DIR
classes() {
  cat "$1"/surefire-reports/TEST-*.xml "$1"/failsafe-reports/TEST-*.xml 2>/dev/null \
    | grep -o '<testsuite [^>]*' | sed -E 's/.* name="([^"]*)" time="([^"]*)".*/\2 \1/'
}

summary() {
  local dir=$1
  read -r wall user sys < "$dir/time"
  printf "wall %.0f s, CPU %.0f s (user %.0f + sys %.0f), Quarkus starts %d, tests %d\n" "$wall" \
    "$(echo "$user + $sys" | bc)" "$user" "$sys" "$(grep -ac 'Profile test activated' "$dir/build.log")" \
    "$(cat "$dir"/surefire-reports/TEST-*.xml "$dir"/failsafe-reports/TEST-*.xml 2>/dev/null \
       | grep -o '<testsuite [^>]*' | sed -E 's/.* tests="([0-9]+)".*/\1/' | paste -sd+ | bc)"
}

if [ "${1:-}" = "--report" ]; then
  summary "$2"
  classes "$2" | sort -rn | awk '{printf "%8.1f  %s\n", $1, $2}'
  exit 0
fi

base=${1:-main}
out=$(mktemp -d /tmp/teamplay-suite.XXXXXX)
tree="$out/baseline-tree"
git worktree add --detach -q "$tree" "$base"
trap 'git -C "$here" worktree remove --force "$tree" >/dev/null 2>&1 || true' EXIT

run "$tree" baseline
run "$here" new

echo "baseline ($base): $(summary "$out/baseline")"
echo "new (working tree): $(summary "$out/new")"
read -r bw bu bs < "$out/baseline/time"
read -r nw nu ns < "$out/new/time"
printf "ratio new/baseline: wall %.2f, CPU %.2f\n" "$(echo "$nw / $bw" | bc -l)" "$(echo "($nu + $ns) / ($bu + $bs)" | bc -l)"
echo
printf "%8s %8s %6s  %s\n" baseline new ratio "test class (seconds, slowest of either run first)"
join -a1 -a2 -e 0 -o 0,1.2,2.2 -1 1 -2 1 \
    <(classes "$out/baseline" | awk '{print $2, $1}' | sort) <(classes "$out/new" | awk '{print $2, $1}' | sort) \
  | awk '{m = $2 > $3 ? $2 : $3; printf "%s %s %s %s\n", m, $2, $3, $1}' | sort -rn \
  | awk '{r = $2 > 0 ? sprintf("%.2f", $3 / $2) : "-"; printf "%8.1f %8.1f %6s  %s\n", $2, $3, r, $4}'
echo "(logs and reports: $out)"
