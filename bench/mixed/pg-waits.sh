#!/usr/bin/env bash
# Samples what the PostgreSQL backends of one database are doing, every 0.2 s until stopped (kill its pid), then
# sums the samples: a backend "active" with no wait event is working on a CPU (or waiting for one), "Lock" is waiting
# for another transaction's row or transaction lock, "Client: ClientRead" inside a transaction ("idle in
# transaction") is waiting for the service to send its next statement.
#   bench/mixed/pg-waits.sh <db> <out file> &  ...  kill $!   (the summary is written to <out file>.summary)
DB=$1 OUT=$2
: >"$OUT"
summarise() {
  local n; n=$(cut -f1 "$OUT" | sort -u | wc -l)
  {
    echo "PostgreSQL backends of $DB, $n samples (0.2 s apart): backends per sample in each state"
    cut -f2- "$OUT" | awk -F'\t' '{print $1 "\t" $2}' | sort | uniq -c | sort -rn |
      awk -v n="$n" '{c = $1; $1 = ""; printf "  %6.2f  %s\n", c / n, $0}'
    echo "statements waiting on a lock (first 70 characters), backends per sample:"
    awk -F'\t' '$3 ~ /^Lock/ {print $3 "\t" $4}' "$OUT" | sort | uniq -c | sort -rn | head -8 |
      awk -v n="$n" '{c = $1; $1 = ""; printf "  %6.2f  %s\n", c / n, $0}'
    echo "statements the lock waits are waiting behind (the blocking backend's current or last statement):"
    awk -F'\t' '$3 ~ /^Lock/ && $5 != "" {print $5}' "$OUT" | sort | uniq -c | sort -rn | head -8 |
      awk -v n="$n" '{c = $1; $1 = ""; printf "  %6.2f  %s\n", c / n, $0}'
  } >"$OUT.summary"
  exit 0
}
trap summarise TERM INT
while true; do
  psql -h 127.0.0.1 -U postgres -d "$DB" -tA -F $'\t' -c "
    select to_char(clock_timestamp(), 'HH24:MI:SS.MS'), a.state,
           coalesce(a.wait_event_type || ': ' || a.wait_event, 'no wait (on a CPU)'),
           left(regexp_replace(a.query, '\s+', ' ', 'g'), 70),
           (select left(regexp_replace(b.query, '\s+', ' ', 'g'), 70) || ' [' || b.state || ']'
              from pg_stat_activity b where b.pid = (pg_blocking_pids(a.pid))[1])
    from pg_stat_activity a
    where a.datname = '$DB' and a.pid <> pg_backend_pid() and a.state <> 'idle'" >>"$OUT" 2>/dev/null &
  wait $!
  sleep 0.2 & wait $!
done
