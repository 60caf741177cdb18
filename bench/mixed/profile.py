"""Summarises a JFR recording of the service: where its threads ran (execution samples) and waited (socket reads,
which on this service are PostgreSQL's answers), per thread group: the HTTP requests (executor-thread-*), the event
worker (plays-worker-*) and the rest.   python3 bench/mixed/profile.py <recording.jfr>"""
import collections
import re
import subprocess
import sys

recording = sys.argv[1]


def events(kind):
    text = subprocess.run(["jfr", "print", "--stack-depth", "64", "--events", kind, recording],
                          capture_output=True, text=True, check=True).stdout
    return text.split("\n}\n")


def group(thread):
    if thread.startswith("executor-thread"):
        return "HTTP requests (executor-thread-*)"
    if thread.startswith("plays-worker"):
        return "event worker (plays-worker-*)"
    return "other threads"


def frames(block):
    stack = block.split("stackTrace = [", 1)[1] if "stackTrace = [" in block else ""
    return [re.sub(r"\s+line:.*", "", f.strip()) for f in stack.splitlines()
            if f.strip() and f.strip() not in ("]", "...")]


def ours(stack):
    return next((f for f in stack if f.startswith("io.teamplay.") and "_Subclass" not in f
                 and "_ClientProxy" not in f and "$$" not in f), "(no frame of io.teamplay)")


def thread_of(block):
    m = re.search(r'(?:sampledThread|eventThread) = "([^"]*)"', block)
    return m.group(1) if m else "?"


samples = [b for b in events("jdk.ExecutionSample") if "stackTrace" in b]
by_group = collections.defaultdict(list)
for b in samples:
    by_group[group(thread_of(b))].append(frames(b))
print(f"execution samples: {len(samples)} (a sample is a thread running Java code; waits are not sampled)")
for g, stacks in sorted(by_group.items(), key=lambda kv: -len(kv[1])):
    print(f"\n== {g}: {len(stacks)} samples ({100 * len(stacks) / max(1, len(samples)):.0f} %)")
    print("   first io.teamplay frame on the stack:")
    for f, n in collections.Counter(ours(s) for s in stacks).most_common(12):
        print(f"   {n:5d} {100 * n / len(stacks):4.0f} %  {f}")
    print("   top of the stack:")
    for f, n in collections.Counter(s[0] for s in stacks if s).most_common(8):
        print(f"   {n:5d} {100 * n / len(stacks):4.0f} %  {f}")
    print("   any frame on the stack (inclusive), by library:")
    lib = collections.Counter()
    for s in stacks:
        seen = set()
        for f in s:
            for name, prefix in (("PostgreSQL driver", "org.postgresql."), ("Hibernate", "org.hibernate."),
                                 ("Drools/KIE", "org.drools."), ("Jackson", "com.fasterxml.jackson."),
                                 ("Narayana (transactions)", "com.arjuna."), ("Agroal (pool)", "io.agroal."),
                                 ("RESTEasy", "org.jboss.resteasy."), ("logging", "org.jboss.logmanager.")):
                if f.startswith(prefix):
                    seen.add(name)
        lib.update(seen)
    for name, n in lib.most_common():
        print(f"   {n:5d} {100 * n / len(stacks):4.0f} %  {name}")

reads = [b for b in events("jdk.SocketRead") if "duration" in b]
waits = collections.defaultdict(lambda: [0, 0.0])
for b in reads:
    m = re.search(r"duration = ([0-9.]+) (ms|s|us)", b)
    if not m:
        continue
    ms = float(m.group(1)) * {"ms": 1, "s": 1000, "us": 0.001}[m.group(2)]
    w = waits[group(thread_of(b))]
    w[0] += 1
    w[1] += ms
print("\nsocket reads longer than the recording's threshold (waits for PostgreSQL's answer or a client):")
for g, (n, ms) in sorted(waits.items(), key=lambda kv: -kv[1][1]):
    print(f"   {g}: {n} reads, {ms / 1000:.1f} s in all, {ms / max(1, n):.0f} ms each on average")
