#!/usr/bin/env bash
# What the plays allowlist check costs per file, next to compiling the file. Usage: bench/allowlist/run.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q compile
./mvnw -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=runtime >/dev/null
java -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
     -cp "target/classes:$(cat target/bench-classpath.txt)" bench/allowlist/PlayCheckBench.java "${1:-200}" 2>/dev/null
