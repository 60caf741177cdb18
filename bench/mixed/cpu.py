"""CPU used and CPU waited for, per thread group of the service and by its PostgreSQL backends, between two snapshots
(Linux /proc/<tid>/schedstat: time on a CPU, time runnable but waiting in a run queue).

  python3 bench/mixed/cpu.py snapshot <service pid> <pid of each PostgreSQL backend...> > before
  python3 bench/mixed/cpu.py diff before after <seconds>"""
import collections
import os
import sys


def group(name):
    for prefix, g in (("executor-thread", "service: HTTP requests (executor-thread-*)"),
                      ("plays-worker", "service: event worker (plays-worker-*)"),
                      ("vert.x-eventloo", "service: vert.x event loops"),
                      ("C2 CompilerThre", "service: JIT compilers"), ("C1 CompilerThre", "service: JIT compilers"),
                      ("GC Thread", "service: GC"), ("G1 ", "service: GC")):
        if name.startswith(prefix):
            return g
    return "service: other threads"


def snapshot(service, backends):
    for tid in os.listdir(f"/proc/{service}/task"):
        try:
            name = open(f"/proc/{service}/task/{tid}/comm").read().strip()
            run, wait, _ = open(f"/proc/{service}/task/{tid}/schedstat").read().split()
        except OSError:
            continue
        print(f"{service}/{tid}\t{run}\t{wait}\t{group(name)}")
    for pid in backends:
        try:
            run, wait, _ = open(f"/proc/{pid}/schedstat").read().split()
        except OSError:
            continue
        print(f"{pid}\t{run}\t{wait}\tPostgreSQL: this database's backends")


def diff(before_file, after_file, seconds):
    def read(path):
        return {line.split("\t")[0]: line.rstrip("\n").split("\t")[1:] for line in open(path) if line.strip()}
    before, after = read(before_file), read(after_file)
    run, wait = collections.Counter(), collections.Counter()
    for key, (r, w, g) in after.items():
        r0, w0, _ = before.get(key, ("0", "0", g))
        run[g] += int(r) - int(r0)
        wait[g] += int(w) - int(w0)
    print(f"CPU over the {seconds:.0f} s of the load (schedstat): on a CPU / runnable but waiting for one")
    for g in sorted(run, key=lambda k: -run[k] - wait[k]):
        print(f"  {g:48s} {run[g] / 1e9:7.1f} s on CPU ({100 * run[g] / 1e9 / seconds:5.1f} % of one core)"
              f"  {wait[g] / 1e9:7.1f} s waiting for a CPU")


if sys.argv[1] == "snapshot":
    snapshot(sys.argv[2], sys.argv[3:])
else:
    diff(sys.argv[2], sys.argv[3], float(sys.argv[4]))
